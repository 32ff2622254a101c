package io.github.twilioauth.token;

import org.springframework.web.client.RestClient;

/**
 * Fetches, caches and renews organization-scoped access tokens for the Organizations APIs (the {@code orgs} auth type).
 * See {@link CachingTokenManager} for its guarantees.
 */
public final class OrgsTokenManager extends CachingTokenManager {

    /**
     * Creates a manager with its own HTTP client, using the options' timeouts.
     * @param options the client credentials and token settings
     */
    public OrgsTokenManager(TokenManagerOptions options) {
        this(options, null);
    }

    /**
     * Creates a manager that posts to the token endpoint through the given client.
     * @param options the client credentials and token settings
     * @param restClient the client for token requests, or {@code null} for one of its own
     */
    public OrgsTokenManager(TokenManagerOptions options, RestClient restClient) {
        super("orgs", options, restClient);
    }
}
