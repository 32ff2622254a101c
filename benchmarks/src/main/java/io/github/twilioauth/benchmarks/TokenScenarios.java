package io.github.twilioauth.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.github.twilioauth.test.MockTwilioServer;
import io.github.twilioauth.test.TokenRequest;
import io.github.twilioauth.token.ApiTokenManager;
import io.github.twilioauth.token.TokenExecutors;
import io.github.twilioauth.token.TokenManagerOptions;
import io.github.twilioauth.token.TokenManagerSettings;

/**
 * Token scenarios that are events rather than steady states: a stampede on a manager with no
 * token, a multi-tenant cold start (managers sharing the application's executor and HTTP client,
 * and managers built by hand), renewals while callers keep asking, and tenants whose token
 * endpoint hangs beside tenants starting cold. Each runs against
 * the Twilio stand-in on loopback, in real time with the system ticker, once as a warm-up
 * (class loading and JIT of the HTTP stack) and then {@value #ROUNDS} times; the table shows the
 * warm-up round apart and min, median and max of the measured rounds, then whether the target
 * was met in every measured round.
 * <p>
 * A plain program rather than JMH: each round is one event measured by wall clock from the
 * moment the waiting threads are released, and what matters is counted (token requests, slow
 * calls) rather than averaged.
 * <p>
 * The rollover runs twice. With callers that pause between calls, the cores are mostly idle, so
 * a call slower than 20 ms is a caller that waited for a token. With callers back to back, 16
 * threads share 2 cores and a call's wall-clock time includes the time its thread waited for a
 * core; that run shows the token requests under the most contention, and its slow calls are to
 * be read against the same load calling a method that returns a constant.
 * <p>
 * Run with {@code java -cp benchmarks/target/benchmarks.jar io.github.twilioauth.benchmarks.TokenScenarios}.
 */
public final class TokenScenarios {

    private static final int ROUNDS = 5;

    /** Token endpoint latency: long enough that a caller who waited for a fetch is seen as slow. */
    private static final Duration TOKEN_LATENCY = Duration.ofMillis(50);

    private static final int STAMPEDE_THREADS = 64;

    private static final int TENANTS = 20;

    private static final int THREADS_PER_TENANT = 4;

    /** Most a cold start of managers built by hand may take more than one of managers sharing settings. */
    private static final double BY_HAND_TOLERANCE = 0.2;

    /** Tenants whose token endpoint hangs in d, each abandoning {@value #ABANDONED_FETCHES} fetches. */
    private static final int HANGING_TENANTS = 8;

    /** Fetches each hanging tenant abandons by {@code clearToken()} while a caller waits, in d. */
    private static final int ABANDONED_FETCHES = 8;

    /** Most a hanging tenant may delay another tenant's first token. */
    private static final Duration MAX_HANGING_DELAY = Duration.ofMillis(100);

    /** 2.6 s of usable life once the safety margin (a tenth plus 1 s) is taken off: renewal ahead at 2.08 s. */
    private static final Duration SHORT_LIFETIME = Duration.ofSeconds(4);

    private static final int ROLLOVER_THREADS = 16;

    private static final Duration ROLLOVER_DURATION = Duration.ofSeconds(10);

    /** Pause between the calls of one thread in c': the two cores are left idle most of the time. */
    private static final Duration PAUSE = Duration.ofNanos(100_000);

    private static final Duration SLOW_CALL = Duration.ofMillis(20);

    private static final String SHORTEST_GAP = "shortest time between token requests (s)";

    private static final String SLOW_CALLS = "calls over " + SLOW_CALL.toMillis() + " ms";

    private static final String ALL_HAVE_A_TOKEN = "time until all have a token (ms)";

    private static final String HANGING_DELAY = "delay by the hanging tenants (ms)";

    /**
     * Shortest gap between two token requests when every one is a renewal due: 80% of the usable
     * life (2.08 s), with room for timing noise.
     */
    private static final Duration SHORTEST_RENEWAL_GAP = Duration.ofSeconds(1);

