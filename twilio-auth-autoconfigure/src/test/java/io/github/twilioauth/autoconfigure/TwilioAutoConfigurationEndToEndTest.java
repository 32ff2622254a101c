package io.github.twilioauth.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.twilioauth.TwilioApiException;
import io.github.twilioauth.client.TwilioClient;
import io.github.twilioauth.test.MockTwilioExtension;
import io.github.twilioauth.test.MockTwilioServer;
import io.github.twilioauth.test.RecordedRequest;
import io.github.twilioauth.testsupport.TwilioAutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The README's configuration of each auth type, sending a message through the injected
 * {@link TwilioClient} to the local stand-in.
 */
class TwilioAutoConfigurationEndToEndTest {

    static final String ACCOUNT_SID = "AC" + "6".repeat(32);

    @RegisterExtension
    static final MockTwilioExtension twilio = new MockTwilioExtension();

    private ApplicationContextRunner runner(MockTwilioServer server) {
        return new ApplicationContextRunner()
            .withConfiguration(TwilioAutoConfigurations.client())
            .withPropertyValues("twilio.base-url=" + server.baseUrl());
    }

    private static RecordedRequest sendOne(TwilioClient client, MockTwilioServer server) {
        client.messages().create("+15558675310", "+15005550006", "end to end");
        assertThat(server.messages()).hasSize(1);
        return server.requests().get(0);
    }

    @Test
    void basicWithAuthToken() {
        MockTwilioServer server = twilio.server().account(ACCOUNT_SID, "readme-auth-token");
        runner(server).withPropertyValues("twilio.account-sid=" + ACCOUNT_SID,
                "twilio.auth.auth-token=readme-auth-token")
            .run((context) -> assertThat(sendOne(context.getBean(TwilioClient.class), server).authScheme())
                .isEqualTo("Basic"));
    }

    @Test
    void basicWithApiKey() {
        MockTwilioServer server = twilio.server().apiKey("SK" + "7".repeat(32), "readme-api-secret", ACCOUNT_SID);
        runner(server)
            .withPropertyValues("twilio.account-sid=" + ACCOUNT_SID, "twilio.auth.api-key=SK" + "7".repeat(32),
                    "twilio.auth.api-secret=readme-api-secret")
            .run((context) -> assertThat(sendOne(context.getBean(TwilioClient.class), server).principal())
                .isEqualTo("SK" + "7".repeat(32)));
    }

    @Test
    void clientCredentialsFetchTokensFromTheBaseUrlsTokenEndpoint() {
        MockTwilioServer server = twilio.server().oauthApp("OQ" + "8".repeat(32), "readme-client-secret", ACCOUNT_SID);
        runner(server)
            .withPropertyValues("twilio.account-sid=" + ACCOUNT_SID, "twilio.auth.type=client-credentials",
                    "twilio.auth.client-id=OQ" + "8".repeat(32), "twilio.auth.client-secret=readme-client-secret")
            .run((context) -> {
                assertThat(sendOne(context.getBean(TwilioClient.class), server).authScheme()).isEqualTo("Bearer");
                assertThat(server.tokenRequestCount()).isEqualTo(1);
            });
    }

    @Test
    void orgsCallTheOrganizationsApiWithAnOrganizationToken() {
        String orgSid = "OR" + "9".repeat(32);
        MockTwilioServer server = twilio.server().organization(orgSid, "readme-org-client", "readme-org-secret",
                ACCOUNT_SID);
        runner(server)
            .withPropertyValues("twilio.auth.type=orgs", "twilio.auth.client-id=readme-org-client",
                    "twilio.auth.client-secret=readme-org-secret")
            .run((context) -> {
                context.getBean(TwilioClient.class)
                    .request(HttpMethod.GET, "https://preview-iam.twilio.com/Organizations/" + orgSid + "/Accounts");
                assertThat(server.requests()).singleElement()
                    .satisfies((request) -> assertThat(request.principal()).isEqualTo(orgSid));
            });
    }

    @Test
    void noauthSendsNoCredentials() {
        MockTwilioServer server = twilio.server();
        runner(server).withPropertyValues("twilio.auth.type=noauth", "twilio.account-sid=" + ACCOUNT_SID)
            .run((context) -> {
                assertThatExceptionOfType(TwilioApiException.class)
                    .isThrownBy(() -> context.getBean(TwilioClient.class).messages().list().findFirst())
                    .satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(401));
                assertThat(server.requests()).singleElement()
                    .satisfies((request) -> assertThat(request.authScheme()).isNull());
            });
    }
}
