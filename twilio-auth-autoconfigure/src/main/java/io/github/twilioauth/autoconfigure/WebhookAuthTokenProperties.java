package io.github.twilioauth.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * The Auth Tokens that check the signature of webhooks from one account: the
 * {@code twilio.webhook.auth-token} keys of the single client, and
 * {@code twilio.tenants.<name>.webhook.*} of each tenant.
 * <p>
 * {@link #toString()} masks both tokens.
 */
public class WebhookAuthTokenProperties {

    /**
     * Auth Token that Twilio signs this account's webhooks with. Defaults to auth.auth-token; set
     * it when the API is called with an API key or OAuth.
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
        return "WebhookAuthTokenProperties[authToken=" + mask(this.authToken) + ", secondaryAuthToken="
                + mask(this.secondaryAuthToken) + "]";
    }

    private static String mask(@Nullable String secret) {
        return (secret != null) ? "******" : "null";
    }
}
