package io.github.twilioauth.autoconfigure.webhook;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Validation of requests from Twilio: the {@code twilio.webhook.*} properties, the Auth Tokens of
 * the single client's account included. Each tenant's are {@code twilio.tenants.<name>.webhook.*}.
 * <p>
 * {@link #toString()} masks both Auth Tokens.
 */
@ConfigurationProperties("twilio.webhook")
public class TwilioWebhookProperties {

    /**
     * Whether to validate the X-Twilio-Signature of requests to @TwilioWebhook handlers and to
     * the configured paths. Turn off for local development only.
     */
    private boolean enabled = true;

    /**
     * Public URL that Twilio requests, such as 'https://hooks.example.com', for a proxy that
     * rewrites more than forwarded headers tell. It replaces the scheme, host and port of the
     * request URL; its path, if any, goes before the request's path.
     */
    private @Nullable String baseUrl;

    /**
     * Path patterns within the application, such as '/twilio/**', whose requests are validated
     * whatever their handler, besides @TwilioWebhook handlers.
     */
    private List<String> paths = new ArrayList<>();

    /**
     * Maximum size of a webhook body read to check it; a larger body is rejected. With Spring
     * MVC it applies to bodies that are not forms, whose size the server limits.
     */
    private DataSize maxBodySize = DataSize.ofMegabytes(1);

    /**
     * Auth Token that Twilio signs this account's webhooks with. Defaults to auth.auth-token; set
     * it when the API is called with an API key or OAuth.
     */
    private @Nullable String authToken;

    /**
     * Second Auth Token also accepted, while the primary one is being rotated.
     */
    private @Nullable String secondaryAuthToken;

    public boolean isEnabled() {
        return this.enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public @Nullable String getBaseUrl() {
        return this.baseUrl;
    }

    public void setBaseUrl(@Nullable String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public List<String> getPaths() {
        return this.paths;
    }

    public void setPaths(List<String> paths) {
        this.paths = paths;
    }

    public DataSize getMaxBodySize() {
        return this.maxBodySize;
    }

    public void setMaxBodySize(DataSize maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

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
        return "TwilioWebhookProperties[enabled=" + this.enabled + ", baseUrl=" + this.baseUrl + ", paths="
                + this.paths + ", maxBodySize=" + this.maxBodySize + ", authToken=" + mask(this.authToken)
                + ", secondaryAuthToken=" + mask(this.secondaryAuthToken) + "]";
    }

    private static String mask(@Nullable String secret) {
        return (secret != null) ? "******" : "null";
    }
}