    /** Fewest renewals due in the rollover: 10 s at most 2.08 s apart. */
    private static final int MIN_RENEWALS = 4;

    private final MockTwilioServer twilio;

    /** A token endpoint that leaves every token request unanswered, for d. */
    private final MockTwilioServer stalled;

    /** The application's executor and HTTP client, which outlive the tenants' managers. */
    private final SharedTokenSettings shared;

    private TokenScenarios(MockTwilioServer twilio, MockTwilioServer stalled, SharedTokenSettings shared) {
        this.twilio = twilio;
        this.stalled = stalled;
        this.shared = shared;
    }

    /**
     * Runs every scenario and prints one table per scenario.
     * @param args none
     * @throws InterruptedException if interrupted while waiting for the callers
     */
    public static void main(String[] args) throws InterruptedException {
        System.out.printf("Token scenarios: %d measured rounds after one warm-up round; Java %s, %d CPUs%n%n",
                ROUNDS, Runtime.version(), Runtime.getRuntime().availableProcessors());
        try (MockTwilioServer twilio = LocalTwilio.start(); MockTwilioServer stalled = new MockTwilioServer().start();
                SharedTokenSettings shared = new SharedTokenSettings()) {
            for (int tenant = 0; tenant < TENANTS; tenant++) {
                twilio.oauthApp(tenantClientId(tenant), LocalTwilio.CLIENT_SECRET, LocalTwilio.ACCOUNT_SID);
            }
            for (int tenant = 0; tenant < HANGING_TENANTS; tenant++) {
                stalled.oauthApp(hangingClientId(tenant), LocalTwilio.CLIENT_SECRET, LocalTwilio.ACCOUNT_SID);
            }
            TokenScenarios scenarios = new TokenScenarios(twilio, stalled, shared);
            report("a. Cold stampede: " + STAMPEDE_THREADS + " threads released at once on a fresh manager, "
                    + "token endpoint answering in " + TOKEN_LATENCY.toMillis() + " ms",
                    scenarios::coldStampede, "exactly one token request",
                    (round) -> round.get("token requests") == 1);
            List<Map<String, Double>> shared20 = report("b. Multi-tenant cold start: " + TENANTS
                    + " fresh managers on the application's one executor and HTTP client (as auto-configured,"
                    + " created once for all rounds) x " + THREADS_PER_TENANT + " threads released at once,"
                    + " token endpoint answering in " + TOKEN_LATENCY.toMillis() + " ms",
                    () -> scenarios.multiTenantColdStart(false), "exactly " + TENANTS
                            + " token requests in under 150 ms",
                    (round) -> round.get("token requests") == TENANTS && round.get(ALL_HAVE_A_TOKEN) < 150);
            List<Map<String, Double>> byHand20 = report("b'. The same with managers built by hand,"
                    + " new ApiTokenManager(options): the JVM-wide default executor and HTTP client",
                    () -> scenarios.multiTenantColdStart(true), "exactly " + TENANTS
                            + " token requests in under 150 ms",
                    (round) -> round.get("token requests") == TENANTS && round.get(ALL_HAVE_A_TOKEN) < 150);
            compareMedians(ALL_HAVE_A_TOKEN, "b'", byHand20, "b", shared20);
            String rollover = ROLLOVER_THREADS + " threads calling getToken() for " + ROLLOVER_DURATION.toSeconds()
                    + " s, token lifetime " + SHORT_LIFETIME.toSeconds()
                    + " s (2.6 s usable, renewal ahead at 2.08 s), token endpoint answering in "
                    + TOKEN_LATENCY.toMillis() + " ms";
            report("c1. Expiry rollover, each caller pausing " + PAUSE.toNanos() / 1000 + " us between calls: "
                    + rollover, () -> scenarios.expiryRollover(PAUSE.toNanos()),
                    "one token request per renewal and no call over " + SLOW_CALL.toMillis() + " ms",
                    (round) -> oneRequestPerRenewal(round) && round.get(SLOW_CALLS) == 0);
            report("c2. Expiry rollover, callers back to back (both cores saturated): " + rollover,
                    () -> scenarios.expiryRollover(0), "one token request per renewal",
                    TokenScenarios::oneRequestPerRenewal);
            report("c3. Scheduler noise under the load of c2: the same threads back to back for "
                    + ROLLOVER_DURATION.toSeconds() + " s, calling a method that returns a constant",
                    TokenScenarios::schedulerNoise, null, null);
            report("d. Tenants whose token endpoint hangs: " + HANGING_TENANTS + " of them on the application's"
                    + " executor, each abandoning " + ABANDONED_FETCHES + " fetches by clearToken() while a caller"
                    + " waits; then " + TENANTS + " fresh healthy managers, one thread each, released at once,"
                    + " against the same without the hanging tenants", scenarios::hangingTenants,
                    "no hanging tenant delays another's first token by more than " + MAX_HANGING_DELAY.toMillis()
                            + " ms",
                    (round) -> round.get(HANGING_DELAY) <= MAX_HANGING_DELAY.toMillis()
                            && round.get("healthy tenants failed") == 0);
        }
    }

