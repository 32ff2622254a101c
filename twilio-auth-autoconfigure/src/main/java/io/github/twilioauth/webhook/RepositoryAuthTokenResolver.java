package io.github.twilioauth.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import io.github.twilioauth.LookupCache;
import io.github.twilioauth.Sids;
import io.github.twilioauth.TwilioException;
import io.github.twilioauth.client.TwilioTenant;
import io.github.twilioauth.client.TwilioTenantRepository;
import org.jspecify.annotations.Nullable;

/**
 * The built-in {@link TwilioWebhookAuthTokenResolver} of an application with a
 * {@link TwilioTenantRepository}: the configured Auth Tokens first (an account's own, see
 * {@link InMemoryAuthTokenResolver}), then the {@linkplain TwilioTenant#webhookAuthTokens() webhook
 * Auth Tokens} of the tenant that {@link TwilioTenantRepository#findByAccountSid} finds for the
 * request's {@code AccountSid}, and else the configured default tokens. A subaccount's webhooks
 * are so checked with the subaccount's own Auth Token.
 * <p>
 * Two bounded caches stand in front of the repository, so that requests never reach it for
 * what it was just asked: the tokens found, by Account SID (at most {@code maximumSize}, each
 * kept until unused for {@code expireAfterAccess}), and the Account SIDs it found nothing for, in
 * a cache of their own (at most {@code maximumSize}, each kept {@code expireMissesAfter}), so
 * that requests with made-up SIDs never push real tenants out (past {@code maximumSize} made-up
 * SIDs within {@code expireMissesAfter}, the misses themselves are evicted, and those SIDs may be
 * looked up again). A value that is not an Account SID
 * ({@code AC} and 32 hexadecimal characters) is never looked up. Each SID is looked up once
 * however many requests ask at once (see {@link LookupCache}). After a tenant's Auth Token
 * changed, {@link #evict(String)} its account so the next request reads it again.
 * <p>
 * {@link #resolveTenant(String)} names configured tenants only: a repository's tenant is known by
 * its account SID. Thread-safe; {@link #toString()} shows no token.
 */
public final class RepositoryAuthTokenResolver implements TwilioWebhookAuthTokenResolver {

    /** Longest a request waits for another request's lookup of the same account. */
    private static final Duration MAX_LOOKUP_WAIT = Duration.ofSeconds(10);

    private final InMemoryAuthTokenResolver configured;

    private final TwilioTenantRepository repository;

    /** Webhook Auth Tokens by Account SID, of the accounts the repository found with some. */
    private final LookupCache<String, List<String>> found;

    /** The Account SIDs the repository found no webhook Auth Token for. */
    private final Cache<String, Boolean> misses;

    /**
     * Creates the resolver.
     * @param configured the configured tokens, consulted first
     * @param repository the repository, consulted for the accounts the configured tokens do not name
     * @param maximumSize most accounts kept in each cache, of those found and those not
     * @param expireAfterAccess how long the tokens of an account are kept unused
     * @param expireMissesAfter how long an account the repository does not know is remembered
     * @param ticker the source of time of both caches
     */
    public RepositoryAuthTokenResolver(InMemoryAuthTokenResolver configured, TwilioTenantRepository repository,
            long maximumSize, Duration expireAfterAccess, Duration expireMissesAfter, Ticker ticker) {
        this.configured = Objects.requireNonNull(configured, "configured must not be null");
        this.repository = Objects.requireNonNull(repository, "repository must not be null");
        this.found = new LookupCache<>(maximumSize, expireAfterAccess, ticker, MAX_LOOKUP_WAIT,
                "the webhook Auth Tokens of account");
        this.misses = Caffeine.newBuilder()
            .maximumSize(maximumSize)
            .expireAfterWrite(expireMissesAfter)
            .ticker(ticker)
            .executor(Runnable::run)
            .build();
    }

    @Override
    public List<String> resolveAuthTokens(@Nullable String accountSid) {
        if (accountSid == null) {
            return this.configured.resolveAuthTokens(null);
        }
        List<String> tokens = this.configured.accountAuthTokens(accountSid);
        if (tokens == null) {
            tokens = fromRepository(accountSid);
        }
        return (tokens != null) ? tokens : this.configured.resolveAuthTokens(accountSid);
    }

    private @Nullable List<String> fromRepository(String accountSid) {
        List<String> tokens = this.found.getIfPresent(accountSid);
        if (tokens != null || !Sids.isSid(accountSid, "AC") || this.misses.getIfPresent(accountSid) != null) {
            return tokens;
        }
        tokens = this.found.get(accountSid, this::lookUp);
        if (tokens == null) {
            this.misses.put(accountSid, Boolean.TRUE);
        }
        return tokens;
    }

    private @Nullable List<String> lookUp(String accountSid) {
        TwilioTenant tenant;
        try {
            tenant = this.repository.findByAccountSid(accountSid);
        }
        catch (RuntimeException ex) {
            throw new TwilioException("TwilioTenantRepository.findByAccountSid failed for account " + accountSid
                    + ", so its webhook cannot be checked; nothing is cached", ex);
        }
        return (tenant != null && !tenant.webhookAuthTokens().isEmpty()) ? tenant.webhookAuthTokens() : null;
    }

    @Override
    public @Nullable String resolveTenant(String accountSid) {
        return this.configured.resolveTenant(accountSid);
    }

    /**
     * Forgets what the repository said about an account, so that the next request for it reads
     * the repository again: after its Auth Token changed, or once it was added.
     * @param accountSid the account SID
     */
    public void evict(String accountSid) {
        this.found.invalidate(accountSid);
        this.misses.invalidate(accountSid);
    }

    @Override
    public String toString() {
        return "RepositoryAuthTokenResolver[configured=" + this.configured + ", found=" + this.found
                + ", misses=" + this.misses.estimatedSize() + "]";
    }
}
