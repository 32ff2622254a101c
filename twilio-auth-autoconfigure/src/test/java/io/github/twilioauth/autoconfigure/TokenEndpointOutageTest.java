package io.github.twilioauth.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.twilioauth.TwilioAuthenticationException;
import io.github.twilioauth.client.Message;
import io.github.twilioauth.client.TwilioClient;
import io.github.twilioauth.test.MockTwilioServer;
import io.github.twilioauth.testsupport.MockTwilioOAuthApp;
import io.github.twilioauth.testsupport.TwilioAutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static io.github.twilioauth.testsupport.Failures.clearFailure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application with client credentials starts while the token endpoint is down; its first
 * call fails clearly, and calls succeed again once the endpoint recovers.
 */
class TokenEndpointOutageTest {

    static final String ACCOUNT_SID = "AC" + "b".repeat(32);

    static final String CLIENT_ID = "OQ" + "b".repeat(32);

    static final String CLIENT_SECRET = "outage-client-secret";

    @RegisterExtension
    static final MockTwilioOAuthApp app = new MockTwilioOAuthApp(ACCOUNT_SID, CLIENT_ID, CLIENT_SECRET);

    private final MockTwilioServer server = app.server();

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
            .withConfiguration(TwilioAutoConfigurations.client())
            .withPropertyValues("twilio.base-url=" + this.server.baseUrl(), "twilio.account-sid=" + ACCOUNT_SID,
                    "twilio.auth.client-id=" + CLIENT_ID, "twilio.auth.client-secret=" + CLIENT_SECRET,
                    "twilio.auth.retry.max-retries=1", "twilio.auth.retry.delay=10ms");
    }

    private static Message send(TwilioClient client) {
        return client.messages().create("+15558675310", "+15005550006", "during an outage");
    }

    @Test
    void startsWhileTheTokenEndpointFailsAndTheFirstCallFailsClearly() {
        this.server.failNextTokenRequests(100, 503);

        runner().run((context) -> {
            assertThat(context).hasNotFailed().hasSingleBean(TwilioClient.class);
            TwilioClient client = context.getBean(TwilioClient.class);

            TwilioAuthenticationException failure = clearFailure(TwilioAuthenticationException.class,
                    () -> send(client));

            assertThat(failure.statusCode()).isEqualTo(503);
            assertThat(failure.code()).isEqualTo(20503);
            assertThat(failure.getMessage()).contains(this.server.tokenUrl(), "HTTP 503");
            assertThat(this.server.requests()).isEmpty();
            assertThat(this.server.messages()).isEmpty();
        });
    }

    @Test
    void callsSucceedOnceTheTokenEndpointRecovers() {
        this.server.failNextTokenRequests(100, 503);

        runner().run((context) -> {
            TwilioClient client = context.getBean(TwilioClient.class);
            clearFailure(TwilioAuthenticationException.class, () -> send(client));

            this.server.reset();

            assertThat(send(client).sid()).startsWith("SM");
            assertThat(send(client).sid()).startsWith("SM");
            assertThat(this.server.messages()).hasSize(2);
            assertThat(this.server.tokenRequestCount()).isEqualTo(1);
        });
    }

    @Test
    void aFailedTokenRequestIsNotRememberedByTheNextCall() {
        this.server.failNextTokenRequests(4, 503);

        runner().run((context) -> {
            TwilioClient client = context.getBean(TwilioClient.class);

            clearFailure(TwilioAuthenticationException.class, () -> send(client));
            clearFailure(TwilioAuthenticationException.class, () -> send(client));

            assertThat(send(client).sid()).startsWith("SM");
            assertThat(this.server.tokenRequestCount()).isEqualTo(5);
        });
    }

    @Test
    void startsWhileTheTokenEndpointIsUnreachableAndTheFirstCallNamesIt() {
        String tokenUrl = MockTwilioServer.closedPortUrl() + "/v2/token";

        runner().withPropertyValues("twilio.auth.token-url=" + tokenUrl).run((context) -> {
            assertThat(context).hasNotFailed();
            TwilioClient client = context.getBean(TwilioClient.class);

            TwilioAuthenticationException failure = clearFailure(TwilioAuthenticationException.class,
                    () -> send(client));

            assertThat(failure.statusCode()).isZero();
            assertThat(failure.getMessage()).contains(tokenUrl);
            assertThat(this.server.requests()).isEmpty();
        });
    }
}
