package io.github.twilioauth.autoconfigure;

import java.time.Duration;

import io.github.twilioauth.client.RepositoryTenants;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.Assert;

/**
 * The caches in front of the application's {@code TwilioTenantRepository}: the
 * {@code twilio.tenant-cache.*} properties. They bound the clients of its tenants that
 * {@code TwilioClients} keeps, and the Auth Tokens that webhook validation keeps by Account SID.
 */
@ConfigurationProperties("twilio.tenant-cache")
public class TwilioTenantCacheProperties {

    /**
     * Most tenants of the repository kept at once, in each cache: their clients, and the Auth
     * Tokens of their webhooks. Past it, the least likely to be used again is evicted.
     */
    private long maximumSize = RepositoryTenants.DEFAULT_MAXIMUM_SIZE;

    /**
     * How long a tenant of the repository is kept unused; then the repository is asked again.
     */
    private Duration expireAfterAccess = RepositoryTenants.DEFAULT_EXPIRE_AFTER_ACCESS;

    /**
     * How long webhook validation remembers an Account SID the repository knows no tenant of,
     * so that requests naming it do not reach the repository again meanwhile.
     */
    private Duration expireMissesAfter = Duration.ofMinutes(1);

    /**
     * Whether the twilio.tenant tag of a repository tenant's observations is its name rather
     * than 'repository': meters of their own for each cached tenant, removed when it leaves the
     * cache.
     */
    private boolean nameTags;

    public long getMaximumSize() {
        return this.maximumSize;
    }

    public void setMaximumSize(long maximumSize) {
        Assert.isTrue(maximumSize >= 1, () -> "must be at least 1 but was " + maximumSize);
        this.maximumSize = maximumSize;
    }

    public Duration getExpireAfterAccess() {
        return this.expireAfterAccess;
    }

    public void setExpireAfterAccess(Duration expireAfterAccess) {
        Assert.isTrue(isPositive(expireAfterAccess), () -> "must be positive but was " + expireAfterAccess);
        this.expireAfterAccess = expireAfterAccess;
    }

    public Duration getExpireMissesAfter() {
        return this.expireMissesAfter;
    }

    public void setExpireMissesAfter(Duration expireMissesAfter) {
        Assert.isTrue(isPositive(expireMissesAfter), () -> "must be positive but was " + expireMissesAfter);
        this.expireMissesAfter = expireMissesAfter;
    }

    private static boolean isPositive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }

    public boolean isNameTags() {
        return this.nameTags;
    }

    public void setNameTags(boolean nameTags) {
        this.nameTags = nameTags;
    }
}
