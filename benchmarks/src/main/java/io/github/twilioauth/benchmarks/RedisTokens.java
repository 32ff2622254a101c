package io.github.twilioauth.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.github.twilioauth.store.CircuitBreaker;
import io.github.twilioauth.store.redis.RedisCommandExecutor;
import io.github.twilioauth.store.redis.RedisTokenStore;
import io.github.twilioauth.testsupport.LocalRedis;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * A real Redis started for a benchmark (the tests' {@link LocalRedis}: {@code redis-server} from
 * the PATH, else embedded-redis's binary) and a {@link RedisTokenStore} on it, as the
 * auto-configuration builds one for {@code twilio.token-store.type=redis}. Closes all of it.
 */
final class RedisTokens implements AutoCloseable {

    private final LocalRedis redis;

    private final LettuceConnectionFactory connectionFactory;

    private final RedisTokenStore store;

    private RedisTokens(LocalRedis redis) {
        this.redis = redis;
        this.connectionFactory = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration("127.0.0.1", redis.port()));
        this.connectionFactory.afterPropertiesSet();
        this.connectionFactory.start();
        RedisCommandExecutor executor = new RedisCommandExecutor(this.connectionFactory, Duration.ofMillis(500),
                new CircuitBreaker(3, Duration.ofSeconds(2), System::nanoTime), "benchmark-redis", 8);
        executor.connect();
        this.store = new RedisTokenStore(executor, "twilio:token:", null);
    }

    static RedisTokens start() throws IOException, InterruptedException {
        return new RedisTokens(LocalRedis.startOutsideJUnit());
    }

    LocalRedis redis() {
        return this.redis;
    }

    RedisTokenStore store() {
        return this.store;
    }

    /** Empties Redis. */
    void flush() {
        try (var connection = this.connectionFactory.getConnection()) {
            connection.serverCommands().flushAll();
        }
    }

    /** Whether a lease is in Redis: a token request under it has not published yet. */
    boolean leaseHeld() {
        try (var connection = this.connectionFactory.getConnection()) {
            return !connection.keyCommands().keys("*:lease".getBytes(StandardCharsets.UTF_8)).isEmpty();
        }
    }

    @Override
    public void close() throws InterruptedException {
        this.store.close();
        this.connectionFactory.destroy();
        this.redis.stop();
    }
}
