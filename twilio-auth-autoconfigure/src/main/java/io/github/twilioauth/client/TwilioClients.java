package io.github.twilioauth.client;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.github.twilioauth.TwilioException;
import io.github.twilioauth.TwilioRetryPolicy;
import io.github.twilioauth.credential.CredentialProvider;
import io.github.twilioauth.http.TwilioAuthInterceptor;
import io.github.twilioauth.http.TwilioRestClientBuilder;
import io.github.twilioauth.http.TwilioRetryInterceptor;
import io.github.twilioauth.observation.TenantTag;
import org.jspecify.annotations.Nullable;
import org.springframework.util.unit.DataSize;
import org.springframework.web.client.RestClient;

/**
 * The {@link TwilioClient}s of several tenants (accounts or organizations), by name.
 * <p>
 * Each tenant has its own credentials, so its own token cache: one tenant's token failures
 * never reach the others. All tenants share one HTTP infrastructure (request factory,
 * connection pool, observations), the {@code RestClient} given to the constructor, and one
 * retry policy.
 * <p>
 * Thread-safe: tenants may be {@linkplain #register registered} while others are in use. A name
 * is registered once; {@code register} rejects a name in use, so a tenant's client never
 * changes under its callers. To change a tenant's credentials, swap them in place with
 * {@code get(name).setCredentialProvider(...)}.
 * <p>
 * A tenant's client belongs to this set: {@link #remove(String)} closes it, and so does
 * {@link #close()} for every tenant, with whatever was handed over with the tenant (see
 * {@link #register(String, TwilioAuthInterceptor, TwilioEndpoints, String, AutoCloseable)}),
 * such as the token manager the starter built for a configured tenant. Credentials the caller
 * built stay the caller's: removing their tenant leaves them open.
 */
public final class TwilioClients implements AutoCloseable {

    private final TwilioRestClientBuilder restClients;

    private final TwilioEndpoints endpoints;

    private final ConcurrentMap<String, Tenant> clients = new ConcurrentHashMap<>();

    private final DataSize maxResponseSize;

    private volatile boolean closed;

    /**
     * Creates an empty set of tenants.
     * @param restClient the HTTP client every tenant's client derives from, without Twilio
     * credentials; it is left unchanged
     * @param retryPolicy how the API calls of every tenant are retried
     * @param endpoints where the calls of tenants registered without endpoints of their own go
     */
    public TwilioClients(RestClient restClient, TwilioRetryPolicy retryPolicy, TwilioEndpoints endpoints) {
        this(new TwilioRestClientBuilder(restClient.mutate(), new TwilioRetryInterceptor(retryPolicy)), endpoints,
                TwilioClient.DEFAULT_MAX_RESPONSE_SIZE);
    }

    /**
     * Creates an empty set of tenants whose clients come from one builder.
     * @param restClients builds the {@code RestClient} of each tenant
     * @param endpoints where the calls of tenants registered without endpoints of their own go
     * @param maxResponseSize the largest success body read; a larger one fails the call
     */
    public TwilioClients(TwilioRestClientBuilder restClients, TwilioEndpoints endpoints, DataSize maxResponseSize) {
        this.restClients = Objects.requireNonNull(restClients, "restClients must not be null");
        this.endpoints = Objects.requireNonNull(endpoints, "endpoints must not be null");
        this.maxResponseSize = Objects.requireNonNull(maxResponseSize, "maxResponseSize must not be null");
    }

    /**
     * Returns the client of a tenant.
     * @param tenant the tenant's name
     * @return its client
     * @throws IllegalArgumentException when no tenant has that name; the message lists the known ones
     */
    public TwilioClient get(String tenant) {
        Tenant found = (tenant != null) ? this.clients.get(tenant) : null;
        if (found == null) {
            throw new IllegalArgumentException("No Twilio tenant named '" + tenant + "'; known tenants: " + tenants());
        }
        return found.client();
    }

    /**
     * Returns the names of the tenants.
     * @return an immutable snapshot, sorted
     */
    public Set<String> tenants() {
        SortedSet<String> names = new TreeSet<>(this.clients.keySet());
        return Collections.unmodifiableSortedSet(names);
    }

    /**
     * Registers a tenant whose calls go to this set's endpoints. A
     * {@link io.github.twilioauth.credential.BasicCredentialProvider}
     * whose username is an Account SID also names the tenant's account.
     * @param tenant the tenant's name
     * @param credentialProvider the tenant's credentials
     * @return the tenant's client
     * @throws IllegalStateException when a tenant of that name is registered already
     */
    public TwilioClient register(String tenant, CredentialProvider credentialProvider) {
        return register(tenant, credentialProvider, TwilioClient.accountSidOf(credentialProvider, null));
    }

