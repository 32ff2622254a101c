package io.github.twilioauth.client;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.github.twilioauth.LookupCache;
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
 * The {@link TwilioClient}s of several tenants (accounts or organizations), by name: the tenants
 * registered with it, and, given {@link RepositoryTenants}, those a
 * {@link TwilioTenantRepository} finds.
 * <p>
 * Each tenant has its own credentials, so its own token cache: one tenant's token failures
 * never reach the others. All tenants share one HTTP infrastructure (request factory,
 * connection pool, observations), the {@code RestClient} given to the constructor, and one
 * retry policy.
 * <p>
 * {@link #get(String)} serves a registered tenant first, then a repository tenant: the client
 * of a name the repository knows is built on first use and kept in a cache bounded in size and
 * in time unused, so 100,000 tenants cost what the cached ones do. Two threads asking for the
 * same name meanwhile share one lookup; a slow repository delays the callers of that name only;
 * a repository that throws fails the caller with a message naming the tenant, and nothing is
 * cached. {@link #evict(String)} drops a cached tenant, so the next {@code get} reads the
 * repository again (after its credentials changed, say).
 * <p>
 * Thread-safe: tenants may be {@linkplain #register registered} while others are in use. A name
 * is registered once; {@code register} rejects a name in use, so a tenant's client never
 * changes under its callers. To change a registered tenant's credentials, swap them in place with
 * {@code get(name).setCredentialProvider(...)}.
 * <p>
 * What this set closes is only what was built for a tenant alone: what was handed over with it
 * (see {@link #register(String, TwilioAuthInterceptor, TwilioEndpoints, String, AutoCloseable)}),
 * such as the token manager the starter built for a configured tenant, and what
 * {@link RepositoryTenants.CredentialsPreparer} built for a repository tenant. Credentials the
 * application built, and token managers it gave them, stay the application's, also when several
 * tenants share them. A tenant {@linkplain #remove removed} or evicted is released once the calls
 * running on its client have ended, token waits included: then what it owned is closed, and
 * {@link ReleaseListener}s learn of it (the starter removes its meters there). Later calls on the
 * client of an evicted repository tenant go to the tenant's current client, {@code get(name)}, so
 * a client obtained just before its eviction never fails for it; those on a removed tenant's
 * client fail.
 */
public final class TwilioClients implements AutoCloseable {

    private static final Log logger = LogFactory.getLog(TwilioClients.class);

    private final TwilioRestClientBuilder restClients;

    private final TwilioEndpoints endpoints;

    private final DataSize maxResponseSize;

    /** The registered tenants; written by {@link #register} and {@link #remove} only. */
    private final ConcurrentMap<String, Tenant> clients = new ConcurrentHashMap<>();

    /** The repository and the cache of its tenants' clients, or {@code null}. */
    private final @Nullable Repository repository;

    private final List<ReleaseListener> listeners = new CopyOnWriteArrayList<>();

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
        this(restClients, endpoints, maxResponseSize, null);
    }

    /**
     * Creates a set of tenants that also serves the tenants of a repository.
     * @param restClients builds the {@code RestClient} of each tenant
     * @param endpoints where the calls of tenants registered without endpoints of their own go;
     * its base URL, when it has one, is the base URL of every repository tenant
     * @param maxResponseSize the largest success body read; a larger one fails the call
     * @param repositoryTenants the repository and how its tenants are served, or {@code null}
     * for registered tenants only
     */
    public TwilioClients(TwilioRestClientBuilder restClients, TwilioEndpoints endpoints, DataSize maxResponseSize,
            @Nullable RepositoryTenants repositoryTenants) {
        this.restClients = Objects.requireNonNull(restClients, "restClients must not be null");
        this.endpoints = Objects.requireNonNull(endpoints, "endpoints must not be null");
        this.maxResponseSize = Objects.requireNonNull(maxResponseSize, "maxResponseSize must not be null");
        this.repository = (repositoryTenants != null) ? new Repository(repositoryTenants,
                new LookupCache<>(repositoryTenants.maximumSize(), repositoryTenants.expireAfterAccess(),
                        repositoryTenants.ticker(), RepositoryTenants.MAX_LOOKUP_WAIT, "Twilio tenant",
                        (name, tenant) -> tenant.retire(this.listeners, () -> get(name))))
                : null;
    }

    /**
     * Returns the client of a tenant: a registered one, else a repository tenant's, from the
     * cache or built from what the repository finds.
     * @param tenant the tenant's name
     * @return its client
     * @throws IllegalArgumentException when no tenant has that name; the message lists the
     * registered ones
     * @throws TwilioException when the repository throws (the cause), or the credentials it gave
     * cannot be used, or another caller's lookup of the name took longer than 30 s
     */
    public TwilioClient get(String tenant) {
        Tenant found = (tenant != null) ? this.clients.get(tenant) : null;
        Repository repository = this.repository;
        if (found == null && repository != null && tenant != null && !tenant.isBlank()
                && !TenantTag.isReserved(tenant)) {
            found = repository.cache().get(tenant, (name) -> lookUp(repository.settings(), name));
        }
        if (found == null) {
            throw new IllegalArgumentException("No Twilio tenant named '" + tenant + "'; known tenants: " + tenants()
                    + ((repository != null) ? ", and the TwilioTenantRepository found none of that name" : ""));
        }
        return found.client();
    }

    private @Nullable Tenant lookUp(RepositoryTenants settings, String name) {
        if (this.closed) {
            throw new IllegalStateException("TwilioClients is closed: no tenant is looked up");
        }
        TwilioTenant found;
        try {
            found = settings.repository().findByName(name);
        }
        catch (RuntimeException ex) {
            throw new TwilioException("TwilioTenantRepository.findByName failed for Twilio tenant '" + name
                    + "'; nothing is cached, so the next call looks it up again", ex);
        }
        return (found != null) ? build(settings, name, found) : null;
    }

    private Tenant build(RepositoryTenants settings, String name, TwilioTenant found) {
        String tag = settings.tagOf(name);
        TwilioEndpoints tenantEndpoints = new TwilioEndpoints(this.endpoints.baseUrl(), found.region(), found.edge());
        RepositoryTenants.PreparedCredentials prepared;
        try {
            prepared = settings.credentials().prepare(name, found.credentials(), tenantEndpoints, tag);
        }
        catch (RuntimeException ex) {
            throw new TwilioException("The credentials of Twilio tenant '" + name + "' from the"
                    + " TwilioTenantRepository cannot be used: " + ex.getMessage(), ex);
        }
        try {
            TwilioAuthInterceptor interceptor = new TwilioAuthInterceptor(prepared.credentials(),
                    tenantEndpoints.allowedHosts(List.of(), false));
            TwilioClient client = new TwilioClient(this.restClients.build(interceptor, tag), interceptor,
                    tenantEndpoints, found.account(), this.maxResponseSize);
            return new Tenant(name, client, prepared.owned(), settings.nameTags());
        }
        catch (RuntimeException | Error ex) {
            Tenant.closeOwned(name, prepared.owned());
            throw ex;
        }
    }

    /**
     * Returns the names of the registered tenants; the repository's are not listed, as there may
     * be any number.
     * @return an immutable snapshot, sorted
     */
    public Set<String> tenants() {
        SortedSet<String> names = new TreeSet<>(this.clients.keySet());
        return Collections.unmodifiableSortedSet(names);
    }

    /**
     * Returns whether this set serves the tenants of a {@link TwilioTenantRepository}.
     * @return whether it was given {@link RepositoryTenants}
     */
    public boolean hasRepository() {
        return this.repository != null;
    }

    /**
     * Returns the clients of the repository tenants cached now.
     * @return a snapshot, empty without a repository
     */
    public List<TwilioClient> repositoryClients() {
        Repository repository = this.repository;
        return (repository != null) ? repository.cache().values().stream().map(Tenant::client).toList() : List.of();
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
     * @throws IllegalArgumentException when the name is blank, or reserved: {@code default}, the
     * name of the single client in health and metrics, or {@code repository}, that of the
     * repository's tenants
     */
    public TwilioClient register(String tenant, TwilioAuthInterceptor interceptor, TwilioEndpoints endpoints,
            @Nullable String accountSid) {
        return register(tenant, interceptor, endpoints, accountSid, null);
    }

    /**
     * Registers a tenant with endpoints of its own, handing over what was built for it alone,
     * such as its token manager: this set closes it when the tenant is released (removed, once
     * its running calls have ended) or the set closes. When registration fails, it stays the
     * caller's. A repository tenant of the same name cached meanwhile is evicted: a registered
     * tenant is served first.
     * @param tenant the tenant's name
     * @param interceptor the interceptor that authenticates the tenant's requests, for its
     * credentials and the hosts that may receive them
     * @param endpoints where the tenant's calls go
     * @param accountSid the tenant's account in {@code /2010-04-01/Accounts/{sid}} paths, or {@code null}
     * @param owned what this set closes with the tenant's client, or {@code null}
     * @return the tenant's client
     * @throws IllegalStateException when a tenant of that name is registered already
     * @throws IllegalArgumentException when the name is blank, or reserved: {@code default}, the
     * name of the single client in health and metrics, or {@code repository}, that of the
     * repository's tenants
     */
    public TwilioClient register(String tenant, TwilioAuthInterceptor interceptor, TwilioEndpoints endpoints,
            @Nullable String accountSid, @Nullable AutoCloseable owned) {
        if (tenant == null || tenant.isBlank()) {
            throw new IllegalArgumentException("tenant must be a name, but was '" + tenant + "'");
        }
        if (TenantTag.isReserved(tenant)) {
            throw new IllegalArgumentException("'" + tenant + "' names "
                    + (TenantTag.DEFAULT_TENANT.equals(tenant) ? "the single client"
                            : "the tenants of the TwilioTenantRepository, together,")
                    + " in health and metrics; choose another tenant name");
        }
        TwilioClient client = new TwilioClient(this.restClients.build(interceptor, tenant), interceptor, endpoints,
                accountSid, this.maxResponseSize);
        if (this.clients.putIfAbsent(tenant, new Tenant(tenant, client, owned, true)) != null) {
            throw new IllegalStateException("A Twilio tenant named '" + tenant + "' is registered already; change its "
                    + "credentials with get(\"" + tenant + "\").setCredentialProvider(...)");
        }
        evict(tenant);
        // Read after the put: close() sets the flag before it removes the tenants it finds.
        if (this.closed) {
            remove(tenant);
            throw new IllegalStateException("TwilioClients is closed: no tenant can be registered");
        }
        return client;
    }

    /**
     * Removes a registered tenant: the calls running on its client go on, and once they have
     * ended, its client is released (later calls through it fail) and what was handed over with
     * it, such as its token manager, is closed. The name may be registered again at once.
     * @param tenant the tenant's name
     * @return whether a tenant of that name was registered
     */
    public boolean remove(String tenant) {
        Tenant removed = (tenant != null) ? this.clients.remove(tenant) : null;
        if (removed == null) {
            return false;
        }
        removed.retire(this.listeners, null);
        return true;
    }

    /**
     * Drops a repository tenant from the cache, so that the next {@link #get(String)} of its name
     * reads the repository again, after its credentials changed for example. Its client is
     * released as a removed tenant's is: the calls running on it go on, then what was built for
     * it is closed. Registered tenants are left alone: {@link #remove(String)} removes them.
     * @param tenant the tenant's name
     * @return whether the cache held that name
     */
    public boolean evict(String tenant) {
        Repository repository = this.repository;
        return repository != null && tenant != null && repository.cache().invalidate(tenant);
    }

    /**
     * Adds a listener to the releases of tenants, registered or from the repository.
     * @param listener the listener
     */
    public void addReleaseListener(ReleaseListener listener) {
        this.listeners.add(Objects.requireNonNull(listener, "listener must not be null"));
    }

    /**
     * Removes every registered tenant and drops every cached one, each released once its running
     * calls have ended; no tenant can be registered or looked up afterwards. Idempotent.
     */
    @Override
    public void close() {
        this.closed = true;
        tenants().forEach(this::remove);
        Repository repository = this.repository;
        if (repository != null) {
            repository.cache().invalidateAll();
        }
    }

    @Override
    public String toString() {
        return "TwilioClients[tenants=" + tenants() + ((this.repository != null) ? ", " + this.repository.settings()
                : "") + "]";
    }

    /**
     * Learns of each tenant this set releases: removed or evicted, once the calls running on its
     * client have ended.
     */
    @FunctionalInterface
    public interface ReleaseListener {

        /**
         * Called once per tenant released, on the thread that released it (the one whose call
         * ended last, or the one that removed or evicted the tenant). Must not throw, and should
         * return quickly.
         * @param tenant the tenant's name
         * @param client its client, which serves no call any more
         * @param nameTagged whether the {@code twilio.tenant} tag of its observations was its
         * name, so that meters tagged so were the tenant's alone; {@code false} for a repository
         * tenant tagged {@value TenantTag#REPOSITORY_TENANTS}
         */
        void released(String tenant, TwilioClient client, boolean nameTagged);
    }

    /** The repository's settings and the cache of its tenants' clients. */
    private record Repository(RepositoryTenants settings, LookupCache<String, Tenant> cache) {
    }

    /**
     * A tenant's client, what this set closes with it, and whether its observations carry its
     * name.
     */
    private record Tenant(String name, TwilioClient client, @Nullable AutoCloseable owned, boolean nameTagged) {

        /**
         * Releases the tenant once no call runs on its client; idempotent.
         * @param successor where later calls on its client go, or {@code null} for them to fail
         */
        void retire(List<ReleaseListener> listeners, @Nullable Supplier<TwilioClient> successor) {
            this.client.retire(() -> release(listeners), successor);
        }

        private void release(List<ReleaseListener> listeners) {
            closeOwned(this.name, this.owned);
            for (ReleaseListener listener : listeners) {
                try {
                    listener.released(this.name, this.client, this.nameTagged);
                }
                catch (RuntimeException ex) {
                    logger.warn("A listener failed on the release of Twilio tenant '" + this.name + "'", ex);
                }
            }
        }

        /** Closes what was built for a tenant; a failure is logged, as the caller is whoever released it. */
        static void closeOwned(String name, @Nullable AutoCloseable owned) {
            if (owned == null) {
                return;
            }
            try {
                owned.close();
            }
            catch (Exception ex) {
                logger.warn("Closing what Twilio tenant '" + name + "' owned failed", ex);
            }
        }
    }
}
