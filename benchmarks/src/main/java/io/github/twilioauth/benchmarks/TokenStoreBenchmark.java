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
import io.github.twilioauth.token.TokenManagerSettings;

/**
 * {@link ApiTokenManager#getToken()} with a cached token, in memory and with the Redis token
 * store on, side by side in one run: a cached token never touches the store, so the two should be
 * the same within noise (issue 22).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class TokenStoreBenchmark {

    private MockTwilioServer twilio;

    private RedisTokens redis;

    private ApiTokenManager inMemory;

    private ApiTokenManager withRedisStore;

    /**
     * Starts the stand-in and Redis, and fetches both managers' tokens (one hour lifetime).
     * @throws Exception if Redis does not start
     */
    @Setup
    public void fetchTokens() throws Exception {
        this.twilio = LocalTwilio.start();
        this.redis = RedisTokens.start();
        this.inMemory = LocalTwilio.tokenManager(this.twilio);
        this.withRedisStore = new ApiTokenManager(
                LocalTwilio.options(this.twilio, LocalTwilio.CLIENT_ID, LocalTwilio.CLIENT_SECRET).build(),
                TokenManagerSettings.builder().tokenStore(this.redis.store()).build());
        this.inMemory.getToken();
        this.withRedisStore.getToken();
    }

    /**
     * Closes the managers, Redis and the stand-in.
     * @throws Exception if interrupted while Redis stops
     */
    @TearDown
    public void stop() throws Exception {
        this.inMemory.close();
        this.withRedisStore.close();
        this.redis.close();
        this.twilio.close();
    }

    /**
     * One thread, tokens in memory.
     * @return the token
     */
    @Benchmark
    public String inMemory() {
        return this.inMemory.getToken();
    }

    /**
     * One thread, the Redis token store on.
     * @return the token
     */
    @Benchmark
    public String withRedisStore() {
        return this.withRedisStore.getToken();
    }

    /**
     * Two threads, tokens in memory.
     * @return the token
     */
    @Benchmark
    @Threads(2)
    public String inMemoryTwoThreads() {
        return this.inMemory.getToken();
    }

    /**
     * Two threads, the Redis token store on.
     * @return the token
     */
    @Benchmark
    @Threads(2)
    public String withRedisStoreTwoThreads() {
        return this.withRedisStore.getToken();
    }
}
