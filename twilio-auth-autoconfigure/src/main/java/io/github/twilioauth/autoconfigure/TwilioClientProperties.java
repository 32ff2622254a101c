package io.github.twilioauth.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * The settings of one Twilio client: its account, endpoints and credentials. The keys of
 * {@code twilio.*} and of each {@code twilio.tenants.<name>.*}.
 * <p>
 * {@link #toString()} masks the secrets of {@link #getAuth()}.
 */
public class TwilioClientProperties {

    /**
     * Account SID (AC...) in /2010-04-01/Accounts/{sid} paths; required by messages() and by
     * basic authentication.
     */
    @CredentialProperty
    private @Nullable String accountSid;

    /**
     * Twilio region, such as 'ie1' or 'au1'. API hosts become
     * '{product}.{edge}.{region}.twilio.com'. Alone, 'ie1' means edge 'dublin', 'au1' edge
     * 'sydney' and 'us1' the global hosts; any other region needs an edge. Never applied to the
     * token URL.
     */
    private @Nullable String region;

    /**
     * Twilio edge location, such as 'dublin' or 'sydney'. An edge without a region means region 'us1'.
     */
    private @Nullable String edge;

    /**
     * Base URL that replaces 'https://{product}.twilio.com' for every API call, for a local
     * stand-in or a proxy.
     */
    private @Nullable String baseUrl;

    /**
     * Credentials.
     */
    @NestedConfigurationProperty
    private final ProviderConfig auth = new ProviderConfig();

    public @Nullable String getAccountSid() {
        return this.accountSid;
    }

    public void setAccountSid(@Nullable String accountSid) {
        this.accountSid = accountSid;
    }

    public @Nullable String getRegion() {
        return this.region;
    }

    public void setRegion(@Nullable String region) {
        this.region = region;
    }

    public @Nullable String getEdge() {
        return this.edge;
    }

    public void setEdge(@Nullable String edge) {
        this.edge = edge;
    }

    public @Nullable String getBaseUrl() {
        return this.baseUrl;
    }

    public void setBaseUrl(@Nullable String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public ProviderConfig getAuth() {
        return this.auth;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[accountSid=" + this.accountSid + ", region=" + this.region + ", edge="
                + this.edge + ", baseUrl=" + this.baseUrl + ", auth=" + this.auth + "]";
    }
}
