package io.github.twilioauth.token;

import org.springframework.web.client.RestClient;

/**
 * Fetches, caches and renews API access tokens of a Twilio OAuth app (the {@code client-credentials} auth type).
 * See {@link CachingTokenManager} for its guarantees.
 */
public final class ApiTokenManager extends CachingTokenManager {

    /**
     * Creates a manager with its own HTTP client, using the options' timeouts.
     * @param options the client credentials and token settings
     */
    public ApiTokenManager(TokenManagerOptions options) {
        this(options, null);
    }

    /**
     * Creates a manager that posts to the token endpoint through the given client.
     * @param options the client credentials and token settings
     * @param restClient the client for token requests, or {@code null} for one of its own
     */
    public ApiTokenManager(TokenManagerOptions options, RestClient restClient) {
        super("api", options, restClient);
    }
}