    private static String tenantClientId(int tenant) {
        return "OQtenant" + tenant;
    }

    private static String hangingClientId(int tenant) {
        return "OQhanging" + tenant;
    }

    private Map<String, Double> coldStampede() throws InterruptedException {
        prepare(Duration.ofHours(1));
        long nanos;
        try (ApiTokenManager manager = LocalTwilio.tokenManager(this.twilio)) {
            nanos = releaseTogether(STAMPEDE_THREADS, (thread) -> manager.getToken());
        }
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("token requests", (double) this.twilio.tokenRequestCount());
        figures.put(ALL_HAVE_A_TOKEN, millis(nanos));
        return figures;
    }

    /**
     * Starts {@value #TENANTS} fresh managers, on the shared settings or built by hand, each
     * asked by {@value #THREADS_PER_TENANT} threads at once.
     */
    private Map<String, Double> multiTenantColdStart(boolean byHand) throws InterruptedException {
        prepare(Duration.ofHours(1));
        ApiTokenManager[] managers = new ApiTokenManager[TENANTS];
        long nanos;
        for (int tenant = 0; tenant < TENANTS; tenant++) {
            TokenManagerOptions options = LocalTwilio
                .options(this.twilio, tenantClientId(tenant), LocalTwilio.CLIENT_SECRET)
                .build();
            managers[tenant] = byHand ? new ApiTokenManager(options)
                    : new ApiTokenManager(options, this.shared.settings());
        }
        nanos = releaseTogether(TENANTS * THREADS_PER_TENANT, (thread) -> managers[thread % TENANTS].getToken());
        Arrays.stream(managers).forEach(ApiTokenManager::close);
        Map<String, Long> perTenant = this.twilio.tokenRequests()
            .stream()
            .collect(Collectors.groupingBy(TokenRequest::clientId, Collectors.counting()));
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("token requests", (double) this.twilio.tokenRequestCount());
        figures.put("most token requests of one tenant",
                (double) perTenant.values().stream().mapToLong(Long::longValue).max().orElse(0));
        figures.put(ALL_HAVE_A_TOKEN, millis(nanos));
        return figures;
    }

