package io.github.twilioauth.store.redis;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.twilioauth.store.CircuitBreaker;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * The one way the stores talk to Redis: each command runs on the application's
 * {@link RedisConnectionFactory}, whatever its client, on a small pool of this executor's own,
 * and its future completes within the timeout whatever Redis does, since the future is bounded
 * rather than the client; behind a {@link CircuitBreaker}, so that a Redis that keeps failing is
 * not asked again until a probe finds it back.
 * <p>
 * A command that outlives its timeout keeps its thread until the client gives up (Lettuce after
 * {@code spring.data.redis.timeout}); commands beyond the pool's queue are refused. Either way
 * the caller sees a failure within the timeout and goes on without Redis. The circuit opening and
 * closing are logged, once each, without a value or a secret.
 * <p>
 * Thread-safe. Whoever creates an executor {@linkplain #close() closes} it.
 */
public final class RedisCommandExecutor implements AutoCloseable {

    private static final Log logger = LogFactory.getLog(RedisCommandExecutor.class);

    private static final int QUEUE_CAPACITY = 1024;

    private static final int MIN_CONNECT_SECONDS = 5;

    private static final Duration KEEP_ALIVE = Duration.ofSeconds(30);

    private final RedisConnectionFactory connectionFactory;

    private final Duration timeout;

    private final CircuitBreaker circuitBreaker;

    private final String name;

    private final ThreadPoolExecutor executor;

    /**
     * Creates an executor.
     * @param connectionFactory the application's connections to Redis
     * @param timeout how long one command may take, from its submission to its answer
     * @param circuitBreaker the breaker in front of Redis
     * @param name what uses Redis through this executor, such as {@code twilio-webhook-redis}:
     * the prefix of its threads' names and the subject of its log lines
     * @param threads how many commands may run at once
     */
    public RedisCommandExecutor(RedisConnectionFactory connectionFactory, Duration timeout,
            CircuitBreaker circuitBreaker, String name, int threads) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive but was " + timeout);
        }
        this.connectionFactory = connectionFactory;
        this.timeout = timeout;
        this.circuitBreaker = circuitBreaker;
        this.name = name;
        CustomizableThreadFactory threadFactory = new CustomizableThreadFactory(name + "-");
        threadFactory.setDaemon(true);
        this.executor = new ThreadPoolExecutor(threads, threads, KEEP_ALIVE.toMillis(), TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(QUEUE_CAPACITY), threadFactory);
        this.executor.allowCoreThreadTimeOut(true);
    }

    /**
     * Runs a command.
     * @param <T> the type of its result
     * @param command the command, given a connection it must not close
     * @return the command's result; completed exceptionally when the circuit is open, the pool
     * is full, the command fails or its timeout passes
     */
    public <T> CompletableFuture<@Nullable T> execute(RedisCallback<T> command) {
        return execute(command, this.timeout);
    }

    private <T> CompletableFuture<@Nullable T> execute(RedisCallback<T> command, Duration timeout) {
        if (!this.circuitBreaker.tryAcquire()) {
            return CompletableFuture.failedFuture(new RejectedExecutionException(this.name + ": Redis circuit open"));
        }
        CompletableFuture<@Nullable T> result = new CompletableFuture<>();
        try {
            this.executor.execute(() -> run(command, result));
        }
        catch (RejectedExecutionException ex) {
            result.completeExceptionally(ex);
        }
        return result.orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS).whenComplete(this::report);
    }

    private <T> void run(RedisCallback<T> command, CompletableFuture<@Nullable T> result) {
        if (result.isDone()) {
            // Timed out while queued: the caller has gone on without it.
            return;
        }
        try (RedisConnection connection = this.connectionFactory.getConnection()) {
            result.complete(command.doInRedis(connection));
        }
        catch (Throwable ex) {
            result.completeExceptionally(ex);
        }
    }

    private void report(@Nullable Object value, @Nullable Throwable failure) {
        if (failure == null) {
            if (this.circuitBreaker.onSuccess()) {
                logger.info(this.name + ": Redis answers again");
            }
        }
        else if (this.circuitBreaker.onFailure()) {
            logger.warn(this.name + ": Redis failed (" + describe(failure)
                    + "); going on without it, and asking it again now and then");
        }
        else if (logger.isDebugEnabled()) {
            logger.debug(this.name + ": Redis command failed (" + describe(failure) + ")");
        }
    }

    /**
     * Sends {@code PING} and waits for the answer: at startup, so that the connection is made
     * before the first request needs it. Making a connection takes longer than a command, so this
     * waits the timeout, but at least {@value #MIN_CONNECT_SECONDS} seconds.
     * @return whether Redis answered; a failure is logged and counts for the circuit breaker
     */
    public boolean connect() {
        Duration connectTimeout = this.timeout.compareTo(Duration.ofSeconds(MIN_CONNECT_SECONDS)) > 0 ? this.timeout
                : Duration.ofSeconds(MIN_CONNECT_SECONDS);
        CompletableFuture<@Nullable String> ping = execute(RedisConnection::ping, connectTimeout);
        try {
            // Bounded by the command's own timeout already; twice that is a margin, not a wait.
            ping.get(2 * connectTimeout.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
        catch (ExecutionException | TimeoutException ex) {
            logger.warn(this.name + ": Redis did not answer PING at startup (" + describe(ex)
                    + "); going on without it until it does");
            return false;
        }
    }

    private static String describe(Throwable failure) {
        Throwable cause = (failure instanceof ExecutionException && failure.getCause() != null) ? failure.getCause()
                : failure;
        if (cause instanceof TimeoutException) {
            return "no answer in time";
        }
        return cause.getClass().getSimpleName() + ((cause.getMessage() != null) ? ": " + cause.getMessage() : "");
    }

    /**
     * Returns the state of the circuit breaker, for health.
     * @return the state
     */
    public CircuitBreaker.State state() {
        return this.circuitBreaker.state();
    }

    /**
     * Returns how long one command may take.
     * @return the timeout
     */
    public Duration timeout() {
        return this.timeout;
    }

    /**
     * Stops the pool: queued commands are dropped (their futures time out) and running ones are
     * interrupted. Waits for the threads at most the timeout.
     */
    @Override
    public void close() {
        this.executor.shutdownNow();
        try {
            this.executor.awaitTermination(this.timeout.toNanos(), TimeUnit.NANOSECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "RedisCommandExecutor[" + this.name + ", timeout=" + this.timeout + ", " + this.circuitBreaker + "]";
    }
}
