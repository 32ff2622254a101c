package io.github.twilioauth.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.twilioauth.TwilioApiException;
import io.github.twilioauth.TwilioAuthenticationException;
import io.github.twilioauth.client.TwilioClient;
import io.github.twilioauth.test.MockTwilioExtension;
import io.github.twilioauth.test.MockTwilioServer;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The HTTP clients the auto-configuration builds on Apache HttpClient 5, whose automatic retries
 * would resend a POST answered 503 or 429: only the starter's own retries remain.
 */
class TwilioRequestFactoryTest {

    private static final String ACCOUNT_SID = "AC" + "6".repeat(32);

    private static final String CLIENT_ID = "OQ" + "6".repeat(32);

    @RegisterExtension
    static final MockTwilioExtension twilio = new MockTwilioExtension();

    private ApplicationContextRunner runner(MockTwilioServer server) {
        return new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(RestClientAutoConfiguration.class,
                    TwilioTokenAutoConfiguration.class, TwilioAutoConfiguration.class))
            .withBean(ClientHttpRequestFactoryBuilder.class, ClientHttpRequestFactoryBuilder::httpComponents)
            .withPropertyValues("twilio.base-url=" + server.baseUrl(), "twilio.account-sid=" + ACCOUNT_SID,
                    "twilio.auth.client-id=" + CLIENT_ID, "twilio.auth.client-secret=factory-secret",
                    "twilio.auth.max-attempts=2", "twilio.auth.backoff=1ms", "twilio.http.backoff=1ms");
    }

    @Test
    void postAnswered503IsSentOnce() {
        MockTwilioServer server = twilio.server().oauthApp(CLIENT_ID, "factory-secret", ACCOUNT_SID);
        runner(server).run((context) -> {
            assertThat(context.getBean(TwilioAutoConfiguration.REQUEST_FACTORY_BEAN_NAME))
                .isInstanceOf(HttpComponentsClientHttpRequestFactory.class);
            TwilioClient client = context.getBean(TwilioClient.class);
            client.messages().list().findFirst();
            server.reset();
            server.failNextApiRequests(1, 503);

            assertThatExceptionOfType(TwilioApiException.class)
                .isThrownBy(() -> client.messages().create("+15558675310", "+15005550006", "once"))
                .satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(503));
            assertThat(server.requests()).hasSize(1);
            assertThat(server.messages()).isEmpty();
        });
    }

    @Test
    void getAnswered503IsRetriedByTheStarterOnly() {
        MockTwilioServer server = twilio.server().oauthApp(CLIENT_ID, "factory-secret", ACCOUNT_SID);
        runner(server).run((context) -> {
            TwilioClient client = context.getBean(TwilioClient.class);
            server.failNextApiRequests(2, 503);

            assertThat(client.request(HttpMethod.GET, "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json")
                .statusCode()).isEqualTo(200);
            assertThat(server.requests()).hasSize(3);
        });
    }

    @Test
    void tokenRequestAnswered503IsMadeAsOftenAsMaxAttemptsSays() {
        MockTwilioServer server = twilio.server().oauthApp(CLIENT_ID, "factory-secret", ACCOUNT_SID);
        runner(server).run((context) -> {
            server.failNextTokenRequests(5, 503);

            assertThatExceptionOfType(TwilioAuthenticationException.class)
                .isThrownBy(() -> context.getBean(TwilioClient.class).messages().list().findFirst());
            assertThat(server.tokenRequestCount()).isEqualTo(2);
        });
    }
}
