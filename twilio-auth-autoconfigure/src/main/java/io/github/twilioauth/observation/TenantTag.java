package io.github.twilioauth.observation;

/**
 * The {@code twilio.tenant} key that tags every Twilio observation (API calls in
 * {@code http.client.requests}, token requests and waits) with the tenant it served:
 * {@code default} for the single client, a tenant's name for the tenants registered with
 * {@code TwilioClients} (those of {@code twilio.tenants} among them), and {@code repository} for
 * every tenant of a {@code TwilioTenantRepository}. Registered tenants are few and chosen by the
 * application, and the repository's, however many, share one value, so the key is of low
 * cardinality.
 */
public final class TenantTag {

    /** The key. */
    public static final String KEY = "twilio.tenant";

    /** The tenant of the single client and of clients built without a tenant. */
    public static final String DEFAULT_TENANT = "default";

    /**
     * The tenant of every client of a {@code TwilioTenantRepository}'s tenants, and the name of
     * their one entry in health.
     */
    public static final String REPOSITORY_TENANTS = "repository";

    private TenantTag() {
    }

    /**
     * Returns whether a name is one of the values this key reserves, which no tenant may take.
     * @param tenant a tenant's name
     * @return whether it is {@value #DEFAULT_TENANT} or {@value #REPOSITORY_TENANTS}
     */
    public static boolean isReserved(String tenant) {
        return DEFAULT_TENANT.equals(tenant) || REPOSITORY_TENANTS.equals(tenant);
    }
}
