package io.github.twilioauth.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.twilioauth.TwilioUserAgent;
import io.github.twilioauth.client.TwilioClient;
import io.github.twilioauth.test.MockTwilioServer;
import io.github.twilioauth.test.RecordedRequest;
import io.github.twilioauth.test.TokenRequest;
import io.github.twilioauth.test.TokenRequest;
import io.github.twilioauth.testsupport.MockTwilioOAuthApp;
import io.github.twilioauth.testsupport.TwilioAutoConfigurations;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the auto-configured client identifies itself to Twilio: the {@code User-Agent} of API
 * calls and token requests, and the Twilio host a call on the base URL stands for.
 */
class TwilioClientIdentityTest {

    private static final String ACCOUNT_SID = "AC00000000000000000000000000000001";

    private static final String CLIENT_ID = "OQ00000000000000000000000000000001";

    private static final String CLIENT_SECRET = "identity-secret-Qx7v";

    private static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";

    @RegisterExtension
    static final MockTwilioOAuthApp app = new MockTwilioOAuthApp(ACCOUNT_SID, CLIENT_ID, CLIENT_SECRET);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(TwilioAutoConfigurations.client());

    /** The build passes the project's version; the library reads its own from its jar's resources. */
    private static final String EXPECTED = "twilio-auth-spring-boot/" + System.getProperty("project.version") + " ("
            + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ") java/"
            + System.getProperty("java.version") + " spring-boot/" + SpringBootVersion.getVersion();

    /** The single client with OAuth client credentials, its base URL on the stand-in. */
    private ApplicationContextRunner oauthOnTheBaseUrl(MockTwilioServer server) {
        return this.runner.withPropertyValues("twilio.account-sid=" + ACCOUNT_SID,
                "twilio.base-url=" + server.baseUrl(), "twilio.auth.type=client-credentials",
                "twilio.auth.client-id=" + CLIENT_ID,
                "twilio.auth.client-secret=" + CLIENT_SECRET);
    }

    private static void sendOneMessage(ApplicationContextRunner runner) {
        runner.run((context) -> context.getBean(TwilioClient.class)
            .messages()
            .create("+15558675310", "+15005550006", "Hello"));
    }

    @Test
    void apiCallsAndTokenRequestsCarryTheUserAgentWithTheVersionsOfLibraryJavaAndBoot() {
        MockTwilioServer server = app.server();
        sendOneMessage(oauthOnTheBaseUrl(server));
        assertThat(server.requests()).extracting(RecordedRequest::userAgent).containsExactly(EXPECTED);
        assertThat(server.tokenRequests()).extracting(TokenRequest::userAgent).containsExactly(EXPECTED);
        assertThat(EXPECTED).doesNotContain(CLIENT_SECRET, CLIENT_ID, ACCOUNT_SID, server.issuedTokens().get(0));
    }

    @Test
    void apiCallsOnTheBaseUrlNameTheTwilioHostTheyStandFor() {
        MockTwilioServer server = app.server();
        sendOneMessage(oauthOnTheBaseUrl(server));
        assertThat(server.requests()).extracting(RecordedRequest::forwardedHost).containsExactly("api.twilio.com");
        assertThat(server.tokenRequests()).extracting(TokenRequest::forwardedHost).containsExactly("oauth.twilio.com");
    }

    @Test
    void tokenRequestsToAnExplicitTokenUrlNameNoHost() {
        MockTwilioServer server = app.server();
        sendOneMessage(oauthOnTheBaseUrl(server).withPropertyValues("twilio.auth.token-url=" + server.tokenUrl()));
        assertThat(server.tokenRequests()).extracting(TokenRequest::forwardedHost).containsExactly((String) null);
    }

    @Test
    void outsideSpringBootTheUserAgentLeavesBootOut() {
        assertThat(TwilioUserAgent.of(null)).isEqualTo(EXPECTED.substring(0, EXPECTED.indexOf(" spring-boot/")));
    }

    @Test
    void anAbsoluteUriOnTheBaseUrlIsCalledWithTheClientsCredentials() {
        MockTwilioServer server = app.server();
        oauthOnTheBaseUrl(server).run((context) -> assertThat(context.getBean(TwilioClient.class)
            .request(HttpMethod.GET, server.baseUrl() + MESSAGES + "?PageSize=2")
            .statusCode()).isEqualTo(200));
        assertThat(server.requests()).singleElement().satisfies((request) -> {
            assertThat(request.path()).isEqualTo(MESSAGES);
            assertThat(request.query()).isEqualTo("PageSize=2");
            assertThat(request.authScheme()).isEqualTo("Bearer");
        });
    }
}
