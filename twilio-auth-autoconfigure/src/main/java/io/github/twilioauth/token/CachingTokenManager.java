package io.github.twilioauth.token;

import org.springframework.web.client.RestClient;

/**
 * Base of the built-in token managers: fetches tokens with the client credentials grant,
 * caches and renews them.
 * <p>
 * Thread-safe. {@link #getToken()} returns the cached token without locking; once a token has
 * used its refresh-ahead fraction of its usable life, one caller starts a renewal in the
 * background and every caller keeps the current token meanwhile. Callers wait only when no
 * usable token exists, and then share one token request. A token is usable until 30 seconds
 * before the earliest of its JWT {@code exp} claim, {@code expires_in} and the cache TTL.
 * Managers share nothing: each has its own cache and never waits for another.
 */
public abstract sealed class CachingTokenManager implements TokenManager permits ApiTokenManager, OrgsTokenManager {

    private final TokenManagerOptions options;

    private final TokenCache tokens;

    CachingTokenManager(String kind, TokenManagerOptions options, RestClient restClient) {
        this.options = requireCredentials(options);
        TokenEndpointClient endpoint = new TokenEndpointClient(options, restClient);
        this.tokens = new TokenCache(kind, kind + " client " + options.clientId(), endpoint::fetch, options);
    }

    private static TokenManagerOptions requireCredentials(TokenManagerOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("TokenManagerOptions must not be null");
        }
        requireText(options.clientId(), "clientId");
        requireText(options.clientSecret(), "clientSecret");
        return options;
    }

    private static void requireText(String value, String field) {
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
     * Returns what this manager knows about its token, without the token; never fetches one.
     * @return the status
     */
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

    @Override
    public String refreshToken(String rejectedToken) {
        return this.tokens.replace(rejectedToken);
    }

    @Override
    public void clearToken() {
        this.tokens.clear();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[options=" + this.options + "]";
    }
}
