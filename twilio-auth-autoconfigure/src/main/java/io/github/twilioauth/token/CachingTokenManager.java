package io.github.twilioauth.token;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;

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
 * with its interrupt flag set. See {@link AccessToken} for how long a token is used. Managers
 * share nothing but what their settings give them to share: each has its own cache and never
 * waits for another.
 * <p>
 * {@link #close()} fails any wait in progress and every later call, and closes the executor and
 * HTTP client the manager created for itself; it never closes an executor or HTTP client of its
 * settings.
 */
public abstract sealed class CachingTokenManager implements TokenManager, AutoCloseable
        permits ApiTokenManager, OrgsTokenManager {

    private final TokenManagerOptions options;

    private final TokenManagerSettings settings;

    private final TokenEndpointClient endpoint;

    private final TokenCache tokens;

    /** The executor this manager created for itself, or {@code null} when its settings gave one. */
    private final @Nullable ExecutorService ownExecutor;

    CachingTokenManager(String kind, TokenManagerOptions options, TokenManagerSettings settings) {
        this.options = requireCredentials(options);
        if (settings == null) {
            throw new IllegalArgumentException("TokenManagerSettings must not be null");
        }
        this.settings = settings;
        Executor executor = settings.executor();
        if (executor != null) {
            this.ownExecutor = null;
        }
        else {
            ExecutorService own = TokenExecutors.create(1);
            this.ownExecutor = own;
            executor = own;
        }
        this.endpoint = new TokenEndpointClient(options, settings);
        this.tokens = new TokenCache(kind, kind + " client " + options.clientId(), this.endpoint::fetch, options,
                settings, executor);
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
     * {@link io.github.twilioauth.TwilioAuthenticationException}, no token is requested any
     * more, and the executor and HTTP client it created for itself, if any, stop (the JDK's HTTP
     * client can be closed from Java 21 on; on Java 17 it ends once unreachable). Idempotent.
     */
    @Override
    public void close() {
        this.tokens.close();
        if (this.ownExecutor != null) {
            this.ownExecutor.shutdownNow();
        }
        this.endpoint.close();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[options=" + this.options + "]";
    }
}
