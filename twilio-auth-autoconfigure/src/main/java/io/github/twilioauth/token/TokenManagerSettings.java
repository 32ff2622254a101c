package io.github.twilioauth.token;

import java.time.Duration;
import java.util.concurrent.Executor;

import io.micrometer.observation.ObservationRegistry;

import io.github.twilioauth.TwilioRetryPolicy;
import io.github.twilioauth.observation.TenantTag;
import org.jspecify.annotations.Nullable;

import org.springframework.web.client.RestClient;

/**
 * How a built-in {@link TokenManager} fetches and renews its tokens: timeouts, retries,
 * refresh-ahead, the clock, the threads and HTTP client token requests run on, and where they
 * are observed. One instance may serve any number of managers. Create with {@link #builder()}.
 * <p>
 * Threads and HTTP client: a manager runs its token requests on the {@code executor} and
 * {@code restClient} given here, shared with every other manager given them, and never closes
 * them: whoever created them closes them. For what is not given, it uses JVM-wide defaults,
 * shared by every such manager as {@link java.util.concurrent.ForkJoinPool#commonPool()} is
 * shared, so a manager built by hand costs no thread or HTTP client of its own: an executor of
 * at most 64 daemon threads named {@code twilio-token-default-<n>}, each ending after 30 s idle,
 * and a client on the JDK's {@code HttpURLConnection} (one per pair of timeouts), which has no
 * thread of its own and never follows redirects. Both are created on first use and never
 * closed. A token request blocks the executor thread that sends it; with an HTTP client that
 * blocks its caller only, as the default does, it uses no other thread. A manager never holds
 * more than one executor thread (see {@link CachingTokenManager}).
 * <p>
 * Tokens shared with other instances: with a {@code tokenStore}, a manager that needs a token
 * first takes one that another instance requested, or requests it for all of them (see
 * {@link TokenStore}); without one, the default, it keeps its tokens to itself and a cached token
 * costs the same either way.
 *
 * @param refreshAhead fraction of a token's usable life after which it is renewed in the
 * background, {@code 0.8} by default; each renewal starts at a random point up to a tenth
 * earlier, never later
 * @param connectTimeout maximum time to connect to the token endpoint, 5 seconds by default
 * @param readTimeout maximum time to wait for the token endpoint's response, 10 seconds by default
 * @param retry how a token request is retried (429, 5xx and I/O errors are; other errors are
 * not), {@link TwilioRetryPolicy#DEFAULT} by default; its timeout counts from the moment a token
 * is needed, and no attempt starts after it; its delay is also the first back-off after a failed
 * token request
 * @param ticker source of time for token lifetimes, nanoseconds as {@link System#nanoTime()}
 * @param executor runs token requests, or {@code null} for the JVM-wide default
 * @param restClient sends token requests, or {@code null} for the JVM-wide default, with
 * {@code connectTimeout} and {@code readTimeout}; a given client must apply timeouts no longer
 * than these, and should block the calling thread only (as Apache HttpClient's classic API and
 * {@code HttpURLConnection} do) so that token requests cost no threads besides the executor's
 * @param observationRegistry where token requests ({@code twilio.auth.token.fetch}) and waits
 * for a token ({@code twilio.auth.token.wait}) are observed
 * @param tenant the tenant in the {@code twilio.tenant} tag of those observations:
 * {@code default} by default, a tenant's name for the managers of {@code twilio.tenants}
 * @param tokenStore where the managers share their tokens with other instances, or {@code null}
 * for none, the default; the store's owner closes it
 */