    /**
     * Measures the first tokens of fresh healthy managers with no tenant hanging, then again
     * while {@value #HANGING_TENANTS} tenants whose token endpoint hangs have each abandoned
     * {@value #ABANDONED_FETCHES} fetches, all on the application's executor.
     */
    private Map<String, Double> hangingTenants() throws InterruptedException {
        prepare(Duration.ofHours(1));
        Map<String, Double> figures = new LinkedHashMap<>();
        int[] failed = new int[1];
        long alone = firstTokensOfFreshTenants(failed);
        this.stalled.reset();
        this.stalled.hangNextTokenRequests(10_000);
        List<ApiTokenManager> hanging = new ArrayList<>();
        List<Thread> waiters = new ArrayList<>();
        try {
            for (int tenant = 0; tenant < HANGING_TENANTS; tenant++) {
                ApiTokenManager manager = new ApiTokenManager(
                        LocalTwilio.options(this.stalled, hangingClientId(tenant), LocalTwilio.CLIENT_SECRET).build(),
                        this.shared.settings());
                hanging.add(manager);
                waiters.add(waitingForToken(manager));
                for (int abandoned = 0; abandoned < ABANDONED_FETCHES; abandoned++) {
                    manager.clearToken();
                    waiters.add(waitingForToken(manager));
                }
            }
            long beside = firstTokensOfFreshTenants(failed);
            figures.put("slowest first token, none hanging (ms)", millis(alone));
            figures.put("slowest first token, " + HANGING_TENANTS + " hanging (ms)", millis(beside));
            figures.put(HANGING_DELAY, millis(Math.max(beside - alone, 0)));
            figures.put("healthy tenants failed", (double) failed[0]);
            figures.put("requests sent to the hanging endpoint", (double) this.stalled.tokenRequestCount());
        }
        finally {
            hanging.forEach(ApiTokenManager::close);
            this.stalled.reset();
            for (Thread waiter : waiters) {
                waiter.join();
            }
        }
        return figures;
    }

    /**
     * Asks {@value #TENANTS} fresh managers on the shared settings for a token, one thread each,
     * released at once, counting the failed ones.
     * @return nanoseconds until the last has its token
     */
    private long firstTokensOfFreshTenants(int[] failed) throws InterruptedException {
        ApiTokenManager[] managers = new ApiTokenManager[TENANTS];
        for (int tenant = 0; tenant < TENANTS; tenant++) {
            managers[tenant] = new ApiTokenManager(
                    LocalTwilio.options(this.twilio, tenantClientId(tenant), LocalTwilio.CLIENT_SECRET).build(),
                    this.shared.settings());
        }
        try {
            return releaseTogether(TENANTS, (tenant) -> {
                try {
                    managers[tenant].getToken();
                }
                catch (RuntimeException ex) {
                    synchronized (failed) {
                        failed[0]++;
                    }
                }
            });
        }
        finally {
            Arrays.stream(managers).forEach(ApiTokenManager::close);
        }
    }

    /** Starts a thread that waits for a token of the manager, and returns once it waits. */
    private static Thread waitingForToken(ApiTokenManager manager) {
        Thread waiter = new Thread(() -> {
            try {
                manager.getToken();
            }
            catch (RuntimeException ex) {
                // Expected: the manager is closed while its token endpoint hangs.
            }
        }, "hanging-caller");
        waiter.start();
        while (waiter.getState() != Thread.State.TIMED_WAITING && waiter.isAlive()) {
            LockSupport.parkNanos(PAUSE.toNanos());
        }
        return waiter;
    }

    /**
     * Fetches a first token, then has the callers ask for tokens for the whole duration while
     * renewals come and go. A caller pauses {@code pauseNanos} between calls, or none with 0.
     */
    private Map<String, Double> expiryRollover(long pauseNanos) throws InterruptedException {
        prepare(SHORT_LIFETIME);
        FetchLog renewals;
        Set<String> tokensSeen = ConcurrentHashMap.newKeySet();
        Caller[] callers;
        long firstFetched;
        try (FetchLog fetches = new FetchLog();
                ApiTokenManager manager = new ApiTokenManager(
                        LocalTwilio.options(this.twilio, LocalTwilio.CLIENT_ID, LocalTwilio.CLIENT_SECRET).build(),
                        TokenManagerSettings.builder().executor(fetches).build())) {
            manager.getToken();
            firstFetched = System.nanoTime();
            fetches.startCounting();
            callers = callFor(manager::getToken, pauseNanos, tokensSeen);
            renewals = fetches;
        }
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("token requests", (double) this.twilio.tokenRequestCount());
        figures.put("renewals started", (double) renewals.count());
        figures.put("tokens seen by callers", (double) tokensSeen.size());
        figures.put(SHORTEST_GAP, renewals.shortestGapAfter(firstFetched) / 1e9);
        figures.putAll(callFigures(callers));
        return figures;
    }

