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
 * Thousands of tenants in one JVM, each with a token manager of its own, in two ways: sharing
 * what the auto-configuration shares (one executor of {@value #CONCURRENCY_LIMIT} threads for
 * token requests, the {@code twilio.token-requests.concurrency-limit} default, and one HTTP
 * client), and built by hand, {@code new ApiTokenManager(options)}, on the JVM-wide default
 * executor and HTTP client. The token endpoint is the stand-in, in a process of its own
 * ({@link StandInProcess}), answering in 50 ms.
 * <p>
 * For each number of tenants and each way it reports the heap per idle manager (after GC, before
 * and after each has its token), the live threads and open file descriptors of this JVM once
 * every manager has fetched one token, the threads added since before the managers were built,
 * and the time until all have one. {@value #CALLERS} caller threads (a web server's request
 * threads, say) ask each manager for its token once; they are not counted among the threads,
 * which are the library's ({@code twilio-token-*}), the HTTP client's ({@code HttpClient-*} of
 * the JDK's client, {@code Keep-Alive-Timer} of {@code HttpURLConnection}) and the JVM's own.
 * Each run starts once the library threads of the previous one have ended. Target: threads
 * added at most the concurrency limit plus {@value #MAX_EXTRA_THREADS}.
 * <p>
 * Run with {@code java -Xmx1g -cp benchmarks/target/benchmarks.jar io.github.twilioauth.benchmarks.TenantScale}
 * (tenant counts as arguments; 2000 and 10000 by default).
 */
public final class TenantScale {

    private static final int CONCURRENCY_LIMIT = SharedTokenSettings.CONCURRENCY_LIMIT;

    /** Threads besides the executor's that token requests may add, all tenants together. */
    private static final int MAX_EXTRA_THREADS = 8;

    private static final int CALLERS = 256;

    private static final Duration TOKEN_LATENCY = Duration.ofMillis(50);

    private static final String CALLER_PREFIX = "caller-";

    private TenantScale() {
    }

    /**
     * Runs the scenario for each tenant count, shared and by hand, and prints one line per run.
     * @param args tenant counts, or none for 2000 and 10000
     * @throws Exception if a caller fails
     */
    public static void main(String[] args) throws Exception {
        int[] counts = (args.length > 0) ? Arrays.stream(args).mapToInt(Integer::parseInt).toArray()
                : new int[] { 2_000, 10_000 };
        System.out.printf("Tenant scale: %d callers, token requests on %d threads, token latency %d ms; Java %s,"
                + " %d CPUs, max heap %d MiB%n%n", CALLERS, CONCURRENCY_LIMIT, TOKEN_LATENCY.toMillis(),
                Runtime.version(), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf("%8s %8s %12s %13s %8s %8s %8s %8s %8s %8s %13s %s%n", "tenants", "managers",
                "heap/idle B", "heap/token B", "threads", "added", "library", "client", "jvm", "fds", "all have (s)",
                "target: added <= " + (CONCURRENCY_LIMIT + MAX_EXTRA_THREADS));
        for (int count : counts) {
            run(count, false);
            run(count, true);
        }
    }

    static String clientId(int tenant) {
        return "OQ" + String.format("%032d", tenant);
    }

    static String clientSecret(int tenant) {
        return "secret-" + tenant;
    }

    private static void run(int tenants, boolean byHand) throws Exception {
        awaitNoLibraryThread();
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
            int threadsBefore = total(liveThreadsByKind());
            List<ApiTokenManager> managers = new ArrayList<>(tenants);
            for (int tenant = 0; tenant < tenants; tenant++) {
                TokenManagerOptions options = TokenManagerOptions.builder()
                    .clientId(clientId(tenant))
                    .clientSecret(clientSecret(tenant))
                    .tokenUrl(tokenUrl)
                    .build();
                managers.add(byHand ? new ApiTokenManager(options) : new ApiTokenManager(options, shared.settings()));
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
            int allThreads = total(threads);
            int added = allThreads - threadsBefore;
            System.out.printf("%8d %8s %12d %13d %8d %8d %8d %8d %8d %8d %13.2f %s%n", tenants,
                    byHand ? "by hand" : "shared", (heapIdle - heapBefore) / tenants,
                    (heapWithTokens - heapBefore) / tenants, allThreads, added, threads.getOrDefault("library", 0),
                    threads.getOrDefault("client", 0), threads.getOrDefault("jvm", 0), fds, seconds,
                    (added <= CONCURRENCY_LIMIT + MAX_EXTRA_THREADS) ? "met" : "MISSED");
            managers.forEach(ApiTokenManager::close);
        }
        finally {
            standIn.destroy();
            standIn.waitFor();
        }
    }

    /** Waits until the library's threads of an earlier run have ended: they end after 30 s idle. */
    private static void awaitNoLibraryThread() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (liveThreadsByKind().getOrDefault("library", 0) > 0 && System.nanoTime() - deadline < 0) {
            Thread.sleep(100);
        }
    }

    private static int total(Map<String, Integer> threads) {
        return threads.values().stream().mapToInt(Integer::intValue).sum();
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
                        : (name.startsWith("HttpClient-") || name.equals("Keep-Alive-Timer")) ? "client" : "jvm";
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
