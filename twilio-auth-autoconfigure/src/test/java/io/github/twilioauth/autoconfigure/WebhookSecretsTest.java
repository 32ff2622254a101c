package io.github.twilioauth.autoconfigure;

import org.junit.jupiter.api.Test;

import io.github.twilioauth.autoconfigure.webhook.TwilioWebhookProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook Auth Tokens are secrets like the others: masked in {@code toString()} and in
 * Actuator's endpoints.
 */
class WebhookSecretsTest {

    @Test
    void toStringMasksTheWebhookTokensOfTheClientAndOfEachTenant() {
        TwilioWebhookProperties webhook = new TwilioWebhookProperties();
        webhook.setAuthToken("webhook-token-value");
        webhook.setSecondaryAuthToken("secondary-token-value");
        TwilioProperties properties = new TwilioProperties();
        TwilioProperties.Tenant tenant = new TwilioProperties.Tenant();
        tenant.getWebhook().setAuthToken("tenant-token-value");
        properties.getTenants().put("acme", tenant);

        assertThat(webhook.toString()).contains("authToken=******, secondaryAuthToken=******")
            .doesNotContain("webhook-token-value", "secondary-token-value");
        assertThat(properties.toString()).contains("webhook=WebhookAuthTokens[authToken=******")
            .doesNotContain("tenant-token-value");
    }

    @Test
    void actuatorMasksTheWebhookTokensInEveryForm() {
        assertThat(TwilioSanitizingConfiguration.isTwilioSecret("twilio.webhook.auth-token")).isTrue();
        assertThat(TwilioSanitizingConfiguration.isTwilioSecret("twilio.webhook.secondaryAuthToken")).isTrue();
        assertThat(TwilioSanitizingConfiguration.isTwilioSecret("twilio.tenants.acme.webhook.secondary-auth-token"))
            .isTrue();
        assertThat(TwilioSanitizingConfiguration.isTwilioSecret("TWILIO_WEBHOOK_AUTH_TOKEN")).isTrue();
        assertThat(TwilioSanitizingConfiguration.isTwilioSecret("twilio.webhook.base-url")).isFalse();
    }
}
