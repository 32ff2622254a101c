package io.github.twilioauth.token;

import java.time.Duration;
import java.util.concurrent.Executor;

import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.observation.ObservationRegistry;

/**
 * Settings of a built-in {@link TokenManager}. Create with {@link #builder()}.
 *
 * @param grantType the OAuth grant type, {@code client_credentials} by default
 * @param clientId the OAuth client id
 * @param clientSecret the OAuth client secret
 * @param tokenUrl the token endpoint, {@code https://oauth.twilio.com/v2/token} by default
 * @param cacheTtl upper bound on how long one token is used, or {@code null} for none
 * @param refreshAhead fraction of a token's usable life after which it is renewed in the
 * background, {@code 0.8} by default
 * @param connectTimeout maximum time to connect to the token endpoint
 * @param readTimeout maximum time to wait for the token endpoint's response
 * @param maxAttempts maximum number of attempts of one token fetch (429, 5xx and I/O errors
 * are retried; other errors are not)
 * @param backoff wait before the first retry; doubled for each further retry, with jitter
 * @param retryDeadline how long one token fetch may go on retrying: no retry starts after it
 * @param ticker source of time for expiry, nanoseconds as {@link System#nanoTime()}
 * @param renewalExecutor runs renewals ahead of expiry, or {@code null} to start a daemon
 * thread for each renewal
 * @param observationRegistry where token requests ({@code twilio.auth.token.fetch}) and waits
 * for a token ({@code twilio.auth.token.wait}) are observed; {@link ObservationRegistry#NOOP} by default
 */
public record TokenManagerOptions(String grantType, String clientId, String clientSecret, String tokenUrl,
        Duration cacheTtl, double refreshAhead, Duration connectTimeout, Duration readTimeout, int maxAttempts,
        Duration backoff, Duration retryDeadline, Ticker ticker, Executor renewalExecutor,
        ObservationRegistry observationRegistry) {

    /** Twilio's OAuth token endpoint. */
    public static final String DEFAULT_TOKEN_URL = "https://oauth.twilio.com/v2/token";

    /** The client credentials grant type. */
    public static final String CLIENT_CREDENTIALS = "client_credentials";

    /**
     * Applies the defaults and validates the ranges.
     */
    public TokenManagerOptions {
        grantType = (grantType != null) ? grantType : CLIENT_CREDENTIALS;
        tokenUrl = (tokenUrl != null) ? tokenUrl : DEFAULT_TOKEN_URL;
        connectTimeout = (connectTimeout != null) ? connectTimeout : Duration.ofSeconds(5);
        readTimeout = (readTimeout != null) ? readTimeout : Duration.ofSeconds(10);
        backoff = (backoff != null) ? backoff : Duration.ofMillis(200);
        retryDeadline = (retryDeadline != null) ? retryDeadline : Duration.ofSeconds(30);
        ticker = (ticker != null) ? ticker : Ticker.systemTicker();
        observationRegistry = (observationRegistry != null) ? observationRegistry : ObservationRegistry.NOOP;
        requirePositive("cacheTtl", cacheTtl);
        requirePositive("connectTimeout", connectTimeout);
        requirePositive("readTimeout", readTimeout);
        requirePositive("retryDeadline", retryDeadline);
        if (backoff.isNegative()) {
            throw new IllegalArgumentException("backoff must not be negative but was " + backoff);
        }
        if (!(refreshAhead > 0 && refreshAhead <= 1)) {
            throw new IllegalArgumentException("refreshAhead must be greater than 0 and at most 1 but was "
                    + refreshAhead);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1 but was " + maxAttempts);
        }
    }

    private static void requirePositive(String name, Duration duration) {
        if (duration != null && (duration.isNegative() || duration.isZero())) {
            throw new IllegalArgumentException(name + " must be positive but was " + duration);
        }
    }

    /**
     * Returns a builder with the defaults.
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String toString() {
        return "TokenManagerOptions[grantType=" + this.grantType + ", clientId=" + this.clientId
                + ", clientSecret=" + ((this.clientSecret != null) ? "******" : "null") + ", tokenUrl=" + this.tokenUrl
                + ", cacheTtl=" + this.cacheTtl + ", refreshAhead=" + this.refreshAhead + ", connectTimeout="
                + this.connectTimeout + ", readTimeout=" + this.readTimeout + ", maxAttempts=" + this.maxAttempts
                + ", backoff=" + this.backoff + ", retryDeadline=" + this.retryDeadline + "]";
    }

    /**
     * Builder of {@link TokenManagerOptions}.
     */
    public static final class Builder {

        private String grantType = CLIENT_CREDENTIALS;

        private String clientId;

        private String clientSecret;

        private String tokenUrl = DEFAULT_TOKEN_URL;

        private Duration cacheTtl;

        private double refreshAhead = 0.8;

        private Duration connectTimeout = Duration.ofSeconds(5);

        private Duration readTimeout = Duration.ofSeconds(10);

        private int maxAttempts = 3;

        private Duration backoff = Duration.ofMillis(200);

        private Duration retryDeadline = Duration.ofSeconds(30);

        private Ticker ticker = Ticker.systemTicker();

        private Executor renewalExecutor;

        private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

        private Builder() {
        }

        /**
         * Sets the OAuth grant type.
         * @param grantType the grant type
         * @return this builder
         */
        public Builder grantType(String grantType) {
            this.grantType = grantType;
            return this;
        }

        /**
         * Sets the OAuth client id.
         * @param clientId the client id
         * @return this builder
         */
        public Builder clientId(String clientId) {
            this.clientId = clientId;
            return this;
        }

        /**
         * Sets the OAuth client secret.
         * @param clientSecret the client secret
         * @return this builder
         */
        public Builder clientSecret(String clientSecret) {
            this.clientSecret = clientSecret;
            return this;
        }

        /**
         * Sets the token endpoint.
         * @param tokenUrl the absolute URL of the token endpoint
         * @return this builder
         */
        public Builder tokenUrl(String tokenUrl) {
            this.tokenUrl = tokenUrl;
            return this;
        }

        /**
         * Sets an upper bound on how long one token is used.
         * @param cacheTtl the bound, or {@code null} for none
         * @return this builder
         */
        public Builder cacheTtl(Duration cacheTtl) {
            this.cacheTtl = cacheTtl;
            return this;
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
         * Sets how long one token fetch may go on retrying.
         * @param retryDeadline the deadline, counted from the first attempt
         * @return this builder
         */
        public Builder retryDeadline(Duration retryDeadline) {
            this.retryDeadline = retryDeadline;
            return this;
        }

        /**
         * Sets the source of time for expiry; tests pass a controllable one.
         * @param ticker the ticker
         * @return this builder
         */
        public Builder ticker(Ticker ticker) {
            this.ticker = ticker;
            return this;
        }

        /**
         * Sets the executor that runs renewals ahead of expiry.
         * @param renewalExecutor the executor, or {@code null} for a daemon thread per renewal
         * @return this builder
         */
        public Builder renewalExecutor(Executor renewalExecutor) {
            this.renewalExecutor = renewalExecutor;
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
         * Builds the options.
         * @return the options
         */
        public TokenManagerOptions build() {
            return new TokenManagerOptions(this.grantType, this.clientId, this.clientSecret, this.tokenUrl,
                    this.cacheTtl, this.refreshAhead, this.connectTimeout, this.readTimeout, this.maxAttempts,
                    this.backoff, this.retryDeadline, this.ticker, this.renewalExecutor, this.observationRegistry);
        }
    }
}
