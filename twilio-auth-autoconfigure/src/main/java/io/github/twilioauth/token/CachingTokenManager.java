package io.github.twilioauth.token;

import java.util.concurrent.Executor;

import org.jspecify.annotations.Nullable;

/**
 * Base of the built-in token managers: fetches tokens with the client credentials grant,
 * caches and renews them.
 * <p>
 * Thread-safe. {@link #getToken()} returns the cached token without locking; once a token has
 * used its refresh-ahead fraction of its usable life, one caller starts a renewal in the
 * background and every caller keeps the current token meanwhile. Callers wait only when no
 * usable token exists, and then share one token request, for a bounded time
 * ({@link TokenManagerSettings}); a waiting caller that is interrupted fails at once, alone,
 * with its interrupt flag set. See {@link AccessToken} for how long a token is used. Each
 * manager has its own cache and never waits for another; managers share the executor and HTTP
 * client of their settings, or else the JVM-wide defaults (see {@link TokenManagerSettings}),
 * and a manager never holds more than one of the executor's threads.
 * <p>
 * After a refusal of the token endpoint (a 4xx: bad credentials, above all), callers without a
 * usable token fail at once with that same exception until a back-off ends, which doubles with
 * each consecutive failure up to a minute; so a manager with a wrong secret costs at most one
 * token request per back-off. {@link #clearToken()} drops the token but keeps the back-off: the
 * refused credentials are still the manager's. Renewals ahead of expiry back off after any
 * failure, and start at a random point up to a tenth before the refresh-ahead point, so
 * managers that got their tokens together do not renew them together.
 * <p>
 * With a {@link TokenStore} in its settings, a manager shares its tokens with the managers of
 * the same client on other instances: before it requests a token, it takes one of theirs that is
 * newer than its own, or requests one for all of them (see {@link TokenStore}). After
 * {@link #clearToken()}, and after a rejection, it takes only a token requested since. A store
 * that fails changes nothing but the number of token requests.
 * <p>
 * {@link #close()} fails any wait in progress and every later call; it closes nothing else, as
 * the executor and HTTP client are shared.
 */
public abstract sealed class CachingTokenManager implements TokenManager, AutoCloseable
        permits ApiTokenManager, OrgsTokenManager {

    private final TokenManagerOptions options;

    private final TokenManagerSettings settings;

    private final TokenCache tokens;

    CachingTokenManager(String kind, TokenManagerOptions options, TokenManagerSettings settings) {
        this.options = requireCredentials(options);
        if (settings == null) {
            throw new IllegalArgumentException("TokenManagerSettings must not be null");
        }
        this.settings = settings;
        Executor executor = settings.executor();
        TokenStore store = settings.tokenStore();
        this.tokens = new TokenCache(kind, kind + " client " + options.clientId(),
                new TokenEndpointClient(options, settings), options, settings,
                (executor != null) ? executor : TokenDefaults.executor(),
                (store != null) ? store.slot(kind, options, settings) : null);
    }

    private static TokenManagerOptions requireCredentials(TokenManagerOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("TokenManagerOptions must not be null");
        }
        requireText(options.clientId(), "clientId");
        requireText(options.clientSecret(), "clientSecret");
        return options;
    }

    private static void requireText(@Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("TokenManagerOptions." + field + " must not be empty");
        }
    }

    /**
     * Returns the options this manager was created with.
     * @return the options
     */
    public TokenManagerOptions getOptions() {
        return this.options;
    }

    /**
     * Returns the settings this manager was created with.
     * @return the settings
     */
    public TokenManagerSettings getSettings() {
        return this.settings;
    }

    /**
     * Returns what this manager knows about its token, without the token; never fetches one.
     * @return the status
     */
    @Override
    public TokenStatus status() {
        return this.tokens.status();
    }

    @Override
    public String getToken() {
        return this.tokens.get();
    }

    @Override
    public String refreshToken() {
        return this.tokens.refresh();
    }

    /**
     * {@inheritDoc}
     * <p>
     * Renews for a rejection at most once every 10 seconds: within that interval, a rejected
     * token that is still the current one is returned as it is, so a persistent 401 costs at most
     * one token request per interval.
     */
    @Override
    public String refreshToken(String rejectedToken) {
        return this.tokens.replace(rejectedToken);
    }

    @Override
    public void clearToken() {
        this.tokens.clear();
    }

    /**
     * Closes this manager: waits in progress and later calls fail with a
     * {@link io.github.twilioauth.TwilioAuthenticationException} and no token is requested any
     * more. A token request in flight ends with its current attempt. The executor and HTTP
     * client stay open: they are its settings' owner's, or the JVM-wide defaults. Idempotent.
     */
    @Override
    public void close() {
        this.tokens.close();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[options=" + this.options + "]";
    }
}
