package io.github.twilioauth.token;

/**
 * Fetches, caches and renews organization-scoped access tokens for the Organizations APIs (the {@code orgs} auth type).
 * See {@link CachingTokenManager} for its guarantees.
 */
public final class OrgsTokenManager extends CachingTokenManager {

    /**
     * Creates a manager with the default settings and a thread and HTTP client of its own,
     * which {@link #close()} releases.
     * @param options the client credentials and token endpoint
     */
    public OrgsTokenManager(TokenManagerOptions options) {
        this(options, TokenManagerSettings.defaults());
    }

    /**
     * Creates a manager with the given settings.
     * @param options the client credentials and token endpoint
     * @param settings how tokens are fetched and renewed, and on which shared executor and
     * HTTP client, if any
     */
    public OrgsTokenManager(TokenManagerOptions options, TokenManagerSettings settings) {
        super("orgs", options, settings);
    }
}
