package io.github.twilioauth.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import io.github.twilioauth.test.MockTwilioServer;
import io.github.twilioauth.token.ApiTokenManager;
import io.github.twilioauth.token.Ticker;

/**
 * {@link ApiTokenManager#getToken()} with a cached token, far from its renewal: the path every
 * bearer request takes. {@link #systemTicker()} is its floor, the one clock read that path
 * cannot avoid.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class TokenManagerBenchmark {

    private final Ticker ticker = Ticker.systemTicker();

    private MockTwilioServer twilio;

    private ApiTokenManager tokenManager;

    /**
     * Starts the Twilio stand-in and fetches the token (one hour lifetime).
     */
    @Setup
    public void fetchToken() {
        this.twilio = LocalTwilio.start();
        this.tokenManager = LocalTwilio.tokenManager(this.twilio);
        this.tokenManager.getToken();
    }

    /**
     * Stops the Twilio stand-in.
     */
    @TearDown
    public void stopTwilio() {
        this.twilio.close();
    }

    /**
     * One thread reading the cached token.
     * @return the token
     */
    @Benchmark
    public String getToken() {
        return this.tokenManager.getToken();
    }

    /**
     * Two threads reading the cached token of one shared manager.
     * @return the token
     */
    @Benchmark
    @Threads(2)
    public String getTokenTwoThreads() {
        return this.tokenManager.getToken();
    }

    /**
     * Floor: one read of the system ticker, {@code System.nanoTime()}.
     * @return the reading
     */
    @Benchmark
    public long systemTicker() {
        return this.ticker.read();
    }
}
