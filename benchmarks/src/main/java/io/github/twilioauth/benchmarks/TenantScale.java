package io.github.twilioauth.benchmarks;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.twilioauth.token.ApiTokenManager;
import io.github.twilioauth.token.TokenExecutors;
import io.github.twilioauth.token.TokenManagerOptions;

/**
 * Thousands of tenants in one JVM, each with a token manager of its own, sharing what the
 * auto-configuration shares: one executor of {@value #CONCURRENCY_LIMIT} threads for token
 * requests (the {@code twilio.token-requests.concurrency-limit} default) and one HTTP client.
 * The token endpoint is the stand-in, in a process of its own ({@link StandInProcess}),
 * answering in 50 ms.
 * <p>
 * For each number of tenants it reports the heap per idle manager (after GC, before and after
 * each has its token), the live threads and open file descriptors of this JVM once every
 * manager has fetched one token, and the time until all have one. {@value #CALLERS} caller
 * threads (a web server's request threads, say) ask each manager for its token once; they are
 * not counted among the threads, which are the library's ({@code twilio-token-*}), the HTTP
 * client's ({@code HttpClient-*}) and the JVM's own.
 * <p>
 * Run with {@code java -Xmx1g -cp benchmarks/target/benchmarks.jar io.github.twilioauth.benchmarks.TenantScale}
 * (tenant counts as arguments; 100, 1000 and 10000 by default).
 */
public final class TenantScale {

    private static final int CONCURRENCY_LIMIT = SharedTokenSettings.CONCURRENCY_LIMIT;

    private static final int CALLERS = 256;

    private static final Duration TOKEN_LATENCY = Duration.ofMillis(50);

    private static final String CALLER_PREFIX = "caller-";

    private TenantScale() {
    }

    /**
     * Runs the scenario for each tenant count and prints one line per count.
     * @param args tenant counts, or none for 100, 1000 and 10000
     * @throws Exception if a caller fails
     */
    public static void main(String[] args) throws Exception {
        int[] counts = (args.length > 0) ? Arrays.stream(args).mapToInt(Integer::parseInt).toArray()
                : new int[] { 100, 1_000, 10_000 };
        System.out.printf("Tenant scale: %d callers, token requests on %d threads, token latency %d ms; Java %s,"
                + " %d CPUs, max heap %d MiB%n%n", CALLERS, CONCURRENCY_LIMIT, TOKEN_LATENCY.toMillis(),
                Runtime.version(), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf("%8s %12s %13s %8s %8s %8s %8s %8s %13s%n", "tenants", "heap/idle B", "heap/token B",
                "threads", "library", "client", "jvm", "fds", "all have (s)");
        for (int count : counts) {
            run(count);
        }
    }

    static String clientId(int tenant) {
        return "OQ" + String.format("%032d", tenant);
    }

    static String clientSecret(int tenant) {
        return "secret-" + tenant;
    }

    private static void run(int tenants) throws Exception {
        Process standIn = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), StandInProcess.class.getName(), String.valueOf(tenants),
                String.valueOf(TOKEN_LATENCY.toMillis()))
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
        try (BufferedReader answers = new BufferedReader(
                new InputStreamReader(standIn.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter commands = new PrintWriter(standIn.getOutputStream(), true, StandardCharsets.UTF_8);
                SharedTokenSettings shared = new SharedTokenSettings()) {
            String tokenUrl = answers.readLine();
            long heapBefore = usedHeapAfterGc();
            List<ApiTokenManager> managers = new ArrayList<>(tenants);
            for (int tenant = 0; tenant < tenants; tenant++) {
                managers.add(new ApiTokenManager(TokenManagerOptions.builder()
                    .clientId(clientId(tenant))
                    .clientSecret(clientSecret(tenant))
                    .tokenUrl(tokenUrl)
                    .build(), shared.settings()));
            }
            long heapIdle = usedHeapAfterGc();
            long started = System.nanoTime();
            fetchOnceEach(managers);
            double seconds = (System.nanoTime() - started) / 1e9;
            Map<String, Integer> threads = liveThreadsByKind();
            int fds = openFileDescriptors();
            long heapWithTokens = usedHeapAfterGc();
            commands.println("count");
            int tokenRequests = Integer.parseInt(answers.readLine());
            if (tokenRequests != tenants) {
                throw new IllegalStateException(tokenRequests + " token requests for " + tenants + " tenants");
            }
            int allThreads = threads.values().stream().mapToInt(Integer::intValue).sum();
            System.out.printf("%8d %12d %13d %8d %8d %8d %8d %8d %13.2f%n", tenants, (heapIdle - heapBefore) / tenants,
                    (heapWithTokens - heapBefore) / tenants, allThreads, threads.getOrDefault("library", 0),
                    threads.getOrDefault("client", 0), threads.getOrDefault("jvm", 0), fds, seconds);
            managers.forEach(ApiTokenManager::close);
        }
        finally {
            standIn.destroy();
            standIn.waitFor();
        }
    }

    /** Asks every manager for its token once, from {@value #CALLERS} threads, and waits until they have ended. */
    private static void fetchOnceEach(List<ApiTokenManager> managers) throws Exception {
        AtomicInteger count = new AtomicInteger();
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS,
                (task) -> new Thread(task, CALLER_PREFIX + count.incrementAndGet()));
        try {
            AtomicInteger next = new AtomicInteger();
            List<Future<?>> done = new ArrayList<>();
            for (int caller = 0; caller < CALLERS; caller++) {
                done.add(callers.submit(() -> {
                    for (int i = next.getAndIncrement(); i < managers.size(); i = next.getAndIncrement()) {
                        managers.get(i).getToken();
                    }
                    return null;
                }));
            }
            for (Future<?> caller : done) {
                caller.get();
            }
        }
        finally {
            callers.shutdownNow();
            callers.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static Map<String, Integer> liveThreadsByKind() {
        Map<String, Integer> kinds = new TreeMap<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            String name = thread.getName();
            if (!name.startsWith(CALLER_PREFIX)) {
                String kind = name.startsWith(TokenExecutors.THREAD_NAME_PREFIX) ? "library"
                        : name.startsWith("HttpClient-") ? "client" : "jvm";
                kinds.merge(kind, 1, Integer::sum);
            }
        }
        return kinds;
    }

    private static int openFileDescriptors() {
        String[] fds = new File("/proc/self/fd").list();
        return (fds != null) ? fds.length : -1;
    }
}
