package io.github.twilioauth.sdk;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import com.twilio.http.TwilioRestClient;

import io.github.twilioauth.client.TwilioClient;
import io.github.twilioauth.client.TwilioClients;

/**
 * The SDK {@link TwilioRestClient} of each tenant of a {@link TwilioClients}: each one sends its
 * calls through its tenant's {@link TwilioClient}, so with that tenant's credentials only, and
 * takes the tenant's account SID as its default account.
 * <p>
 * Follows the tenants as they are: a tenant registered at run time, or one of a
 * {@code TwilioTenantRepository}, has its SDK client on the first {@link #get(String)}, and a
 * tenant removed or evicted and then served again gets a new one. Each SDK client is built on
 * first use and kept while its tenant's client is: a {@link TwilioClients.ReleaseListener} drops
 * it when {@code TwilioClients} releases the tenant, so SDK clients are as many as the tenants
 * served now (registered, and cached from the repository). An SDK client holds no resource of
 * its own (the tenant's client does, and closes with its {@code TwilioClients}). Thread-safe.
 */
public final class TwilioSdkClients {

    private final TwilioClients clients;

    private final ConcurrentMap<String, SdkClient> sdkClients = new ConcurrentHashMap<>();

    /**
     * Creates the SDK clients of a set of tenants.
     * @param clients the tenants' Twilio clients
     */
    public TwilioSdkClients(TwilioClients clients) {
        this.clients = Objects.requireNonNull(clients, "clients must not be null");
        clients.addReleaseListener((tenant, client, nameTagged) -> forget(tenant, client));
    }

    /**
     * Returns the SDK client of a tenant.
     * @param tenant the tenant's name
     * @return its SDK client
     * @throws IllegalArgumentException when no tenant has that name; the message lists the known ones
     */
    public TwilioRestClient get(String tenant) {
        TwilioClient client = this.clients.get(tenant);
        SdkClient cached = this.sdkClients.get(tenant);
        if (cached != null && cached.client() == client) {
            return cached.restClient();
        }
        TwilioRestClient restClient = this.sdkClients
            .compute(tenant, (name, current) -> (current != null && current.client() == client) ? current
                    : new SdkClient(client, TwilioSdkHttpClient.restClientFor(client)))
            .restClient();
        // Released before the entry went in, the listener found nothing to drop: drop it here.
        if (client.isReleased()) {
            forget(tenant, client);
        }
        return restClient;
    }

    /** Drops the SDK client of a tenant's client that was released, not a newer one of the name. */
    private void forget(String tenant, TwilioClient released) {
        this.sdkClients.computeIfPresent(tenant, (name, current) -> (current.client() == released) ? null : current);
    }

    /**
     * Returns the names of the tenants.
     * @return an immutable snapshot, sorted
     */
    public Set<String> tenants() {
        return this.clients.tenants();
    }

    @Override
    public String toString() {
        return "TwilioSdkClients[tenants=" + tenants() + "]";
    }

    private record SdkClient(TwilioClient client, TwilioRestClient restClient) {
    }
}
