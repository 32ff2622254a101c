package io.github.twilioauth.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import com.sun.management.OperatingSystemMXBean;
import com.sun.management.ThreadMXBean;
import com.twilio.rest.api.v2010.account.Message;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.util.ListStatistics;

/**
 * The comparison of {@link SdkTransportBenchmark} in one command: twilio-java on its own
 * transport against the bridge with Basic auth and with OAuth, at 1 and 8 threads.
 * <ol>
 * <li>Bytes allocated per call by the calling thread alone, the client's side without the
 * stand-in's: exact, so measured once (10,000 calls after 20,000 of warm-up, in this JVM).</li>
 * <li>CPU time per call at 8 threads, in this JVM: after a warm-up, the transports take turns
 * second by second, and the CPU time of the 8 calling threads (the client's side) and of the
 * whole process (the stand-in's included) is divided by the calls made. On 2 cores the time per
 * call at 8 threads follows the CPU time per call; measured this way, a change of speed of the
 * machine (a neighbour on the host) falls on every transport alike, which separate JMH forks
 * minutes apart do not ensure.</li>
 * <li>Rounds of JMH runs, each benchmark in a fork of its own with {@code -prof gc}, the
 * transports interleaved (their order turns from round to round), so that a change of load on
 * the machine falls on all of them: mean time per call and {@code gc.alloc.rate.norm} (every
 * thread, the stand-in's included) per run, the load average at its start; then per benchmark
 * the mean over the rounds with its 95% confidence interval and the median, and the verdict on
 * the targets of issue 24 in each round: at 8 threads the bridge no slower than the SDK's
 * transport, and at most 10 KB more allocated per call.</li>
 * </ol>
 * Run with {@code java -cp benchmarks/target/benchmarks.jar
 * io.github.twilioauth.benchmarks.SdkTransportComparison [rounds]} (3 rounds by default, the
 * fewest a confidence interval is computed from; about 3 minutes for the CPU figures and 7 a round
 * on 2 cores).
 */
public final class SdkTransportComparison {

    private static final int DEFAULT_ROUNDS = 3;

    private static final int WARM_UP_CALLS = 20_000;

    private static final int MEASURED_CALLS = 10_000;

    /** Most bytes per call the bridge may allocate over the SDK's transport. */
    private static final double ALLOWANCE = 10 * 1024;

    private static final int[] THREADS = { 1, 8 };

    private static final int CPU_THREADS = 8;

    private static final int CPU_WARM_UP_TURNS = 20;

    private static final int CPU_MEASURED_TURNS = 30;

    private static final long TURN_MILLIS = 1000;

    private SdkTransportComparison() {
    }

    /** One way of sending twilio-java's requests, by its benchmark method. */
    private enum Transport {

        SDK("SDK transport (Basic)", "sdkTransportBasic", SdkTransportBenchmark::sdkTransportBasic),
        BRIDGE_BASIC("bridge (Basic)", "bridgeBasic", SdkTransportBenchmark::bridgeBasic),
        BRIDGE_OAUTH("bridge (OAuth)", "bridgeOAuth", SdkTransportBenchmark::bridgeOAuth);

        private final String title;

        private final String method;

        private final Function<SdkTransportBenchmark, Message> call;

        Transport(String title, String method, Function<SdkTransportBenchmark, Message> call) {
            this.title = title;
            this.method = method;
            this.call = call;
        }

        String benchmark(int threads) {
            return SdkTransportBenchmark.class.getName() + "." + this.method + ((threads == 1) ? "" : "EightThreads")
                    + "$";
        }
    }

    /** One JMH run: mean time per call, its 99.9% error, and bytes per call of every thread. */
    private record Run(double millis, double error, double bytes) {
    }

    /**
     * Measures the client's bytes per call, then runs the rounds and prints the verdicts.
     * @param args the number of rounds, 3 when absent
     * @throws RunnerException if a JMH run fails
     */
    public static void main(String[] args) throws RunnerException {
        int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : DEFAULT_ROUNDS;
        if (rounds < 3) {
            throw new IllegalArgumentException("rounds is " + rounds + ": a confidence interval needs 3 at least");
        }
        System.out.printf("SDK transport comparison: %d rounds; Java %s, %d CPUs, load average %.2f%n%n", rounds,
                Runtime.version(), Runtime.getRuntime().availableProcessors(), loadAverage());
        Map<Transport, Double> client = clientBytesPerCall();
        System.out.println("Bytes allocated per call by the calling thread (the client's side, exact):");
        client.forEach((transport, bytes) -> System.out.printf("  %-24s %,10.0f B%n", transport.title, bytes));
        System.out.println();
        cpuPerCall();
        Map<Transport, List<List<Run>>> runs = new EnumMap<>(Transport.class);
        for (Transport transport : Transport.values()) {
            runs.put(transport, List.of(new ArrayList<>(), new ArrayList<>()));
        }
        Transport[] transports = Transport.values();
        for (int round = 0; round < rounds; round++) {
            for (int t = 0; t < THREADS.length; t++) {
                for (int i = 0; i < transports.length; i++) {
                    Transport transport = transports[(round + i) % transports.length];
                    double load = loadAverage();
                    Run run = run(transport, THREADS[t]);
                    runs.get(transport).get(t).add(run);
                    System.out.printf("round %d, %d thread(s), %-24s %8.3f ± %.3f ms/call %,10.0f B/call"
                            + "  (load average %.2f at the start)%n", round + 1, THREADS[t], transport.title + ":",
                            run.millis(), run.error(), run.bytes(), load);
                }
            }
        }
        System.out.println();
        summarize(runs, rounds);
    }

