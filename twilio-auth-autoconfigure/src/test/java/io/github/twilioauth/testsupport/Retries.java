package io.github.twilioauth.testsupport;

import java.time.Duration;

import io.github.twilioauth.TwilioRetryPolicy;

/**
 * Retry policies for tests: a number of attempts, quick and without jitter, so a test that
 * counts requests is not slowed by back-off.
 */
public final class Retries {

    private Retries() {
    }

    /**
     * A policy of the given attempts, 1 ms apart.
     * @param attempts the attempts in all, at least 1
     * @return the policy
     */
    public static TwilioRetryPolicy attempts(int attempts) {
        return attempts(attempts, Duration.ofMillis(1));
    }

    /**
     * A policy of the given attempts, the first retry after the given delay.
     * @param attempts the attempts in all, at least 1
     * @param delay the wait before the first retry, doubled for each further one
     * @return the policy
     */
    public static TwilioRetryPolicy attempts(int attempts, Duration delay) {
        return TwilioRetryPolicy.builder()
            .maxRetries(attempts - 1)
            .delay(delay)
            .maxDelay(delay.multipliedBy(8))
            .jitter(Duration.ZERO)
            .build();
    }
}
