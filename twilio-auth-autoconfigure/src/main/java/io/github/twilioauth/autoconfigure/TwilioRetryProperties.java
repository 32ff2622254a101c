package io.github.twilioauth.autoconfigure;

import java.time.Duration;

import io.github.twilioauth.TwilioRetryPolicy;

/**
 * Retries of Twilio requests, named as Spring Boot names retry settings: the keys of
 * {@code twilio.auth.retry} (token requests) and {@code twilio.http.retry} (API calls).
 */
public class TwilioRetryProperties {

    /**
     * Maximum number of retries of one request; 0 disables retries.
     */
    private long maxRetries = TwilioRetryPolicy.DEFAULT_MAX_RETRIES;

    /**
     * Wait before the first retry.
     */
    private Duration delay = TwilioRetryPolicy.DEFAULT_DELAY;

    /**
     * Multiplier of the wait before each further retry.
     */
    private double multiplier = TwilioRetryPolicy.DEFAULT_MULTIPLIER;

    /**
     * Longest wait between two attempts.
     */
    private Duration maxDelay = TwilioRetryPolicy.DEFAULT_MAX_DELAY;

    /**
     * Random variation added to or taken off each wait, so that clients failing together do not
     * retry together.
     */
    private Duration jitter = TwilioRetryPolicy.DEFAULT_JITTER;

    /**
     * How long one request may go on retrying, counted from its start: no attempt starts after it.
     */
    private Duration timeout = TwilioRetryPolicy.DEFAULT_TIMEOUT;

    /**
     * Longest 'Retry-After' of a 429 that is waited for; a 429 asking for longer fails at once.
     */
    private Duration maxRetryAfter = TwilioRetryPolicy.DEFAULT_MAX_RETRY_AFTER;

    public long getMaxRetries() {
        return this.maxRetries;
    }

    public void setMaxRetries(long maxRetries) {
        this.maxRetries = maxRetries;
    }

    public Duration getDelay() {
        return this.delay;
    }

    public void setDelay(Duration delay) {
        this.delay = delay;
    }

    public double getMultiplier() {
        return this.multiplier;
    }

    public void setMultiplier(double multiplier) {
        this.multiplier = multiplier;
    }

    public Duration getMaxDelay() {
        return this.maxDelay;
    }

    public void setMaxDelay(Duration maxDelay) {
        this.maxDelay = maxDelay;
    }

    public Duration getJitter() {
        return this.jitter;
    }

    public void setJitter(Duration jitter) {
        this.jitter = jitter;
    }

    public Duration getTimeout() {
        return this.timeout;
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    public Duration getMaxRetryAfter() {
        return this.maxRetryAfter;
    }

    public void setMaxRetryAfter(Duration maxRetryAfter) {
        this.maxRetryAfter = maxRetryAfter;
    }

    /**
     * Returns the retry policy these properties describe.
     * @return the policy
     */
    public TwilioRetryPolicy toRetryPolicy() {
        return TwilioRetryPolicy.builder()
            .maxRetries(this.maxRetries)
            .delay(this.delay)
            .multiplier(this.multiplier)
            .maxDelay(this.maxDelay)
            .jitter(this.jitter)
            .timeout(this.timeout)
            .maxRetryAfter(this.maxRetryAfter)
            .build();
    }
}
