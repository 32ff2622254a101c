package io.github.twilioauth.test;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link MockTwilioInitializer} and the Auth Token that signs an account's status callbacks.
 */
class MockTwilioInitializerWebhookTest {

    private static final String ACCOUNT_SID = "AC00000000000000000000000000000001";

    @Test
    void theWebhookTokenOfAnOAuthApplicationIsTheAccountsAuthToken() {
        MockTwilioServer server = serverFor(Map.of("twilio.account-sid", ACCOUNT_SID, "twilio.auth.client-id",
                "OQ00000000000000000000000000000001", "twilio.auth.client-secret", "secret",
                "twilio.webhook.auth-token", "webhook-token"));

        assertThat(server.authToken(ACCOUNT_SID)).isEqualTo("webhook-token");
    }

    @Test
    void theAuthTokenWinsOverTheWebhookToken() {
        MockTwilioServer server = serverFor(Map.of("twilio.account-sid", ACCOUNT_SID, "twilio.auth.auth-token",
                "api-token", "twilio.webhook.auth-token", "webhook-token"));

        assertThat(server.authToken(ACCOUNT_SID)).isEqualTo("api-token");
    }

    private static MockTwilioServer serverFor(Map<String, Object> properties) {
        GenericApplicationContext context = new GenericApplicationContext();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", properties));
        new MockTwilioInitializer().initialize(context);
        MockTwilioServer server = context.getBeanFactory().getBean(MockTwilioServer.class);
        server.close();
        return server;
    }
}
