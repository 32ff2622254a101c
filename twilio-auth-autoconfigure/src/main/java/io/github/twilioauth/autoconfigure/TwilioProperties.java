package io.github.twilioauth.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.twilioauth.token.TokenManagerSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.util.Assert;
import org.springframework.util.unit.DataSize;

/**
 * Twilio client settings: the {@code twilio.*} properties. The single client's keys are those of
 * {@link TwilioClientProperties}; tenants take the same keys under {@code twilio.tenants.<name>},
 * with the Auth Tokens of their webhooks. The single client's webhook keys are
 * {@code twilio.webhook.*}, of the webhook auto-configuration.
 */
@ConfigurationProperties("twilio")
public class TwilioProperties extends TwilioClientProperties {

    /**
     * API calls: timeouts, retries and the largest body read.
     */
    private final Http http = new Http();

    /**
     * Token requests of every client, the single one and each tenant's.
     */
    private final TokenRequests tokenRequests = new TokenRequests();

    /**
     * Tenants, by name: each gets its own client and credentials in the TwilioClients bean.
     * Every tenant takes the keys of a single configuration: account-sid, region, edge, base-url
     * and auth.*, and webhook.* for the Auth Tokens of its webhooks. Retries of API calls
     * (twilio.http.*) are shared.
     */
    private final Map<String, Tenant> tenants = new LinkedHashMap<>();

    public Http getHttp() {
        return this.http;
    }

    public TokenRequests getTokenRequests() {
        return this.tokenRequests;
    }

    public Map<String, Tenant> getTenants() {
        return this.tenants;
    }

    /**
     * One tenant of {@code twilio.tenants}: the keys of a client, and the Auth Tokens of its
     * account's webhooks. {@link #toString()} masks every secret.
     */
    public static class Tenant extends TwilioClientProperties {

        /**
         * Auth Tokens that check the signature of this account's webhooks.
         */
        private final WebhookAuthTokens webhook = new WebhookAuthTokens();

        public WebhookAuthTokens getWebhook() {
            return this.webhook;
        }

        @Override
        public String toString() {
            return super.toString() + "[webhook=" + this.webhook + "]";
        }
    }

    /**
     * The Auth Tokens that check the signature of one account's webhooks: a tenant's
     * {@code webhook.*}, and the single client's, among the {@code twilio.webhook.*} keys.
     * {@link #toString()} masks both.
     */
    public static class WebhookAuthTokens {

        /**
         * Auth Token that Twilio signs this account's webhooks with. Defaults to the client's
         * auth.auth-token; set it when the API is called with an API key or OAuth.
         */
        @CredentialProperty
        private @Nullable String authToken;

        /**
         * Second Auth Token also accepted, while the primary one is being rotated.
         */
        @CredentialProperty
        private @Nullable String secondaryAuthToken;

        public @Nullable String getAuthToken() {
            return this.authToken;
        }

        public void setAuthToken(@Nullable String authToken) {
            this.authToken = authToken;
        }

        public @Nullable String getSecondaryAuthToken() {
            return this.secondaryAuthToken;
        }

        public void setSecondaryAuthToken(@Nullable String secondaryAuthToken) {
            this.secondaryAuthToken = secondaryAuthToken;
        }

        @Override
        public String toString() {
            return "WebhookAuthTokens[authToken=" + ProviderConfig.mask(this.authToken) + ", secondaryAuthToken="
                    + ProviderConfig.mask(this.secondaryAuthToken) + "]";
        }
    }

    /**
     * Token requests: one HTTP client and one bounded set of threads for every token manager of
     * the application, the single client's and every tenant's.
     */
    public static class TokenRequests {

        /**
         * Maximum time to connect to a token endpoint.
         */
        private Duration connectTimeout = TokenManagerSettings.DEFAULT_CONNECT_TIMEOUT;

        /**
         * Maximum time to wait for a token endpoint's response.
         */
        private Duration readTimeout = TokenManagerSettings.DEFAULT_READ_TIMEOUT;

        /**
         * Maximum number of token requests in flight at once, over all clients, a client never
         * more than one; the threads that send them end after 30 seconds idle.
         */
        private int concurrencyLimit = 64;

        public Duration getConnectTimeout() {
            return this.connectTimeout;
        }

        public void setConnectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
        }

        public Duration getReadTimeout() {
            return this.readTimeout;
        }

        public void setReadTimeout(Duration readTimeout) {
            this.readTimeout = readTimeout;
        }

        public int getConcurrencyLimit() {
            return this.concurrencyLimit;
        }

        public void setConcurrencyLimit(int concurrencyLimit) {
            Assert.isTrue(concurrencyLimit >= 1, () -> "must be at least 1 but was " + concurrencyLimit);
            this.concurrencyLimit = concurrencyLimit;
        }
    }

    /**
     * API calls: timeouts, the largest body read, and retries (429 for any method, 5xx and I/O
     * errors for GET, HEAD and DELETE only).
     */
    public static class Http {

        /**
         * Retries of API calls: 429 for any method, 5xx and I/O errors for GET, HEAD and DELETE.
         */
        @NestedConfigurationProperty
        private final TwilioRetryProperties retry = new TwilioRetryProperties();

        /**
         * Maximum time to connect to Twilio's API. Defaults to spring.http.clients.connect-timeout,
         * or 10 seconds when that is not set either.
         */
        private @Nullable Duration connectTimeout;

        /**
         * Maximum time to wait for data from Twilio's API. Defaults to
         * spring.http.clients.read-timeout, or 30 seconds when that is not set either.
         */
        private @Nullable Duration readTimeout;

        /**
         * Largest response body of an API call that is read; a larger one fails the call
         * without reading further.
         */
        private DataSize maxResponseSize = DataSize.ofMegabytes(10);

        /**
         * Most connections the API client keeps open to Twilio, all hosts together, when it is
         * Apache HttpClient (whose own default is 5 to a host). The JDK client has no such
         * limit.
         */
        private int maxConnections = 64;

        public TwilioRetryProperties getRetry() {
            return this.retry;
        }

        public @Nullable Duration getConnectTimeout() {
            return this.connectTimeout;
        }

        public void setConnectTimeout(@Nullable Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
        }

        public @Nullable Duration getReadTimeout() {
            return this.readTimeout;
        }

        public void setReadTimeout(@Nullable Duration readTimeout) {
            this.readTimeout = readTimeout;
        }

        public DataSize getMaxResponseSize() {
            return this.maxResponseSize;
        }

        public void setMaxResponseSize(DataSize maxResponseSize) {
            this.maxResponseSize = maxResponseSize;
        }

        public int getMaxConnections() {
            return this.maxConnections;
        }

        public void setMaxConnections(int maxConnections) {
            Assert.isTrue(maxConnections >= 1, () -> "must be at least 1 but was " + maxConnections);
            this.maxConnections = maxConnections;
        }

    }

    @Override
    public String toString() {
        return super.toString() + "[tenants=" + this.tenants + "]";
    }
}
