package io.github.twilioauth.token;

/**
 * Fetches, caches and renews API access tokens of a Twilio OAuth app (the {@code client-credentials} auth type).
 * See {@link CachingTokenManager} for its guarantees.
 */
public final class ApiTokenManager extends CachingTokenManager {

    /**
     * Creates a manager with the default settings and a thread and HTTP client of its own,
     * which {@link #close()} releases.
     * @param options the client credentials and token endpoint
     */
    public ApiTokenManager(TokenManagerOptions options) {
        this(options, TokenManagerSettings.defaults());
    }

    /**
     * Creates a manager with the given settings.
     * @param options the client credentials and token endpoint
     * @param settings how tokens are fetched and renewed, and on which shared executor and
     * HTTP client, if any
     */
    public ApiTokenManager(TokenManagerOptions options, TokenManagerSettings settings) {
        super("api", options, settings);
    }
}
