package io.github.twilioauth.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.twilioauth.credential.AuthType;
import io.github.twilioauth.token.TokenManagerSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * Twilio credentials: the {@code twilio.auth.*} properties.
 * <p>
 * {@link #toString()} masks the client secret, auth token and API secret.
 */
public class ProviderConfig {

    /**
     * Kind of authentication. When not set: 'client-credentials' if client-id is set, 'basic'
     * if auth-token or api-key is set.
     */
    private @Nullable AuthType type;

    /**
     * OAuth client id of the Twilio OAuth app ('client-credentials' and 'orgs').
     */
    @CredentialProperty
    private @Nullable String clientId;

    /**
     * OAuth client secret of the Twilio OAuth app ('client-credentials' and 'orgs').
     */
    @CredentialProperty
    private @Nullable String clientSecret;

    /**
     * Token endpoint. Defaults to https://oauth.twilio.com/v2/token, or to
     * '{twilio.base-url}/v2/token' when twilio.base-url is set. Never regionalized.
     */
    private @Nullable String tokenUrl;

    /**
     * Upper bound on how long one access token is used. Tokens are otherwise used until 30
     * seconds before the earliest of their JWT 'exp' claim and 'expires_in'.
     */
    private @Nullable Duration cacheTtl;

    /**
     * Fraction of an access token's usable life after which it is renewed in the background
     * while callers keep using it.
     */
    private double refreshAhead = TokenManagerSettings.DEFAULT_REFRESH_AHEAD;

    /**
     * Retries of token requests: 429, 5xx and I/O errors are retried, other errors are not.
     */
    @NestedConfigurationProperty
    private final TwilioRetryProperties retry = new TwilioRetryProperties();

    /**
     * Hosts, besides twilio.com and its subdomains and the hosts of twilio.base-url and
     * token-url, that receive the credentials ('*.example.com' for a domain's subdomains).
     * Requests of the Twilio client to other hosts go out without credentials.
     */
    private List<String> allowedHosts = new ArrayList<>();

    /**
     * Whether credentials may be sent over plain HTTP to hosts other than loopback addresses.
     */
    private boolean allowInsecureHttp;

    /**
     * Auth Token of the account in twilio.account-sid ('basic').
     */
    @CredentialProperty
    private @Nullable String authToken;

    /**
     * API Key SID ('basic'); the account is twilio.account-sid.
     */
    @CredentialProperty
    private @Nullable String apiKey;

    /**
     * API Key secret ('basic').
     */
    @CredentialProperty
    private @Nullable String apiSecret;

    public @Nullable AuthType getType() {
        return this.type;
    }

    public void setType(@Nullable AuthType type) {
        this.type = type;
    }

    public @Nullable String getClientId() {
        return this.clientId;
    }

    public void setClientId(@Nullable String clientId) {
        this.clientId = clientId;
    }

    public @Nullable String getClientSecret() {
        return this.clientSecret;
    }

    public void setClientSecret(@Nullable String clientSecret) {
        this.clientSecret = clientSecret;
    }

    public @Nullable String getTokenUrl() {
        return this.tokenUrl;
    }

    public void setTokenUrl(@Nullable String tokenUrl) {
        this.tokenUrl = tokenUrl;
    }

    public @Nullable Duration getCacheTtl() {
        return this.cacheTtl;
    }

    public void setCacheTtl(@Nullable Duration cacheTtl) {
        this.cacheTtl = cacheTtl;
    }

    public double getRefreshAhead() {
        return this.refreshAhead;
    }

    public void setRefreshAhead(double refreshAhead) {
        this.refreshAhead = refreshAhead;
    }

    public TwilioRetryProperties getRetry() {
        return this.retry;
    }

    public List<String> getAllowedHosts() {
        return this.allowedHosts;
    }

    public void setAllowedHosts(List<String> allowedHosts) {
        this.allowedHosts = allowedHosts;
    }

    public boolean isAllowInsecureHttp() {
        return this.allowInsecureHttp;
    }

    public void setAllowInsecureHttp(boolean allowInsecureHttp) {
        this.allowInsecureHttp = allowInsecureHttp;
    }

    public @Nullable String getAuthToken() {
        return this.authToken;
    }

    public void setAuthToken(@Nullable String authToken) {
        this.authToken = authToken;
    }

    public @Nullable String getApiKey() {
        return this.apiKey;
    }

    public void setApiKey(@Nullable String apiKey) {
        this.apiKey = apiKey;
    }

    public @Nullable String getApiSecret() {
        return this.apiSecret;
    }

    public void setApiSecret(@Nullable String apiSecret) {
        this.apiSecret = apiSecret;
    }

    @Override
    public String toString() {
        return "ProviderConfig[type=" + this.type + ", clientId=" + this.clientId + ", clientSecret="
                + mask(this.clientSecret) + ", tokenUrl=" + this.tokenUrl + ", cacheTtl=" + this.cacheTtl
                + ", authToken=" + mask(this.authToken) + ", apiKey=" + this.apiKey + ", apiSecret="
                + mask(this.apiSecret) + "]";
    }

    static String mask(@Nullable String secret) {
        return (secret != null) ? "******" : "null";
    }
}
