package io.github.twilioauth.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.twilioauth.http.RetryPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * Twilio client settings: the {@code twilio.*} properties.
 */
@ConfigurationProperties("twilio")
public class TwilioProperties {

    /**
     * Account SID (AC...) in /2010-04-01/Accounts/{sid} paths; required by messages() and by
     * basic authentication.
     */
    private String accountSid;

    /**
     * Twilio region, such as 'ie1' or 'au1'. API hosts become
     * '{product}.{edge}.{region}.twilio.com'; a known region alone gets its default edge ('ie1' uses
     * 'dublin'). Never applied to the token URL.
     */
    private String region;

    /**
     * Twilio edge location, such as 'dublin' or 'sydney'. An edge without a region means region 'us1'.
     */
    private String edge;

    /**
     * Base URL that replaces 'https://{product}.twilio.com' for every API call, for a local
     * stand-in or a proxy.
     */
    private String baseUrl;

    /**
     * Credentials.
     */
    @NestedConfigurationProperty
    private final ProviderConfig auth = new ProviderConfig();

    /**
     * Retries of API calls.
     */
    private final Http http = new Http();

    /**
     * Tenants, by name: each gets its own client and credentials in the TwilioClients bean.
     * Every tenant takes the keys of a single configuration: account-sid, region, edge, base-url
     * and auth.*. Retries of API calls (twilio.http.*) are shared.
     */
    private final Map<String, Tenant> tenants = new LinkedHashMap<>();

    public String getAccountSid() {
        return this.accountSid;
    }

    public void setAccountSid(String accountSid) {
        this.accountSid = accountSid;
    }

    public String getRegion() {
        return this.region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public String getEdge() {
        return this.edge;
    }

    public void setEdge(String edge) {
        this.edge = edge;
    }

    public String getBaseUrl() {
        return this.baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public ProviderConfig getAuth() {
        return this.auth;
    }

    public Http getHttp() {
        return this.http;
    }

    public Map<String, Tenant> getTenants() {
        return this.tenants;
    }

    /**
     * Retries of API calls: 429 for any method, 5xx and I/O errors for GET, HEAD and DELETE only.
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

        RetryPolicy toRetryPolicy() {
            return new RetryPolicy(this.maxAttempts, this.backoff, this.maxRetryAfter);
        }
    }

    /**
     * One tenant of {@code twilio.tenants.<name>.*}: an account or organization with its own
     * credentials and endpoints.
     * <p>
     * {@link #toString()} masks the secrets of {@link #getAuth()}.
     */
    public static class Tenant {

        /**
         * Account SID (AC...) of this tenant in /2010-04-01/Accounts/{sid} paths; required by
         * messages() and by basic authentication.
         */
        private String accountSid;

        /**
         * Twilio region of this tenant, such as 'ie1' or 'au1'. API hosts become
         * '{product}.{edge}.{region}.twilio.com'.
         */
        private String region;

        /**
         * Twilio edge location of this tenant, such as 'dublin' or 'sydney'. An edge without a
         * region means region 'us1'.
         */
        private String edge;

        /**
         * Base URL that replaces 'https://{product}.twilio.com' for every API call of this
         * tenant, for a local stand-in or a proxy.
         */
        private String baseUrl;

        /**
         * Credentials of this tenant.
         */
        @NestedConfigurationProperty
        private final ProviderConfig auth = new ProviderConfig();

        public String getAccountSid() {
            return this.accountSid;
        }

        public void setAccountSid(String accountSid) {
            this.accountSid = accountSid;
        }

        public String getRegion() {
            return this.region;
        }

        public void setRegion(String region) {
            this.region = region;
        }

        public String getEdge() {
            return this.edge;
        }

        public void setEdge(String edge) {
            this.edge = edge;
        }

        public String getBaseUrl() {
            return this.baseUrl;
        }

        public void setBaseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
        }

        public ProviderConfig getAuth() {
            return this.auth;
        }

        @Override
        public String toString() {
            return "Tenant[accountSid=" + this.accountSid + ", region=" + this.region + ", edge=" + this.edge
                    + ", baseUrl=" + this.baseUrl + ", auth=" + this.auth + "]";
        }
    }

    @Override
    public String toString() {
        return "TwilioProperties[accountSid=" + this.accountSid + ", region=" + this.region + ", edge=" + this.edge
                + ", baseUrl=" + this.baseUrl + ", auth=" + this.auth + ", tenants=" + this.tenants + "]";
    }
}