    private static Map<String, Double> schedulerNoise() throws InterruptedException {
        String constant = "constant";
        return callFigures(callFor(() -> constant, 0, ConcurrentHashMap.newKeySet()));
    }

    /** The first fetch plus one request per renewal, each renewal due, and several of them in the round. */
    private static boolean oneRequestPerRenewal(Map<String, Double> round) {
        return round.get("token requests") == 1 + round.get("renewals started")
                && round.get("renewals started") >= MIN_RENEWALS
                && round.get(SHORTEST_GAP) > SHORTEST_RENEWAL_GAP.toNanos() / 1e9;
    }

    private static Caller[] callFor(Supplier<String> call, long pauseNanos, Set<String> tokensSeen)
            throws InterruptedException {
        Caller[] callers = new Caller[ROLLOVER_THREADS];
        Arrays.setAll(callers, (thread) -> new Caller(call, pauseNanos, tokensSeen));
        releaseTogether(ROLLOVER_THREADS, (thread) -> callers[thread].callUntil(ROLLOVER_DURATION));
        return callers;
    }

    private static Map<String, Double> callFigures(Caller[] callers) {
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put(SLOW_CALLS, (double) Arrays.stream(callers).mapToLong((caller) -> caller.slowCalls).sum());
        figures.put("slowest call (ms)",
                millis(Arrays.stream(callers).mapToLong((caller) -> caller.slowest).max().orElse(0)));
        figures.put("calls (millions)", Arrays.stream(callers).mapToLong((caller) -> caller.calls).sum() / 1e6);
        return figures;
    }

    /** Forgets the previous round's requests and sets the token endpoint up for this one. */
    private void prepare(Duration tokenLifetime) {
        this.twilio.reset();
        this.twilio.tokenLifetime(tokenLifetime);
        this.twilio.tokenLatency(TOKEN_LATENCY);
    }