    private static Map<Transport, Double> clientBytesPerCall() {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        SdkTransportBenchmark benchmark = new SdkTransportBenchmark();
        benchmark.start();
        try {
            Map<Transport, Double> bytes = new EnumMap<>(Transport.class);
            for (Transport transport : Transport.values()) {
                for (int i = 0; i < WARM_UP_CALLS; i++) {
                    transport.call.apply(benchmark);
                }
                benchmark.forget();
                long before = threads.getCurrentThreadAllocatedBytes();
                for (int i = 0; i < MEASURED_CALLS; i++) {
                    transport.call.apply(benchmark);
                }
                bytes.put(transport, (threads.getCurrentThreadAllocatedBytes() - before) / (double) MEASURED_CALLS);
                benchmark.forget();
            }
            return bytes;
        }
        finally {
            benchmark.stop();
        }
    }

    /** What one turn of a transport cost: calls, CPU of the calling threads, CPU of the process. */
    record Turn(long calls, long clientNanos, long processNanos) {
    }

    private static void cpuPerCall() {
        SdkTransportBenchmark benchmark = new SdkTransportBenchmark();
        benchmark.start();
        try {
            Map<String, Runnable> calls = new LinkedHashMap<>();
            for (Transport transport : Transport.values()) {
                calls.put(transport.title, () -> transport.call.apply(benchmark));
            }
            printCpuPerCall(measureCpuPerCall(calls, benchmark::forget));
        }
        finally {
            benchmark.stop();
        }
    }

    /**
     * Measures CPU time per call at {@link #CPU_THREADS} threads: after a warm-up, the calls
     * take turns of {@link #TURN_MILLIS}, their order turning from round to round.
     * @param calls one call of each thing measured, by its title
     * @param betweenRounds what to run after each round, such as the stand-in forgetting
     * @return the measured turns, by title
     */
    static Map<String, List<Turn>> measureCpuPerCall(Map<String, Runnable> calls, Runnable betweenRounds) {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        List<String> titles = List.copyOf(calls.keySet());
        Map<String, List<Turn>> turns = new LinkedHashMap<>();
        titles.forEach((title) -> turns.put(title, new ArrayList<>()));
        ExecutorService callers = Executors.newFixedThreadPool(CPU_THREADS);
        try {
            for (int round = 0; round < CPU_WARM_UP_TURNS + CPU_MEASURED_TURNS; round++) {
                for (int i = 0; i < titles.size(); i++) {
                    String title = titles.get((round + i) % titles.size());
                    Turn measured = turn(callers, title, calls.get(title), os);
                    if (round >= CPU_WARM_UP_TURNS) {
                        turns.get(title).add(measured);
                    }
                }
                betweenRounds.run();
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while measuring CPU per call", ex);
        }
        finally {
            callers.shutdownNow();
        }
        return turns;
    }

    /**
     * Prints what {@link #measureCpuPerCall} measured.
     * @param turns the measured turns, by title
     */
    static void printCpuPerCall(Map<String, List<Turn>> turns) {
        System.out.printf("CPU time per call at %d threads (%d s of warm-up, then %d turns of %d ms each, taking"
                + " turns): mean over the turns [95%% confidence interval]%n", CPU_THREADS,
                CPU_WARM_UP_TURNS * turns.size() * TURN_MILLIS / 1000, CPU_MEASURED_TURNS, TURN_MILLIS);
        turns.forEach((title, measured) -> {
            long calls = measured.stream().mapToLong(Turn::calls).sum();
            System.out.printf("  %-32s %8.3f calls/ms  calling threads %s µs/call  process %s µs/call%n",
                    title + ":", calls / (double) (measured.size() * TURN_MILLIS),
                    cpuInterval(measured, Turn::clientNanos), cpuInterval(measured, Turn::processNanos));
        });
        System.out.println();
    }

    private static String cpuInterval(List<Turn> turns, Function<Turn, Long> nanos) {
        ListStatistics statistics = new ListStatistics(
                turns.stream().mapToDouble((turn) -> nanos.apply(turn) / 1e3 / turn.calls()).toArray());
        double[] interval = statistics.getConfidenceIntervalAt(0.95);
        return String.format("%.1f [%.1f, %.1f]", statistics.getMean(), interval[0], interval[1]);
    }

    /**
     * Runs one turn: {@link #CPU_THREADS} threads make calls for {@link #TURN_MILLIS}.
     * @param callers the threads
     * @param title what is called, for a failure
     * @param call one call
     * @param os the process's CPU time
     * @return what the turn cost
     * @throws InterruptedException if interrupted while the turn runs
     */
    private static Turn turn(ExecutorService callers, String title, Runnable call, OperatingSystemMXBean os)
            throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong calls = new AtomicLong();
        AtomicLong clientNanos = new AtomicLong();
        CountDownLatch done = new CountDownLatch(CPU_THREADS);
        long processStart = os.getProcessCpuTime();
        for (int i = 0; i < CPU_THREADS; i++) {
            callers.execute(() -> {
                ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
                long start = threads.getCurrentThreadCpuTime();
                long made = 0;
                try {
                    while (!stop.get()) {
                        call.run();
                        made++;
                    }
                }
                finally {
                    calls.addAndGet(made);
                    clientNanos.addAndGet(threads.getCurrentThreadCpuTime() - start);
                    done.countDown();
                }
            });
        }
        Thread.sleep(TURN_MILLIS);
        stop.set(true);
        if (!done.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("A call of " + title + " did not end within 30 s");
        }
        return new Turn(calls.get(), clientNanos.get(), os.getProcessCpuTime() - processStart);
    }

