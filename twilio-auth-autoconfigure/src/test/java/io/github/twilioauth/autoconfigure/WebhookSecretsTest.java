package io.github.twilioauth.autoconfigure;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook Auth Tokens are secrets like the others: masked in {@code toString()} and in
 * Actuator's endpoints.
 */
class WebhookSecretsTest {

    @Test
    void toStringMasksTheWebhookTokensOfTheClientAndOfEachTenant() {
        TwilioProperties properties = new TwilioProperties();
        properties.getWebhook().setAuthToken("webhook-token-value");
        properties.getWebhook().setSecondaryAuthToken("secondary-token-value");
        TwilioClientProperties tenant = new TwilioClientProperties();
        tenant.getWebhook().setAuthToken("tenant-token-value");
        properties.getTenants().put("acme", tenant);

        assertThat(properties.toString()).contains("webhook=WebhookAuthTokenProperties[authToken=******")
            .doesNotContain("webhook-token-value", "secondary-token-value", "tenant-token-value");
    }

    @Test
    void actuatorMasksTheWebhookTokensInEveryForm() {
        assertThat(TwilioSanitizingAutoConfiguration.isTwilioSecret("twilio.webhook.auth-token")).isTrue();
        assertThat(TwilioSanitizingAutoConfiguration.isTwilioSecret("twilio.webhook.secondaryAuthToken")).isTrue();
        assertThat(TwilioSanitizingAutoConfiguration.isTwilioSecret("twilio.tenants.acme.webhook.secondary-auth-token"))
            .isTrue();
        assertThat(TwilioSanitizingAutoConfiguration.isTwilioSecret("TWILIO_WEBHOOK_AUTH_TOKEN")).isTrue();
        assertThat(TwilioSanitizingAutoConfiguration.isTwilioSecret("twilio.webhook.base-url")).isFalse();
    }
}
