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
 * Follows the tenants as they are: a tenant registered at run time has its SDK client on the
 * first {@link #get(String)}, and a tenant removed and registered again gets a new one. Each
 * SDK client is built on first use and kept while its tenant's client is; it holds no resource
 * of its own (the tenant's client does, and closes with its {@code TwilioClients}).
 * Thread-safe.
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
        // A new or re-registered tenant: forget the clients of removed tenants meanwhile.
        this.sdkClients.keySet().retainAll(this.clients.tenants());
        return this.sdkClients
            .compute(tenant, (name, current) -> (current != null && current.client() == client) ? current
                    : new SdkClient(client, TwilioSdkHttpClient.restClientFor(client)))
            .restClient();
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
