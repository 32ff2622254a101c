package io.github.twilioauth.token;

import java.time.Duration;
import java.util.concurrent.Executor;

import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.web.client.RestClient;

/**
 * How a built-in {@link TokenManager} fetches and renews its tokens: timeouts, retries,
 * refresh-ahead, the clock, the threads and HTTP client token requests run on, and where they
 * are observed. One instance may serve any number of managers. Create with {@link #builder()}.
 * <p>
 * A manager given no {@code executor} or no {@code restClient} creates its own and closes it in
 * {@link CachingTokenManager#close()}; one given them shares them and leaves them open, so
 * whoever created them closes them.
 *
 * @param refreshAhead fraction of a token's usable life after which it is renewed in the
 * background, {@code 0.8} by default
 * @param connectTimeout maximum time to connect to the token endpoint, 5 seconds by default
 * @param readTimeout maximum time to wait for the token endpoint's response, 10 seconds by default
 * @param maxAttempts maximum number of attempts of one token fetch, 3 by default (429, 5xx and
 * I/O errors are retried; other errors are not)
 * @param backoff wait before the first retry, 200 ms by default; doubled for each further retry,
 * with jitter
 * @param retryDeadline how long one token fetch may go on, 30 seconds by default, counted from
 * the moment it is requested: no attempt starts after it
 * @param ticker source of time for token lifetimes, nanoseconds as {@link System#nanoTime()}
 * @param executor runs token requests, or {@code null} for one thread of the manager's own
 * @param restClient sends token requests, or {@code null} for a client of the manager's own,
 * built with {@code connectTimeout} and {@code readTimeout}; a shared client must apply
 * timeouts no longer than these
 * @param observationRegistry where token requests ({@code twilio.auth.token.fetch}) and waits
 * for a token ({@code twilio.auth.token.wait}) are observed
 */
