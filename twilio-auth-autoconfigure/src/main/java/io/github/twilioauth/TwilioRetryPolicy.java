package io.github.twilioauth;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.core.retry.RetryPolicy;
import org.springframework.util.backoff.BackOffExecution;

/**
 * How a Twilio request is retried, token requests and API calls alike. The number of retries,
 * the back-off between them (delay, multiplier, longest delay, jitter) and the time after which
 * no retry starts are a Spring Framework {@link RetryPolicy}; what it lacks is here: a 429's
 * {@code Retry-After}, waited for when it asks for no longer than {@link #maxRetryAfter()}.
 * Which outcomes are worth a retry is the caller's to decide.
 * <p>
 * Immutable and thread-safe; {@link #start(long)} begins the retries of one request.
 */
public final class TwilioRetryPolicy {

    /** Default of {@link #maxRetries()}: three attempts in all. */
    public static final long DEFAULT_MAX_RETRIES = 2;

    /** Default of {@link #delay()}. */
    public static final Duration DEFAULT_DELAY = Duration.ofMillis(500);

    /** Default of {@link #multiplier()}. */
    public static final double DEFAULT_MULTIPLIER = 2.0;

    /** Default of {@link #maxDelay()}. */
    public static final Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(10);

    /** Default of {@link #jitter()}. */
    public static final Duration DEFAULT_JITTER = Duration.ofMillis(250);

    /** Default of {@link #timeout()}. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    /** Default of {@link #maxRetryAfter()}. */
    public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofSeconds(10);

    /** The defaults. */
    public static final TwilioRetryPolicy DEFAULT = builder().build();

    private final long maxRetries;

    private final Duration delay;

    private final double multiplier;

    private final Duration maxDelay;

    private final Duration jitter;

    private final Duration timeout;

    private final Duration maxRetryAfter;

    private final RetryPolicy retryPolicy;

