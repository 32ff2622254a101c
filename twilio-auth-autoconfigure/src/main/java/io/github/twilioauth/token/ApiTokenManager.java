package io.github.twilioauth.token;

/**
 * Fetches, caches and renews API access tokens of a Twilio OAuth app (the {@code client-credentials} auth type).
 * See {@link CachingTokenManager} for its guarantees.
 */
public final class ApiTokenManager extends CachingTokenManager {

    /**
     * Creates a manager with the default settings: its token requests run on the JVM-wide
     * default executor and HTTP client (see {@link TokenManagerSettings}), so it costs no
     * thread or HTTP client of its own.
     * @param options the client credentials and token endpoint
     */
    public ApiTokenManager(TokenManagerOptions options) {
        this(options, TokenManagerSettings.defaults());
    }

    /**
     * Creates a manager with the given settings.
     * @param options the client credentials and token endpoint
     * @param settings how tokens are fetched and renewed, and on which executor and HTTP client
     * (the JVM-wide defaults for those it does not give)
     */
    public ApiTokenManager(TokenManagerOptions options, TokenManagerSettings settings) {
        super("api", options, settings);
    }
}
