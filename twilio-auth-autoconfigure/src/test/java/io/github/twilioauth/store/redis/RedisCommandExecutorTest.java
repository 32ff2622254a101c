package io.github.twilioauth.store.redis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.twilioauth.store.CircuitBreaker;
import io.github.twilioauth.store.CircuitBreaker.State;
import io.github.twilioauth.testsupport.FakeTicker;
import io.github.twilioauth.testsupport.LocalRedis;
import io.github.twilioauth.testsupport.RedisContents;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

class RedisCommandExecutorTest {

    @RegisterExtension
    static final LocalRedis redis = new LocalRedis();

    private static final byte[] KEY = "executor-test".getBytes(StandardCharsets.UTF_8);

    private final FakeTicker ticker = new FakeTicker();

    private final CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(2), this.ticker::read);

    private final LettuceConnectionFactory connectionFactory = RedisContents.connectionFactory(redis);

    private final RedisCommandExecutor executor = new RedisCommandExecutor(this.connectionFactory,
            Duration.ofSeconds(1), this.breaker, "executor-test", 2);

    @AfterEach
    void close() throws Exception {
        this.executor.close();
        this.connectionFactory.destroy();
        if (!redis.isRunning()) {
            redis.start();
        }
    }

    @Test
    void runsCommandsOnTheConnectionFactory() {
        assertThat(this.executor.connect()).isTrue();
        this.executor.execute((connection) -> connection.stringCommands().set(KEY, "value".getBytes())).join();

        assertThat(this.executor.execute((connection) -> connection.stringCommands().get(KEY)).join())
            .isEqualTo("value".getBytes());
    }

    @Test
    void aCommandThatRedisDoesNotAnswerInTimeFailsAtTheTimeout() throws Exception {
        this.executor.connect();
        try (RedisConnection connection = this.connectionFactory.getConnection()) {
            connection.execute("CLIENT", "PAUSE".getBytes(), "3000".getBytes());
        }

        CompletableFuture<byte[]> paused = this.executor.execute((connection) -> connection.stringCommands().get(KEY));

        // Failed with the timeout of 1 s, before Redis resumes after 3 s (when GET would answer null).
        assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> paused.get(2500, TimeUnit.MILLISECONDS))
            .withCauseInstanceOf(TimeoutException.class);
    }

    @Test
    void failuresInARowOpenTheCircuitAndLaterCallsAreRefusedWithoutAskingRedis() throws Exception {
        this.executor.connect();
        redis.stop();

        for (int i = 0; i < 3; i++) {
            assertThat(this.executor.execute((connection) -> connection.stringCommands().get(KEY)))
                .failsWithin(Duration.ofSeconds(5));
        }

        assertThat(this.executor.state()).isEqualTo(State.OPEN);
        assertThatExceptionOfType(ExecutionException.class)
            .isThrownBy(() -> this.executor.execute((connection) -> connection.stringCommands().get(KEY)).get())
            .withCauseInstanceOf(RejectedExecutionException.class)
            .withMessageContaining("executor-test: Redis circuit open");
    }

    @Test
    void aProbeAfterTheOpenTimeClosesTheCircuitOnceRedisIsBack() throws Exception {
        this.executor.connect();
        redis.stop();
        for (int i = 0; i < 3; i++) {
            this.executor.execute((connection) -> connection.ping()).handle((pong, failure) -> null).join();
        }
        redis.start();

        this.ticker.advance(Duration.ofSeconds(2));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            this.ticker.advance(Duration.ofSeconds(2));
            assertThat(this.executor.execute((connection) -> connection.ping())).succeedsWithin(Duration.ofSeconds(2))
                .isEqualTo("PONG");
        });
        assertThat(this.executor.state()).isEqualTo(State.CLOSED);
    }

    @Test
    void connectSaysWhetherRedisAnswersPing() throws Exception {
        redis.stop();

        assertThat(this.executor.connect()).isFalse();
    }
}
