package io.github.twilioauth.benchmarks;

import io.github.twilioauth.test.MockTwilioServer;
import io.github.twilioauth.token.ApiTokenManager;
import io.github.twilioauth.token.TokenManagerOptions;

/**
 * The Twilio stand-in every benchmark talks to: a started {@link MockTwilioServer} on loopback
 * with one account and its OAuth app, and token managers pointed at it.
 */
final class LocalTwilio {

    static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";

    static final String AUTH_TOKEN = "benchmark-auth-token";

    static final String CLIENT_ID = "OQbenchmark";

    static final String CLIENT_SECRET = "benchmark-client-secret";

    private LocalTwilio() {
    }

    /**
     * Starts a server that knows the account and its OAuth app.
     * @return the started server; close it when done
     */
    static MockTwilioServer start() {
        return new MockTwilioServer().account(ACCOUNT_SID, AUTH_TOKEN)
            .oauthApp(CLIENT_ID, CLIENT_SECRET, ACCOUNT_SID)
            .start();
    }

    /**
     * Returns token manager options for an OAuth app of the server.
     * @param twilio the started server
     * @param clientId the app's client id
     * @param clientSecret the app's client secret
     * @return a builder to adjust further
     */
    static TokenManagerOptions.Builder options(MockTwilioServer twilio, String clientId, String clientSecret) {
        return TokenManagerOptions.builder().clientId(clientId).clientSecret(clientSecret).tokenUrl(twilio.tokenUrl());
    }

    /**
     * Creates a token manager for the account's OAuth app, with no token fetched yet.
     * @param twilio the started server
     * @return a fresh manager
     */
    static ApiTokenManager tokenManager(MockTwilioServer twilio) {
        return new ApiTokenManager(options(twilio, CLIENT_ID, CLIENT_SECRET).build());
    }
}
