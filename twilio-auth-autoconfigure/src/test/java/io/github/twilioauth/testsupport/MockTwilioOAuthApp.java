package io.github.twilioauth.testsupport;

import java.time.Duration;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.github.twilioauth.test.MockTwilioExtension;
import io.github.twilioauth.test.MockTwilioServer;
import io.github.twilioauth.token.TokenManagerOptions;

/**
 * The stand-in of a test class with one OAuth app of one account, for tests of what gets its
 * tokens (token managers, clients and applications with client credentials): a
 * {@link MockTwilioExtension} whose server, reset before each test, knows the app and issues its
 * tokens for one hour. Register it on a static field:
 * <pre class="code">
 * &#64;RegisterExtension
 * static final MockTwilioOAuthApp app = new MockTwilioOAuthApp(ACCOUNT_SID, CLIENT_ID, CLIENT_SECRET);
 * </pre>
 */
public final class MockTwilioOAuthApp implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    private final MockTwilioExtension twilio = new MockTwilioExtension();

    private final String accountSid;

    private final String clientId;

    private final String clientSecret;

    /**
     * Creates the extension.
     * @param accountSid the account the app's tokens are for
     * @param clientId the app's client id
     * @param clientSecret the app's client secret
     */
    public MockTwilioOAuthApp(String accountSid, String clientId, String clientSecret) {
        this.accountSid = accountSid;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        this.twilio.beforeAll(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        this.twilio.beforeEach(context);
        server().oauthApp(this.clientId, this.clientSecret, this.accountSid).tokenLifetime(Duration.ofHours(1));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        this.twilio.afterAll(context);
    }

    /**
     * Returns the server of the running test class.
     * @return the started server
     */
    public MockTwilioServer server() {
        return this.twilio.server();
    }

    /**
     * Returns options of a token manager that fetches the app's tokens from the stand-in.
     * @return a builder with the client id, the client secret and the token URL set
     */
    public TokenManagerOptions.Builder options() {
        return TokenManagerOptions.builder()
            .clientId(this.clientId)
            .clientSecret(this.clientSecret)
            .tokenUrl(server().tokenUrl());
    }
}
