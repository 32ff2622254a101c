package io.github.twilioauth.http;

import java.time.Duration;

import io.github.twilioauth.Backoff;

/**
 * How API calls are retried by {@link TwilioRetryInterceptor}.
 *
 * @param maxAttempts maximum number of attempts of one call, 1 for no retries
 * @param backoff wait before the first retry; doubled for each further retry, with jitter
 * @param maxRetryAfter longest {@code Retry-After} honoured; a 429 asking for more is not retried
 */
public record RetryPolicy(int maxAttempts, Duration backoff, Duration maxRetryAfter) {

    /** Three attempts, 500 ms initial back-off, {@code Retry-After} of up to 10 seconds. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofMillis(500), Duration.ofSeconds(10));

    /**
     * Validates the policy.
     */
    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1 but was " + maxAttempts);
        }
        if (backoff == null || backoff.isNegative()) {
            throw new IllegalArgumentException("backoff must be zero or positive but was " + backoff);
        }
        if (maxRetryAfter == null || maxRetryAfter.isNegative()) {
            throw new IllegalArgumentException("maxRetryAfter must be zero or positive but was " + maxRetryAfter);
        }
    }

    /**
     * Returns the wait before a retry: between half and all of {@code backoff * 2^(attempt-1)}.
     * @param attempt the attempt that just failed, from 1
     * @return the wait
     */
    Duration backoffAfter(int attempt) {
        return Backoff.jittered(this.backoff, attempt - 1);
    }
}
