package io.github.twilioauth.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;

import io.github.twilioauth.TwilioAuthenticationException;
import io.github.twilioauth.autoconfigure.TwilioAutoConfiguration;
import io.github.twilioauth.client.TwilioClient;
import io.github.twilioauth.client.TwilioClients;
import io.github.twilioauth.client.TwilioTenant;
import io.github.twilioauth.client.TwilioTenantRepository;
import io.github.twilioauth.credential.ClientCredentialProviderBuilder;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * 100,000 tenants of a {@link TwilioTenantRepository}, served by the auto-configured
 * {@link TwilioClients} with {@code twilio.tenant-cache.maximum-size} 10,000: Zipf-distributed
 * calls of {@code get(name)} followed by the tenant's {@code Authorization} header, each tenant an
 * OAuth client-credentials app of the stand-in (in a process of its own, {@link StandInProcess},
 * answering token requests without added latency). A call is a miss when this caller's thread ran
 * the repository lookup (then a client and a token manager are built and a token fetched), a hit
 * otherwise; their latencies are reported apart. Reports heap after GC, live threads, meters of a
 * {@link SimpleMeterRegistry} fed by the observations, token requests, cached tenants, and
 * p50/p99/p99.9 of hits and misses.
 * <p>
 * Run with {@code java -Xmx1g -cp benchmarks/target/benchmarks.jar io.github.twilioauth.benchmarks.RepositoryTenantScale}
 * (arguments: tenants, calls, Zipf exponent, caller threads; 100000 1000000 1.0 4 by default).
 * The first fifth of the calls again warms up and is not measured.
 */
public final class RepositoryTenantScale {

    private static final int MAXIMUM_SIZE = 10_000;

    /** Whether the lookup running on this thread was this call's: set by the repository. */
    private static final ThreadLocal<boolean[]> LOOKED_UP = ThreadLocal.withInitial(() -> new boolean[1]);

    private RepositoryTenantScale() {
    }