    /**
     * Registers a tenant whose calls go to this set's endpoints. Its credentials are sent to
     * Twilio's hosts and to the host of the endpoints' base URL only.
     * @param tenant the tenant's name
     * @param credentialProvider the tenant's credentials
     * @param accountSid the tenant's account in {@code /2010-04-01/Accounts/{sid}} paths, or {@code null}
     * @return the tenant's client
     * @throws IllegalStateException when a tenant of that name is registered already
     */
    public TwilioClient register(String tenant, CredentialProvider credentialProvider, @Nullable String accountSid) {
        return register(tenant,
                new TwilioAuthInterceptor(credentialProvider, this.endpoints.allowedHosts(List.of(), false)),
                this.endpoints, accountSid);
    }

    /**
     * Registers a tenant with endpoints of its own.
     * @param tenant the tenant's name
     * @param interceptor the interceptor that authenticates the tenant's requests, for its
     * credentials and the hosts that may receive them
     * @param endpoints where the tenant's calls go
     * @param accountSid the tenant's account in {@code /2010-04-01/Accounts/{sid}} paths, or {@code null}
     * @return the tenant's client
     * @throws IllegalStateException when a tenant of that name is registered already
     * @throws IllegalArgumentException when the name is blank or {@code default}, the name of
     * the single client in health and metrics
     */
    public TwilioClient register(String tenant, TwilioAuthInterceptor interceptor, TwilioEndpoints endpoints,
            @Nullable String accountSid) {
        return register(tenant, interceptor, endpoints, accountSid, null);
    }

    /**
     * Registers a tenant with endpoints of its own, handing over what was built for it alone,
     * such as its token manager: this set closes it when the tenant is removed or the set
     * closes. When registration fails, it stays the caller's.
     * @param tenant the tenant's name
     * @param interceptor the interceptor that authenticates the tenant's requests, for its
     * credentials and the hosts that may receive them
     * @param endpoints where the tenant's calls go
     * @param accountSid the tenant's account in {@code /2010-04-01/Accounts/{sid}} paths, or {@code null}
     * @param owned what this set closes with the tenant's client, or {@code null}
     * @return the tenant's client
     * @throws IllegalStateException when a tenant of that name is registered already
     * @throws IllegalArgumentException when the name is blank or {@code default}, the name of
     * the single client in health and metrics
     */
    public TwilioClient register(String tenant, TwilioAuthInterceptor interceptor, TwilioEndpoints endpoints,
            @Nullable String accountSid, @Nullable AutoCloseable owned) {
        if (tenant == null || tenant.isBlank()) {
            throw new IllegalArgumentException("tenant must be a name, but was '" + tenant + "'");
        }
        if (TenantTag.DEFAULT_TENANT.equals(tenant)) {
            throw new IllegalArgumentException("'" + tenant + "' names the single client in health and metrics; choose"
                    + " another tenant name");
        }
        TwilioClient client = new TwilioClient(this.restClients.build(interceptor, tenant), interceptor, endpoints,
                accountSid, this.maxResponseSize);
        if (this.clients.putIfAbsent(tenant, new Tenant(client, owned)) != null) {
            throw new IllegalStateException("A Twilio tenant named '" + tenant + "' is registered already; change its "
                    + "credentials with get(\"" + tenant + "\").setCredentialProvider(...)");
        }
        // Read after the put: close() sets the flag before it removes the tenants it finds.
        if (this.closed) {
            remove(tenant);
            throw new IllegalStateException("TwilioClients is closed: no tenant can be registered");
        }
        return client;
    }

    /**
     * Removes a tenant and closes its client: calls through it fail from then on, and what was
     * handed over with it, such as its token manager, is closed. The name may then be
     * registered again.
     * @param tenant the tenant's name
     * @return whether a tenant of that name was registered
     */
    public boolean remove(String tenant) {
        Tenant removed = (tenant != null) ? this.clients.remove(tenant) : null;
        if (removed == null) {
            return false;
        }
        removed.close(tenant);
        return true;
    }

    /**
     * Removes and closes every tenant; no tenant can be registered afterwards. Idempotent.
     */
    @Override
    public void close() {
        this.closed = true;
        tenants().forEach(this::remove);
    }

    @Override
    public String toString() {
        return "TwilioClients[tenants=" + tenants() + "]";
    }

    /**
     * A tenant's client, and what this set closes with it.
     */
    private record Tenant(TwilioClient client, @Nullable AutoCloseable owned) {

        void close(String name) {
            this.client.close();
            if (this.owned != null) {
                try {
                    this.owned.close();
                }
                catch (Exception ex) {
                    throw new TwilioException("Closing what Twilio tenant '" + name + "' owned failed", ex);
                }
            }
        }
    }
}