    /**
     * Starts the threads, waits until every one is parked at the gate, opens it and waits for all.
     * @return nanoseconds from opening the gate until the last thread finished
     */
    private static long releaseTogether(int count, IntConsumer body) throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(count);
        CountDownLatch gate = new CountDownLatch(1);
        long[] finished = new long[count];
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int index = i;
            Thread thread = new Thread(() -> {
                ready.countDown();
                try {
                    gate.await();
                    body.accept(index);
                }
                catch (Throwable ex) {
                    failures.add(ex);
                }
                finished[index] = System.nanoTime();
            }, "caller-" + i);
            thread.start();
            threads.add(thread);
        }
        ready.await();
        long released = System.nanoTime();
        gate.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException(failures.size() + " callers failed", failures.peek());
        }
        return Arrays.stream(finished).map((end) -> end - released).max().orElse(0);
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    private static List<Map<String, Double>> report(String title, Round round, String target,
            Predicate<Map<String, Double>> met) throws InterruptedException {
        System.out.println(title);
        Map<String, Double> warmUp = round.run();
        List<Map<String, Double>> rounds = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            rounds.add(round.run());
        }
        System.out.printf("  %-44s %10s %10s %10s %10s%n", "", "warm-up", "min", "median", "max");
        for (String figure : warmUp.keySet()) {
            double[] values = rounds.stream().mapToDouble((measured) -> measured.get(figure)).sorted().toArray();
            System.out.printf("  %-44s %10s %10s %10s %10s%n", figure, format(warmUp.get(figure)),
                    format(values[0]), format(median(values)), format(values[values.length - 1]));
        }
        if (target == null) {
            System.out.printf("  no target: a baseline%n%n");
            return rounds;
        }
        long metCount = rounds.stream().filter(met).count();
        System.out.printf("  target: %s: %s in %d of %d rounds%n%n", target,
                (metCount == ROUNDS) ? "met" : "MISSED, met",
                metCount, ROUNDS);
        return rounds;
    }

    /** Prints how far the median of a figure in one scenario is from its median in another, against the tolerance. */
    private static void compareMedians(String figure, String name, List<Map<String, Double>> rounds,
            String baselineName, List<Map<String, Double>> baseline) {
        double median = median(rounds.stream().mapToDouble((round) -> round.get(figure)).sorted().toArray());
        double baselineMedian = median(baseline.stream().mapToDouble((round) -> round.get(figure)).sorted().toArray());
        double difference = median / baselineMedian - 1;
        System.out.printf("%s against %s, %s, median: %s against %s, %+.1f%%; target: within %.0f%%: %s%n%n", name,
                baselineName, figure, format(median), format(baselineMedian), difference * 100,
                BY_HAND_TOLERANCE * 100, (difference <= BY_HAND_TOLERANCE) ? "met" : "MISSED");
    }

    private static double median(double[] sorted) {
        int middle = sorted.length / 2;
        return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static String format(double value) {
        return (value == Math.rint(value) && Math.abs(value) < 1e15) ? String.valueOf((long) value)
                : String.format("%.2f", value);
    }

    /** One round of a scenario, answering its figures by name. */
    @FunctionalInterface
    private interface Round {

        Map<String, Double> run() throws InterruptedException;
    }

    /**
     * One of the threads of the rollover: calls in a loop, timing each call by wall clock. Its
     * counters are read after the thread has been joined.
     */
    private static final class Caller {

        private final Supplier<String> call;

        private final long pauseNanos;

        private final Set<String> tokensSeen;

        private long calls;

        private long slowCalls;

        private long slowest;

        Caller(Supplier<String> call, long pauseNanos, Set<String> tokensSeen) {
            this.call = call;
            this.pauseNanos = pauseNanos;
            this.tokensSeen = tokensSeen;
        }

        void callUntil(Duration duration) {
            long slow = SLOW_CALL.toNanos();
            String last = null;
            long end = System.nanoTime() + duration.toNanos();
            long now;
            do {
                long start = System.nanoTime();
                String token = this.call.get();
                now = System.nanoTime();
                long took = now - start;
                this.calls++;
                if (took > slow) {
                    this.slowCalls++;
                }
                this.slowest = Math.max(this.slowest, took);
                if (token != last) {
                    this.tokensSeen.add(token);
                    last = token;
                }
                if (this.pauseNanos > 0) {
                    LockSupport.parkNanos(this.pauseNanos);
                }
            }
            while (now - end < 0);
        }
    }

    /**
     * Runs a manager's tasks on an executor of one daemon thread, and notes when each was handed
     * over once {@link #startCounting()} was called. A manager hands the executor a task only when
     * it has none, and its task ends right after its fetch when no other is wanted; renewals come
     * seconds apart, so each task is one renewal.
     */
    private static final class FetchLog implements Executor, AutoCloseable {

        private final ExecutorService executor = TokenExecutors.create(1);

        private final Queue<Long> startedAt = new ConcurrentLinkedQueue<>();

        private volatile boolean counting;

        @Override
        public void execute(Runnable fetch) {
            if (this.counting) {
                this.startedAt.add(System.nanoTime());
            }
            this.executor.execute(fetch);
        }

        void startCounting() {
            this.counting = true;
        }

        @Override
        public void close() {
            this.executor.shutdownNow();
        }

        int count() {
            return this.startedAt.size();
        }

        /** Shortest time between two token requests, the first being the one that ended at {@code first}. */
        long shortestGapAfter(long first) {
            long shortest = Long.MAX_VALUE;
            long previous = first;
            for (long started : this.startedAt) {
                shortest = Math.min(shortest, started - previous);
                previous = started;
            }
            return shortest;
        }
    }
}
