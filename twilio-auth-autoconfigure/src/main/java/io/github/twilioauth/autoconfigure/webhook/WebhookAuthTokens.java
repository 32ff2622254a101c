package io.github.twilioauth.autoconfigure.webhook;

import io.github.twilioauth.autoconfigure.TwilioClientProperties;
import io.github.twilioauth.autoconfigure.TwilioConfigurationException;
import io.github.twilioauth.autoconfigure.TwilioProperties;
import io.github.twilioauth.webhook.InMemoryAuthTokenResolver;
import org.jspecify.annotations.Nullable;

import org.springframework.lang.Contract;

/**
 * Builds the built-in {@link InMemoryAuthTokenResolver} from the properties: the single client's
 * tokens as defaults, each tenant's under its account SID.
 */
final class WebhookAuthTokens {

    private WebhookAuthTokens() {
    }

    static InMemoryAuthTokenResolver resolver(TwilioProperties properties, TwilioWebhookProperties webhook) {
        InMemoryAuthTokenResolver.Builder builder = InMemoryAuthTokenResolver.builder()
            .defaultAuthTokens(primary(webhook.getAuthToken(), properties), webhook.getSecondaryAuthToken());
        properties.getTenants().forEach((name, tenant) -> {
            String primary = primary(tenant.getWebhook().getAuthToken(), tenant);
            String secondary = tenant.getWebhook().getSecondaryAuthToken();
            if (hasText(primary) || hasText(secondary)) {
                String accountSid = tenant.getAccountSid();
                if (!hasText(accountSid)) {
                    String prefix = "twilio.tenants." + name;
                    throw new TwilioConfigurationException(prefix + ".account-sid",
                            prefix + ".account-sid is required with a webhook Auth Token: webhooks are matched to a"
                                    + " tenant by the AccountSid they carry.",
                            "Set " + prefix + ".account-sid to the tenant's Account SID (AC...).");
                }
                builder.tenant(name, accountSid, primary, secondary);
            }
        });
        return builder.build();
    }

    /** The webhook Auth Token when set, else the client's Auth Token, which is its account's. */
    private static @Nullable String primary(@Nullable String webhookAuthToken, TwilioClientProperties client) {
        return hasText(webhookAuthToken) ? webhookAuthToken : client.getAuth().getAuthToken();
    }

    @Contract("null -> false")
    private static boolean hasText(@Nullable String value) {
        return value != null && !value.isBlank();
    }
}
