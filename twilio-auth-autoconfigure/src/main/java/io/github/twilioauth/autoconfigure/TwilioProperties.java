package io.github.twilioauth.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.twilioauth.http.RetryPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Twilio client settings: the {@code twilio.*} properties. The single client's keys are those of
 * {@link TwilioClientProperties}; tenants take the same keys under {@code twilio.tenants.<name>}.
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
     * and auth.*. Retries of API calls (twilio.http.*) are shared.
     */
    private final Map<String, TwilioClientProperties> tenants = new LinkedHashMap<>();

    public Http getHttp() {
        return this.http;
    }

    public TokenRequests getTokenRequests() {
        return this.tokenRequests;
    }

    public Map<String, TwilioClientProperties> getTenants() {
        return this.tenants;
    }

    /**
     * Token requests: one HTTP client and one bounded set of threads for every token manager of
     * the application, the single client's and every tenant's.
     */
    public static class TokenRequests {

        /**
         * Maximum time to connect to a token endpoint.
         */
        private Duration connectTimeout = Duration.ofSeconds(5);

        /**
         * Maximum time to wait for a token endpoint's response.
         */
        private Duration readTimeout = Duration.ofSeconds(10);

        /**
         * Maximum number of token requests in flight at once, over all clients; the threads
         * that send them end after 30 seconds idle.
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
            this.concurrencyLimit = concurrencyLimit;
        }
    }

    /**
     * API calls: timeouts, the largest body read, and retries (429 for any method, 5xx and I/O
     * errors for GET, HEAD and DELETE only).
     */
    public static class Http {

        /**
         * Maximum number of attempts of one API call; 1 disables retries.
         */
        private int maxAttempts = 3;

        /**
         * Wait before the first retry of an API call, doubled for each further retry, with jitter.
         */
        private Duration backoff = Duration.ofMillis(500);

        /**
         * Longest 'Retry-After' of a 429 that is waited for; a 429 asking for longer fails at once.
         */
        private Duration maxRetryAfter = Duration.ofSeconds(10);

        /**
         * Maximum time to connect to Twilio's API. Defaults to spring.http.clients.connect-timeout,
         * or 10 seconds when that is not set either.
         */
        private Duration connectTimeout;

        /**
         * Maximum time to wait for data from Twilio's API. Defaults to
         * spring.http.clients.read-timeout, or 30 seconds when that is not set either.
         */
        private Duration readTimeout;

        /**
         * Largest response body of an API call that is read; a larger one fails the call
         * without reading further.
         */
        private DataSize maxResponseSize = DataSize.ofMegabytes(10);

        public int getMaxAttempts() {
            return this.maxAttempts;
        }

        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        public Duration getBackoff() {
            return this.backoff;
        }

        public void setBackoff(Duration backoff) {
            this.backoff = backoff;
        }

        public Duration getMaxRetryAfter() {
            return this.maxRetryAfter;
        }

        public void setMaxRetryAfter(Duration maxRetryAfter) {
            this.maxRetryAfter = maxRetryAfter;
        }

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

        public DataSize getMaxResponseSize() {
            return this.maxResponseSize;
        }

        public void setMaxResponseSize(DataSize maxResponseSize) {
            this.maxResponseSize = maxResponseSize;
        }

        RetryPolicy toRetryPolicy() {
            return new RetryPolicy(this.maxAttempts, this.backoff, this.maxRetryAfter);
        }
    }

    @Override
    public String toString() {
        return super.toString() + "[tenants=" + this.tenants + "]";
    }
}
