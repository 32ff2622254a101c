package io.github.twilioauth.autoconfigure.webhook;

import java.util.ArrayList;
import java.util.List;

import io.github.twilioauth.autoconfigure.TwilioProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Validation of requests from Twilio: the {@code twilio.webhook.*} properties, with the Auth
 * Tokens of the single client's account. Each tenant's are {@code twilio.tenants.<name>.webhook.*}.
 * <p>
 * {@link #toString()} masks both Auth Tokens.
 */
@ConfigurationProperties("twilio.webhook")
public class TwilioWebhookProperties extends TwilioProperties.WebhookAuthTokens {

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

    @Override
    public String toString() {
        return "TwilioWebhookProperties[enabled=" + this.enabled + ", baseUrl=" + this.baseUrl + ", paths="
                + this.paths + ", maxBodySize=" + this.maxBodySize + ", " + super.toString() + "]";
    }
}