public record TokenManagerSettings(double refreshAhead, Duration connectTimeout, Duration readTimeout,
        int maxAttempts, Duration backoff, Duration retryDeadline, Ticker ticker, Executor executor,
        RestClient restClient, ObservationRegistry observationRegistry) {

    /** Default of {@link #refreshAhead()}. */
    public static final double DEFAULT_REFRESH_AHEAD = 0.8;

    /** Default of {@link #connectTimeout()}. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    /** Default of {@link #readTimeout()}. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);

    /** Default of {@link #maxAttempts()}. */
    public static final int DEFAULT_MAX_ATTEMPTS = 3;

    /** Default of {@link #backoff()}. */
    public static final Duration DEFAULT_BACKOFF = Duration.ofMillis(200);

    /** Default of {@link #retryDeadline()}. */
    public static final Duration DEFAULT_RETRY_DEADLINE = Duration.ofSeconds(30);

    /**
     * Checks the ranges.
     */
    public TokenManagerSettings {
        requirePositive("connectTimeout", connectTimeout);
        requirePositive("readTimeout", readTimeout);
        requirePositive("retryDeadline", retryDeadline);
        if (backoff == null || backoff.isNegative()) {
            throw new IllegalArgumentException("backoff must not be negative but was " + backoff);
        }
        if (!(refreshAhead > 0 && refreshAhead <= 1)) {
            throw new IllegalArgumentException(
                    "refreshAhead must be greater than 0 and at most 1 but was " + refreshAhead);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1 but was " + maxAttempts);
        }
        if (ticker == null || observationRegistry == null) {
            throw new IllegalArgumentException("ticker and observationRegistry must not be null");
        }
    }

    private static void requirePositive(String name, Duration duration) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive but was " + duration);
        }
    }

    /**
     * Returns the defaults: a manager with them creates its own thread and HTTP client.
     * @return the default settings
     */
    public static TokenManagerSettings defaults() {
        return builder().build();
    }

    /**
     * Returns a builder with the defaults.
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder initialized with these settings.
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder().refreshAhead(this.refreshAhead)
            .connectTimeout(this.connectTimeout)
            .readTimeout(this.readTimeout)
            .maxAttempts(this.maxAttempts)
            .backoff(this.backoff)
            .retryDeadline(this.retryDeadline)
            .ticker(this.ticker)
            .executor(this.executor)
            .restClient(this.restClient)
            .observationRegistry(this.observationRegistry);
    }

    /**
     * Returns the longest a caller may wait for one fetch: the retry deadline, one more attempt
     * that started just before it, and a second to hand over the result.
     * @return the bound on waiting for a fetch
     */
    Duration fetchBound() {
        return this.retryDeadline.plus(this.connectTimeout).plus(this.readTimeout).plusSeconds(1);
    }

    @Override
    public String toString() {
        return "TokenManagerSettings[refreshAhead=" + this.refreshAhead + ", connectTimeout=" + this.connectTimeout
                + ", readTimeout=" + this.readTimeout + ", maxAttempts=" + this.maxAttempts + ", backoff="
                + this.backoff + ", retryDeadline=" + this.retryDeadline + ", sharedExecutor="
                + (this.executor != null) + ", sharedRestClient=" + (this.restClient != null) + "]";
    }

    /**
     * Builder of {@link TokenManagerSettings}.
     */
    public static final class Builder {

        private double refreshAhead = DEFAULT_REFRESH_AHEAD;

        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;

        private Duration readTimeout = DEFAULT_READ_TIMEOUT;

        private int maxAttempts = DEFAULT_MAX_ATTEMPTS;

        private Duration backoff = DEFAULT_BACKOFF;

        private Duration retryDeadline = DEFAULT_RETRY_DEADLINE;

        private Ticker ticker = Ticker.systemTicker();

        private Executor executor;

        private RestClient restClient;

        private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

        private Builder() {
        }

        /**
         * Sets the fraction of a token's usable life after which it is renewed in the background.
         * @param refreshAhead a fraction greater than 0 and at most 1
         * @return this builder
         */
        public Builder refreshAhead(double refreshAhead) {
            this.refreshAhead = refreshAhead;
            return this;
        }

        /**
         * Sets the maximum time to connect to the token endpoint.
         * @param connectTimeout the timeout
         * @return this builder
         */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        /**
         * Sets the maximum time to wait for the token endpoint's response.
         * @param readTimeout the timeout
         * @return this builder
         */
        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = readTimeout;
            return this;
        }

        /**
         * Sets the maximum number of attempts of one token fetch.
         * @param maxAttempts at least 1
         * @return this builder
         */
        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
            return this;
        }

        /**
         * Sets the wait before the first retry of a token fetch.
         * @param backoff the initial back-off
         * @return this builder
         */
        public Builder backoff(Duration backoff) {
            this.backoff = backoff;
            return this;
        }

        /**
         * Sets how long one token fetch may go on, counted from the moment it is requested.
         * @param retryDeadline the deadline
         * @return this builder
         */
        public Builder retryDeadline(Duration retryDeadline) {
            this.retryDeadline = retryDeadline;
            return this;
        }

        /**
         * Sets the source of time for token lifetimes; tests pass a controllable one.
         * @param ticker the ticker
         * @return this builder
         */
        public Builder ticker(Ticker ticker) {
            this.ticker = ticker;
            return this;
        }

        /**
         * Sets the executor that runs token requests, shared with other managers.
         * @param executor the executor, or {@code null} for one thread of the manager's own
         * @return this builder
         */
        public Builder executor(Executor executor) {
            this.executor = executor;
            return this;
        }

        /**
         * Sets the HTTP client of token requests, shared with other managers.
         * @param restClient the client, or {@code null} for one of the manager's own
         * @return this builder
         */
        public Builder restClient(RestClient restClient) {
            this.restClient = restClient;
            return this;
        }

        /**
         * Sets where token requests and waits for a token are observed.
         * @param observationRegistry the registry
         * @return this builder
         */
        public Builder observationRegistry(ObservationRegistry observationRegistry) {
            this.observationRegistry = observationRegistry;
            return this;
        }

        /**
         * Builds the settings.
         * @return the settings
         */
        public TokenManagerSettings build() {
            return new TokenManagerSettings(this.refreshAhead, this.connectTimeout, this.readTimeout, this.maxAttempts,
                    this.backoff, this.retryDeadline, this.ticker, this.executor, this.restClient,
                    this.observationRegistry);
        }
    }
}