    /**
     * Runs the scenario and prints its figures.
     * @param args tenants, calls, Zipf exponent, caller threads
     * @throws Exception if a caller fails
     */
    public static void main(String[] args) throws Exception {
        int tenants = (args.length > 0) ? Integer.parseInt(args[0]) : 100_000;
        int calls = (args.length > 1) ? Integer.parseInt(args[1]) : 1_000_000;
        double exponent = (args.length > 2) ? Double.parseDouble(args[2]) : 1.0;
        int callers = (args.length > 3) ? Integer.parseInt(args[3]) : 4;
        Process standIn = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), StandInProcess.class.getName(), String.valueOf(tenants), "0")
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
        try (BufferedReader answers = new BufferedReader(
                new InputStreamReader(standIn.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter commands = new PrintWriter(standIn.getOutputStream(), true, StandardCharsets.UTF_8)) {
            String tokenUrl = answers.readLine();
            String baseUrl = tokenUrl.substring(0, tokenUrl.length() - "/v2/token".length());
            AtomicLong lookups = new AtomicLong();
            TwilioTenantRepository repository = (name) -> {
                lookups.incrementAndGet();
                LOOKED_UP.get()[0] = true;
                int tenant = Integer.parseInt(name.substring(1));
                return TwilioTenant.builder()
                    .accountSid(LocalTwilio.ACCOUNT_SID)
                    .credentials(new ClientCredentialProviderBuilder().setClientId(TenantScale.clientId(tenant))
                        .setClientSecret(TenantScale.clientSecret(tenant))
                        .build())
                    .build();
            };
            int threadsBefore = liveThreads();
            try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
                .web(WebApplicationType.NONE)
                .initializers((ctx) -> ctx.getBeanFactory().registerSingleton("tenantRepository", repository))
                .properties("twilio.base-url=" + baseUrl, "twilio.tenant-cache.maximum-size=" + MAXIMUM_SIZE,
                        "spring.main.banner-mode=off", "logging.level.root=warn")
                .run()) {
                TwilioClients clients = context.getBean(TwilioClients.class);
                MeterRegistry meters = context.getBean(MeterRegistry.class);
                double[] cumulative = zipf(tenants, exponent);
                Histogram[] hits = new Histogram[callers];
                Histogram[] misses = new Histogram[callers];
                for (int caller = 0; caller < callers; caller++) {
                    hits[caller] = new Histogram();
                    misses[caller] = new Histogram();
                }
                long heapStart = usedHeapAfterGc();
                int threadsStart = liveThreads();
                int warmUp = calls / 5;
                AtomicLong raced = new AtomicLong();
                run(clients, cumulative, warmUp, callers, null, null, raced);
                long racedWarm = raced.get();
                long heapWarm = usedHeapAfterGc();
                int threadsWarm = liveThreads();
                long lookupsWarm = lookups.get();
                commands.println("count");
                int tokensWarm = Integer.parseInt(answers.readLine());
                long started = System.nanoTime();
                run(clients, cumulative, calls, callers, hits, misses, raced);
                double seconds = (System.nanoTime() - started) / 1e9;
                long heapEnd = usedHeapAfterGc();
                int threadsEnd = liveThreads();
                commands.println("count");
                int tokensEnd = Integer.parseInt(answers.readLine());
                Histogram hit = Histogram.merge(hits);
                Histogram miss = Histogram.merge(misses);
                System.out.printf("Repository tenants: %d names, %d calls measured after %d warm-up calls, Zipf exponent"
                        + " %.2f, %d caller threads, maximum-size %d; Java %s, %d CPUs, max heap %d MiB, load %s%n",
                        tenants, calls, warmUp, exponent, callers, MAXIMUM_SIZE, Runtime.version(),
                        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                        loadAverage());
                System.out.printf("  measured run: %.1f s, %.0f calls/s%n", seconds, calls / seconds);
                System.out.printf("  hits:   %8d  p50 %8.1f us  p99 %8.1f us  p99.9 %8.1f us  max %8.1f us%n",
                        hit.count(), hit.percentile(0.50), hit.percentile(0.99), hit.percentile(0.999), hit.max());
                System.out.printf("  misses: %8d  p50 %8.1f us  p99 %8.1f us  p99.9 %8.1f us  max %8.1f us%n",
                        miss.count(), miss.percentile(0.50), miss.percentile(0.99), miss.percentile(0.999), miss.max());
                System.out.printf("  repository lookups: %d in the measured run (%d in warm-up)%n",
                        lookups.get() - lookupsWarm, lookupsWarm);
                System.out.printf("  token requests: %d in the measured run (%d in warm-up)%n", tokensEnd - tokensWarm,
                        tokensWarm);
                System.out.printf("  cached tenants at the end: %d%n", clients.repositoryClients().size());
                System.out.printf("  evicted between get and header (asked again): %d in the measured run (%d in"
                        + " warm-up)%n", raced.get() - racedWarm, racedWarm);
                System.out.printf("  heap after GC: %d MiB with the context up, %d MiB after warm-up, %d MiB at the"
                        + " end%n", heapStart >> 20, heapWarm >> 20, heapEnd >> 20);
                System.out.printf("  live threads: %d before the context, %d with it up, %d after warm-up, %d at the"
                        + " end%n", threadsBefore, threadsStart, threadsWarm, threadsEnd);
                System.out.printf("  meters: %d (twilio.tenant values: %s)%n", meters.getMeters().size(),
                        meters.getMeters()
                            .stream()
                            .map((meter) -> meter.getId().getTag("twilio.tenant"))
                            .distinct()
                            .toList());
            }
        }
        finally {
            standIn.destroy();
            standIn.waitFor();
        }
    }

    /** Makes {@code calls} calls from {@code callers} threads; records latencies when histograms are given. */
    private static void run(TwilioClients clients, double[] cumulative, int calls, int callers,
            Histogram @Nullable [] hits, Histogram @Nullable [] misses, AtomicLong raced) throws Exception {
        AtomicInteger remaining = new AtomicInteger(calls);
        ExecutorService threads = Executors.newFixedThreadPool(callers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int caller = 0; caller < callers; caller++) {
                int index = caller;
                done.add(threads.submit(() -> {
                    SplittableRandom random = new SplittableRandom(31L * index + calls);
                    boolean[] lookedUp = LOOKED_UP.get();
                    while (remaining.getAndDecrement() > 0) {
                        String name = "t" + rank(cumulative, random.nextDouble());
                        lookedUp[0] = false;
                        long start = System.nanoTime();
                        String header = header(clients, name, raced);
                        long elapsed = System.nanoTime() - start;
                        if (header == null) {
                            throw new IllegalStateException("no Authorization header for " + name);
                        }
                        if (hits != null && misses != null) {
                            (lookedUp[0] ? misses : hits)[index].record(elapsed);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> caller : done) {
                caller.get();
            }
        }
        finally {
            threads.shutdownNow();
            threads.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    /**
     * Returns a tenant's {@code Authorization} header. The strategy of a client is used here
     * outside a call, which the client's release does not wait for: when the tenant was evicted
     * and released between {@code get} and the header (Caffeine may also turn away a tenant it
     * just admitted, when its frequency is lower than the victim's), its token manager is closed,
     * and the header is asked of the tenant's current client, counted in {@code raced}. A call
     * through the client ({@code request}, {@code messages()}) goes to the current client by
     * itself.
     */
    private static @Nullable String header(TwilioClients clients, String name, AtomicLong raced) {
        for (int attempt = 1;; attempt++) {
            TwilioClient client = clients.get(name);
            try {
                return client.getAuthStrategy().authorizationHeader();
            }
            catch (TwilioAuthenticationException ex) {
                if (!client.isReleased() || attempt == 10) {
                    throw ex;
                }
                raced.incrementAndGet();
            }
        }
    }

    /** The cumulative distribution of Zipf's law over {@code n} ranks. */
    private static double[] zipf(int n, double exponent) {
        double[] cumulative = new double[n];
        double sum = 0;
        for (int rank = 1; rank <= n; rank++) {
            sum += 1 / Math.pow(rank, exponent);
            cumulative[rank - 1] = sum;
        }
        for (int i = 0; i < n; i++) {
            cumulative[i] /= sum;
        }
        return cumulative;
    }

    private static int rank(double[] cumulative, double uniform) {
        int found = Arrays.binarySearch(cumulative, uniform);
        return Math.min((found >= 0) ? found : -found - 1, cumulative.length - 1);
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static int liveThreads() {
        return Thread.getAllStackTraces().size();
    }

    private static String loadAverage() {
        return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** The application: the starter's auto-configuration, and meters of its observations. */
    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({ RestClientAutoConfiguration.class, TwilioAutoConfiguration.class })
    static class Application {

        @Bean
        SimpleMeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }

        @Bean
        ObservationRegistry observationRegistry(SimpleMeterRegistry meters) {
            ObservationRegistry registry = ObservationRegistry.create();
            registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
            return registry;
        }
    }

    /**
     * Latencies in buckets of 0.1 us up to 10 ms, then of 0.1 ms up to 60 s; allocated before the
     * heap is measured, so recording allocates nothing.
     */
    static final class Histogram {

        private static final int FINE = 100_000;

        private static final int COARSE = 600_000;

        private final int[] fine = new int[FINE];

        private final int[] coarse = new int[COARSE];

        private long count;

        private long max;

        void record(long nanos) {
            long tenths = nanos / 100;
            if (tenths < FINE) {
                this.fine[(int) tenths]++;
            }
            else {
                this.coarse[(int) Math.min(COARSE - 1, nanos / 100_000)]++;
            }
            this.count++;
            this.max = Math.max(this.max, nanos);
        }

        long count() {
            return this.count;
        }

        double max() {
            return this.max / 1_000.0;
        }

        /** The latency in microseconds that {@code quantile} of the calls did not exceed. */
        double percentile(double quantile) {
            long wanted = (long) Math.ceil(quantile * this.count);
            long seen = 0;
            for (int i = 0; i < FINE; i++) {
                seen += this.fine[i];
                if (seen >= wanted && seen > 0) {
                    return (i + 1) / 10.0;
                }
            }
            for (int i = 0; i < COARSE; i++) {
                seen += this.coarse[i];
                if (seen >= wanted && seen > 0) {
                    return (i + 1) * 100.0;
                }
            }
            return Double.NaN;
        }

        static Histogram merge(Histogram[] histograms) {
            Histogram all = new Histogram();
            for (Histogram histogram : histograms) {
                for (int i = 0; i < FINE; i++) {
                    all.fine[i] += histogram.fine[i];
                }
                for (int i = 0; i < COARSE; i++) {
                    all.coarse[i] += histogram.coarse[i];
                }
                all.count += histogram.count;
                all.max = Math.max(all.max, histogram.max);
            }
            return all;
        }
    }
}
