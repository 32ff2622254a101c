package io.github.twilioauth.observation;

/**
 * The {@code twilio.tenant} key that tags every Twilio observation (API calls in
 * {@code http.client.requests}, token requests and waits) with the tenant it served:
 * {@code default} for the single client, a tenant's name for the clients of
 * {@code TwilioClients}. Tenant names are few and chosen by the application, so the key is of
 * low cardinality.
 */
public final class TenantTag {

    /** The key. */
    public static final String KEY = "twilio.tenant";

    /** The tenant of the single client and of clients built without a tenant. */
    public static final String DEFAULT_TENANT = "default";

    private TenantTag() {
    }
}