    private static Run run(Transport transport, int threads) throws RunnerException {
        // The benchmark's own modes are replaced by this one, so one run comes back.
        RunResult result = new Runner(new OptionsBuilder().include(transport.benchmark(threads))
            .mode(Mode.AverageTime)
            .timeUnit(TimeUnit.MILLISECONDS)
            .forks(1)
            .addProfiler(GCProfiler.class)
            .verbosity(VerboseMode.SILENT)
            .build()).run().iterator().next();
        return new Run(result.getPrimaryResult().getScore(), result.getPrimaryResult().getScoreError(),
                result.getSecondaryResults().get("gc.alloc.rate.norm").getScore());
    }

    private static void summarize(Map<Transport, List<List<Run>>> runs, int rounds) {
        System.out.printf("Over %d rounds: mean [95%% confidence interval] (median)%n", rounds);
        for (int t = 0; t < THREADS.length; t++) {
            for (Transport transport : Transport.values()) {
                List<Run> measured = runs.get(transport).get(t);
                System.out.printf("  %d thread(s), %-24s %s ms/call  %s B/call%n", THREADS[t], transport.title + ":",
                        interval(measured, Run::millis, "%.3f"), interval(measured, Run::bytes, "%,.0f"));
            }
        }
        System.out.println();
        int eight = THREADS.length - 1;
        for (Transport bridge : List.of(Transport.BRIDGE_BASIC, Transport.BRIDGE_OAUTH)) {
            List<Run> sdk8 = runs.get(Transport.SDK).get(eight);
            List<Run> bridge8 = runs.get(bridge).get(eight);
            int faster = 0;
            for (int round = 0; round < rounds; round++) {
                faster += (bridge8.get(round).millis() <= sdk8.get(round).millis()) ? 1 : 0;
            }
            System.out.printf("Target: %s no slower than the SDK's transport at 8 threads: %s in %d of %d rounds%n",
                    bridge.title, (faster == rounds) ? "met" : "MISSED, met", faster, rounds);
            for (int t = 0; t < THREADS.length; t++) {
                List<Run> sdk = runs.get(Transport.SDK).get(t);
                List<Run> measured = runs.get(bridge).get(t);
                int within = 0;
                for (int round = 0; round < rounds; round++) {
                    within += (measured.get(round).bytes() <= sdk.get(round).bytes() + ALLOWANCE) ? 1 : 0;
                }
                System.out.printf("Target: %s at most 10 KB a call over the SDK's transport at %d thread(s): %s in"
                        + " %d of %d rounds%n", bridge.title, THREADS[t], (within == rounds) ? "met" : "MISSED, met",
                        within, rounds);
            }
        }
    }

    private static String interval(List<Run> runs, Function<Run, Double> figure, String format) {
        ListStatistics statistics = new ListStatistics(runs.stream().mapToDouble(figure::apply).toArray());
        double[] interval = statistics.getConfidenceIntervalAt(0.95);
        return String.format(format + " [" + format + ", " + format + "] (" + format + ")", statistics.getMean(),
                interval[0], interval[1], statistics.getPercentile(50));
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