    private TwilioRetryPolicy(Builder builder) {
        this.maxRetries = builder.maxRetries;
        this.delay = requireNotNegative(builder.delay, "delay");
        this.multiplier = builder.multiplier;
        this.maxDelay = requireNotNegative(builder.maxDelay, "maxDelay");
        this.jitter = requireNotNegative(builder.jitter, "jitter");
        this.timeout = requireNotNegative(builder.timeout, "timeout");
        this.maxRetryAfter = requireNotNegative(builder.maxRetryAfter, "maxRetryAfter");
        if (this.maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative but was " + this.maxRetries);
        }
        if (this.multiplier < 1) {
            throw new IllegalArgumentException("multiplier must be at least 1 but was " + this.multiplier);
        }
        if (this.timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        this.retryPolicy = RetryPolicy.builder()
            .maxRetries(this.maxRetries)
            .delay(this.delay)
            .multiplier(this.multiplier)
            .maxDelay(this.maxDelay.compareTo(this.delay) >= 0 ? this.maxDelay : this.delay)
            .jitter(this.jitter)
            .timeout(this.timeout)
            .build();
    }

    private static Duration requireNotNegative(Duration duration, String name) {
        if (duration == null || duration.isNegative()) {
            throw new IllegalArgumentException(name + " must be zero or positive but was " + duration);
        }
        return duration;
    }

    /**
     * Returns a builder with the defaults.
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder initialized with this policy.
     * @return a new builder
     */
    public Builder toBuilder() {
        return builder().maxRetries(this.maxRetries)
            .delay(this.delay)
            .multiplier(this.multiplier)
            .maxDelay(this.maxDelay)
            .jitter(this.jitter)
            .timeout(this.timeout)
            .maxRetryAfter(this.maxRetryAfter);
    }

    /**
     * Returns the most retries of one request.
     * @return the retries, 0 for none
     */
    public long maxRetries() {
        return this.maxRetries;
    }

    /**
     * Returns the wait before the first retry.
     * @return the delay
     */
    public Duration delay() {
        return this.delay;
    }

    /**
     * Returns what each wait is multiplied by for the next.
     * @return the multiplier, at least 1
     */
    public double multiplier() {
        return this.multiplier;
    }

    /**
     * Returns the longest wait between two attempts.
     * @return the longest delay
     */
    public Duration maxDelay() {
        return this.maxDelay;
    }

    /**
     * Returns how much each wait varies at random, so that clients failing together do not
     * retry together.
     * @return the jitter, added or taken off
     */
    public Duration jitter() {
        return this.jitter;
    }

    /**
     * Returns how long a request may go on retrying: no attempt starts after it.
     * @return the timeout, counted from the start of the request
     */
    public Duration timeout() {
        return this.timeout;
    }

    /**
     * Returns the longest {@code Retry-After} waited for; a 429 asking for longer is final.
     * @return the longest Retry-After
     */
    public Duration maxRetryAfter() {
        return this.maxRetryAfter;
    }

    /**
     * Returns the Spring Framework policy of the retries and their back-off.
     * @return the retry policy
     */
    public RetryPolicy retryPolicy() {
        return this.retryPolicy;
    }

    /**
     * Begins the retries of one request.
     * @param startedAt {@link System#nanoTime()} when the request began; the timeout counts from it
     * @return the retries of that request
     */
    public Retries start(long startedAt) {
        return new Retries(this.retryPolicy.getBackOff().start(), startedAt + this.timeout.toNanos());
    }

    @Override
    public String toString() {
        return "TwilioRetryPolicy[maxRetries=" + this.maxRetries + ", delay=" + this.delay + ", multiplier="
                + this.multiplier + ", maxDelay=" + this.maxDelay + ", jitter=" + this.jitter + ", timeout="
                + this.timeout + ", maxRetryAfter=" + this.maxRetryAfter + "]";
    }

    /**
     * The retries of one request: how long to wait before each next attempt. Not thread-safe:
     * one request's thread uses it.
     */
    public final class Retries {

        private final BackOffExecution backOff;

        private final long deadline;

        private Retries(BackOffExecution backOff, long deadline) {
            this.backOff = backOff;
            this.deadline = deadline;
        }

        /**
         * Returns how long to wait before the next attempt, or {@code null} when there is none:
         * the retries are used up, the wait would end past the timeout, or {@code Retry-After}
         * asks for longer than {@link #maxRetryAfter()}.
         * @param retryAfter the wait the server asked for, or {@code null} for the back-off's
         * @return the wait, or {@code null} to give up
         */
        public @Nullable Duration next(@Nullable Duration retryAfter) {
            long backOffMillis = this.backOff.nextBackOff();
            if (backOffMillis == BackOffExecution.STOP) {
                return null;
            }
            if (retryAfter != null && retryAfter.compareTo(TwilioRetryPolicy.this.maxRetryAfter) > 0) {
                return null;
            }
            Duration wait = (retryAfter != null) ? retryAfter : Duration.ofMillis(backOffMillis);
            return (System.nanoTime() + wait.toNanos() - this.deadline > 0) ? null : wait;
        }

        /**
         * Returns whether the timeout has passed, so no attempt may start.
         * @return whether it is past the deadline
         */
        public boolean isPastTimeout() {
            return System.nanoTime() - this.deadline > 0;
        }
    }

    /**
     * Builder of {@link TwilioRetryPolicy}, named as Spring Boot names retry settings.
     */
    public static final class Builder {

        private long maxRetries = DEFAULT_MAX_RETRIES;

        private Duration delay = DEFAULT_DELAY;

        private double multiplier = DEFAULT_MULTIPLIER;

        private Duration maxDelay = DEFAULT_MAX_DELAY;

        private Duration jitter = DEFAULT_JITTER;

        private Duration timeout = DEFAULT_TIMEOUT;

        private Duration maxRetryAfter = DEFAULT_MAX_RETRY_AFTER;

        private Builder() {
        }

        /**
         * Sets the most retries of one request.
         * @param maxRetries 0 for no retry
         * @return this builder
         */
        public Builder maxRetries(long maxRetries) {
            this.maxRetries = maxRetries;
            return this;
        }

        /**
         * Sets the wait before the first retry.
         * @param delay the delay
         * @return this builder
         */
        public Builder delay(Duration delay) {
            this.delay = delay;
            return this;
        }

        /**
         * Sets what each wait is multiplied by for the next.
         * @param multiplier at least 1
         * @return this builder
         */
        public Builder multiplier(double multiplier) {
            this.multiplier = multiplier;
            return this;
        }

        /**
         * Sets the longest wait between two attempts.
         * @param maxDelay the longest delay
         * @return this builder
         */
        public Builder maxDelay(Duration maxDelay) {
            this.maxDelay = maxDelay;
            return this;
        }

        /**
         * Sets how much each wait varies at random.
         * @param jitter the jitter
         * @return this builder
         */
        public Builder jitter(Duration jitter) {
            this.jitter = jitter;
            return this;
        }

        /**
         * Sets how long a request may go on retrying.
         * @param timeout the timeout
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /**
         * Sets the longest {@code Retry-After} waited for.
         * @param maxRetryAfter the longest Retry-After
         * @return this builder
         */
        public Builder maxRetryAfter(Duration maxRetryAfter) {
            this.maxRetryAfter = maxRetryAfter;
            return this;
        }

        /**
         * Builds the policy.
         * @return the policy
         */
        public TwilioRetryPolicy build() {
            return new TwilioRetryPolicy(this);
        }
    }
}
