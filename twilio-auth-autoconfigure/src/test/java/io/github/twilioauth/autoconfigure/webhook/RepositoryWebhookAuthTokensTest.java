package io.github.twilioauth.autoconfigure.webhook;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.twilioauth.client.TwilioTenant;
import io.github.twilioauth.client.TwilioTenantRepository;
import io.github.twilioauth.credential.NoAuthCredentialProvider;
import io.github.twilioauth.test.webhook.TwilioWebhookSigner;
import io.github.twilioauth.webhook.InMemoryAuthTokenResolver;
import io.github.twilioauth.webhook.RepositoryAuthTokenResolver;
import io.github.twilioauth.webhook.TwilioWebhookAuthTokenResolver;
import io.github.twilioauth.webhook.TwilioWebhookRequest;
import io.github.twilioauth.webhook.TwilioWebhookValidator;
import io.github.twilioauth.webhook.TwilioWebhookVerdict;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built-in webhook Auth Token resolver of an application with a
 * {@link TwilioTenantRepository} bean: the configured tokens first, then the repository's.
 */
class RepositoryWebhookAuthTokensTest {

    private static final String URL = "https://hooks.example.com/sms";

    private static final String SUBACCOUNT = "AC" + "5".repeat(32);

    private static final String CONFIGURED = "AC" + "6".repeat(32);

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(TwilioWebhookAutoConfiguration.class));

    private static final TwilioTenantRepository REPOSITORY = new TwilioTenantRepository() {
        @Override
        public TwilioTenant findByName(String name) {
            return null;
        }

        @Override
        public TwilioTenant findByAccountSid(String accountSid) {
            return SUBACCOUNT.equals(accountSid) ? TwilioTenant.builder()
                .accountSid(accountSid)
                .credentials(new NoAuthCredentialProvider())
                .webhookAuthTokens("subaccount-token")
                .build() : null;
        }
    };

    private static TwilioWebhookRequest signed(String accountSid, String authToken) {
        Map<String, List<String>> form = Map.of("AccountSid", List.of(accountSid));
        return TwilioWebhookRequest.form("POST", URL, TwilioWebhookSigner.signature(authToken, URL, form), form);
    }

    @Test
    void withARepositoryTheValidatorChecksConfiguredAndRepositoryAccountsWithTheirOwnTokens() {
        this.runner.withBean(TwilioTenantRepository.class, () -> REPOSITORY)
            .withPropertyValues("twilio.tenants.configured.account-sid=" + CONFIGURED,
                    "twilio.tenants.configured.webhook.auth-token=configured-token")
            .run((context) -> {
                assertThat(context).getBean(TwilioWebhookAuthTokenResolver.class)
                    .isInstanceOf(RepositoryAuthTokenResolver.class);
                TwilioWebhookValidator validator = context.getBean(TwilioWebhookValidator.class);
                assertThat(validator.validate(signed(SUBACCOUNT, "subaccount-token")))
                    .isEqualTo(TwilioWebhookVerdict.ACCEPTED);
                assertThat(validator.validate(signed(CONFIGURED, "configured-token")))
                    .isEqualTo(TwilioWebhookVerdict.ACCEPTED);
                assertThat(validator.validate(signed(CONFIGURED, "subaccount-token")))
                    .isEqualTo(TwilioWebhookVerdict.INVALID_SIGNATURE);
            });
    }

    @Test
    void withoutARepositoryTheResolverHoldsTheConfiguredTokensOnly() {
        this.runner.withPropertyValues("twilio.webhook.auth-token=token")
            .run((context) -> assertThat(context).getBean(TwilioWebhookAuthTokenResolver.class)
                .isInstanceOf(InMemoryAuthTokenResolver.class));
    }
}
