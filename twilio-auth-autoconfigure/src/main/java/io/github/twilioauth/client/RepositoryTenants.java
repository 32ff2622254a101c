package io.github.twilioauth.client;

import java.time.Duration;
import java.util.Objects;

import com.github.benmanes.caffeine.cache.Ticker;

import io.github.twilioauth.credential.CredentialProvider;
import io.github.twilioauth.observation.TenantTag;
import org.jspecify.annotations.Nullable;

/**
 * How a {@link TwilioClients} serves the tenants of a {@link TwilioTenantRepository}: the
 * repository, the bounds of the cache of their clients, the tag of their observations, and how
 * their credentials are prepared. Immutable; create with {@link #builder(TwilioTenantRepository)}.
 */
public final class RepositoryTenants {

    /** Default of the most clients of repository tenants kept. */
    public static final long DEFAULT_MAXIMUM_SIZE = 10_000;

    /** Default of how long the client of a repository tenant is kept unused. */
    public static final Duration DEFAULT_EXPIRE_AFTER_ACCESS = Duration.ofHours(1);

    /** Longest a caller waits for another caller's lookup of the same tenant. */
    static final Duration MAX_LOOKUP_WAIT = Duration.ofSeconds(30);

    private final TwilioTenantRepository repository;

    private final long maximumSize;

    private final Duration expireAfterAccess;

    private final Ticker ticker;

    private final boolean nameTags;

    private final CredentialsPreparer credentials;

    private RepositoryTenants(Builder builder) {
        this.repository = builder.repository;
        this.maximumSize = builder.maximumSize;
        this.expireAfterAccess = builder.expireAfterAccess;
        this.ticker = builder.ticker;
        this.nameTags = builder.nameTags;
        this.credentials = builder.credentials;
    }

    /**
     * Returns a builder with the defaults.
     * @param repository where the tenants are found
     * @return the builder
     */
    public static Builder builder(TwilioTenantRepository repository) {
        return new Builder(repository);
    }

    TwilioTenantRepository repository() {
        return this.repository;
    }

    long maximumSize() {
        return this.maximumSize;
    }

    Duration expireAfterAccess() {
        return this.expireAfterAccess;
    }

    Ticker ticker() {
        return this.ticker;
    }

    /** The value of the {@code twilio.tenant} tag of a tenant's observations. */
    String tagOf(String tenant) {
        return this.nameTags ? tenant : TenantTag.REPOSITORY_TENANTS;
    }

    boolean nameTags() {
        return this.nameTags;
    }

    CredentialsPreparer credentials() {
        return this.credentials;
    }

    @Override
    public String toString() {
        return "RepositoryTenants[maximumSize=" + this.maximumSize + ", expireAfterAccess=" + this.expireAfterAccess
                + ", nameTags=" + this.nameTags + "]";
    }

    /**
     * Prepares the credentials of a repository tenant's client, such as putting an OAuth
     * provider's token requests on the application's token engine.
     */
    @FunctionalInterface
    public interface CredentialsPreparer {

        /**
         * Returns the credentials the tenant's client authenticates with, and what was built for
         * them alone, which the {@code TwilioClients} closes when it releases the tenant.
         * @param tenant the tenant's name
         * @param credentials the credentials the repository gave
         * @param endpoints where the tenant's calls go
         * @param tag the value of the {@code twilio.tenant} tag of the tenant's observations
         * @return the prepared credentials
         */
        PreparedCredentials prepare(String tenant, CredentialProvider credentials, TwilioEndpoints endpoints,
                String tag);
    }

    /**
     * Credentials ready for a tenant's client.
     *
     * @param credentials what the client authenticates with
     * @param owned what was built for them alone and is closed with the tenant, such as a token
     * manager; {@code null} when nothing was
     */
    public record PreparedCredentials(CredentialProvider credentials, @Nullable AutoCloseable owned) {

        /**
         * Checks the credentials are given.
         */
        public PreparedCredentials {
            Objects.requireNonNull(credentials, "credentials must not be null");
        }
    }

    /**
     * Builder of {@link RepositoryTenants}. Not thread-safe.
     */
    public static final class Builder {

        private final TwilioTenantRepository repository;

        private long maximumSize = DEFAULT_MAXIMUM_SIZE;

        private Duration expireAfterAccess = DEFAULT_EXPIRE_AFTER_ACCESS;

        private Ticker ticker = Ticker.systemTicker();

        private boolean nameTags;

        private CredentialsPreparer credentials = (tenant, given, endpoints, tag) -> new PreparedCredentials(given,
                null);

        private Builder(TwilioTenantRepository repository) {
            this.repository = Objects.requireNonNull(repository, "repository must not be null");
        }

        /**
         * Sets the most clients of repository tenants kept; past it, the least likely to be used
         * again is evicted.
         * @param maximumSize at least 1
         * @return this builder
         */
        public Builder maximumSize(long maximumSize) {
            if (maximumSize < 1) {
                throw new IllegalArgumentException("maximumSize must be at least 1 but was " + maximumSize);
            }
            this.maximumSize = maximumSize;
            return this;
        }

        /**
         * Sets how long the client of a repository tenant is kept unused.
         * @param expireAfterAccess a positive duration
         * @return this builder
         */
        public Builder expireAfterAccess(Duration expireAfterAccess) {
            if (expireAfterAccess == null || expireAfterAccess.isNegative() || expireAfterAccess.isZero()) {
                throw new IllegalArgumentException("expireAfterAccess must be positive but was " + expireAfterAccess);
            }
            this.expireAfterAccess = expireAfterAccess;
            return this;
        }

        /**
         * Sets the source of time of the expiry; tests pass one they move.
         * @param ticker the ticker
         * @return this builder
         */
        public Builder ticker(Ticker ticker) {
            this.ticker = Objects.requireNonNull(ticker, "ticker must not be null");
            return this;
        }

        /**
         * Sets whether the {@code twilio.tenant} tag of a repository tenant's observations is its
         * name, so that each cached tenant has meters of its own (removed when it leaves the
         * cache), rather than {@value TenantTag#REPOSITORY_TENANTS} for all of them.
         * @param nameTags whether to tag with names
         * @return this builder
         */
        public Builder nameTags(boolean nameTags) {
            this.nameTags = nameTags;
            return this;
        }

        /**
         * Sets how the credentials of a repository tenant are prepared; by default they are used
         * as given, and nothing is closed with the tenant.
         * @param credentials the preparer
         * @return this builder
         */
        public Builder credentials(CredentialsPreparer credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials must not be null");
            return this;
        }

        /**
         * Builds the settings.
         * @return the settings
         */
        public RepositoryTenants build() {
            return new RepositoryTenants(this);
        }
    }
}