public record TokenManagerSettings(double refreshAhead, Duration connectTimeout, Duration readTimeout,
        TwilioRetryPolicy retry, Ticker ticker, @Nullable Executor executor,
        @Nullable RestClient restClient, ObservationRegistry observationRegistry, String tenant,
        @Nullable TokenStore tokenStore) {

    /** Default of {@link #refreshAhead()}. */
    public static final double DEFAULT_REFRESH_AHEAD = 0.8;

    /** Default of {@link #connectTimeout()}. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    /** Default of {@link #readTimeout()}. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);

    /**
     * Checks the ranges.
     */
    public TokenManagerSettings {
        requirePositive("connectTimeout", connectTimeout);
        requirePositive("readTimeout", readTimeout);
        if (!(refreshAhead > 0 && refreshAhead <= 1)) {
            throw new IllegalArgumentException(
                    "refreshAhead must be greater than 0 and at most 1 but was " + refreshAhead);
        }
        if (retry == null || ticker == null || observationRegistry == null) {
            throw new IllegalArgumentException("retry, ticker and observationRegistry must not be null");
        }
        if (tenant == null || tenant.isBlank()) {
            throw new IllegalArgumentException("tenant must be a name, but was '" + tenant + "'");
        }
    }

    private static void requirePositive(String name, Duration duration) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive but was " + duration);
        }
    }

    /**
     * Returns the defaults: a manager with them uses the JVM-wide default executor and HTTP
     * client.
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
            .retry(this.retry)
            .ticker(this.ticker)
            .executor(this.executor)
            .restClient(this.restClient)
            .observationRegistry(this.observationRegistry)
            .tenant(this.tenant)
            .tokenStore(this.tokenStore);
    }

    /**
     * Returns the longest a caller may wait for one fetch: the retry timeout, one more attempt
     * that started just before it, and a second to hand over the result.
     * @return the bound on waiting for a fetch
     */
    Duration fetchBound() {
        return this.retry.timeout().plus(this.connectTimeout).plus(this.readTimeout).plusSeconds(1);
    }

    /**
     * Returns the longest a manager waits for a token that another instance requests under the
     * lease of the {@link #tokenStore()}: half the retry timeout, so that a request of its own
     * still has the other half when none comes.
     * @return the bound on waiting for another instance
     */
    Duration leaseWaitBound() {
        return this.retry.timeout().dividedBy(2);
    }

    @Override
    public String toString() {
        return "TokenManagerSettings[refreshAhead=" + this.refreshAhead + ", connectTimeout=" + this.connectTimeout
                + ", readTimeout=" + this.readTimeout + ", retry=" + this.retry + ", executor="
                + ((this.executor != null) ? "given" : "default") + ", restClient="
                + ((this.restClient != null) ? "given" : "default") + ", tenant=" + this.tenant + ", tokenStore="
                + ((this.tokenStore != null) ? this.tokenStore : "none") + "]";
    }

    /**
     * Builder of {@link TokenManagerSettings}.
     */
    public static final class Builder {

        private double refreshAhead = DEFAULT_REFRESH_AHEAD;

        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;

        private Duration readTimeout = DEFAULT_READ_TIMEOUT;

        private TwilioRetryPolicy retry = TwilioRetryPolicy.DEFAULT;

        private Ticker ticker = Ticker.systemTicker();

        private @Nullable Executor executor;

        private @Nullable RestClient restClient;

        private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

        private String tenant = TenantTag.DEFAULT_TENANT;

        private @Nullable TokenStore tokenStore;

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
         * Sets how a token request is retried.
         * @param retry the retry policy
         * @return this builder
         */
        public Builder retry(TwilioRetryPolicy retry) {
            this.retry = retry;
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
         * @param executor the executor, or {@code null} for the JVM-wide default
         * @return this builder
         */
        public Builder executor(@Nullable Executor executor) {
            this.executor = executor;
            return this;
        }

        /**
         * Sets the HTTP client of token requests, shared with other managers.
         * @param restClient the client, or {@code null} for the JVM-wide default
         * @return this builder
         */
        public Builder restClient(@Nullable RestClient restClient) {
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
         * Sets the tenant in the {@code twilio.tenant} tag of the managers' observations.
         * @param tenant the tenant's name
         * @return this builder
         */
        public Builder tenant(String tenant) {
            this.tenant = tenant;
            return this;
        }

        /**
         * Sets where the managers share their tokens with other instances.
         * @param tokenStore the store, or {@code null} for none
         * @return this builder
         */
        public Builder tokenStore(@Nullable TokenStore tokenStore) {
            this.tokenStore = tokenStore;
            return this;
        }

        /**
         * Builds the settings.
         * @return the settings
         */
        public TokenManagerSettings build() {
            return new TokenManagerSettings(this.refreshAhead, this.connectTimeout, this.readTimeout, this.retry,
                    this.ticker, this.executor, this.restClient, this.observationRegistry, this.tenant,
                    this.tokenStore);
        }
    }
}
