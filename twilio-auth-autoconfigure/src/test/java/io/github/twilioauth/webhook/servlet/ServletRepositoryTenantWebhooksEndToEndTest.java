package io.github.twilioauth.webhook.servlet;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.twilioauth.client.TwilioTenant;
import io.github.twilioauth.client.TwilioTenantRepository;
import io.github.twilioauth.credential.BasicCredentialProviderBuilder;
import io.github.twilioauth.test.webhook.TwilioWebhookTestClient;
import io.github.twilioauth.webhook.TwilioWebhook;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring MVC on Tomcat over real HTTP, with tenants from a {@link TwilioTenantRepository} and no
 * Auth Token configured: the webhook of each of two subaccounts is checked with that
 * subaccount's own Auth Token, found through {@code findByAccountSid}; a webhook signed with the
 * other subaccount's token, or for an account the repository does not know, is refused.
 */
@SpringBootTest(classes = ServletRepositoryTenantWebhooksEndToEndTest.App.class,
        webEnvironment = WebEnvironment.RANDOM_PORT)
class ServletRepositoryTenantWebhooksEndToEndTest {

    private static final String FIRST = "AC111111111111111111111111111111e1";

    private static final String SECOND = "AC222222222222222222222222222222e2";

    private static final String UNKNOWN = "AC333333333333333333333333333333e3";

    @LocalServerPort
    private int port;

    @Autowired
    private App app;

    private WebTestClient client;

    @BeforeEach
    void connect() {
        this.client = WebTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
        this.app.handled.clear();
        this.app.lookups.clear();
    }

    @Test
    void eachSubaccountsWebhookIsCheckedWithItsOwnAuthToken() {
        sms(FIRST, "first-subaccount-token").expectStatus().isOk();
        sms(SECOND, "second-subaccount-token").expectStatus().isOk();

        assertThat(this.app.handled).containsExactly(FIRST, SECOND);
    }

    @Test
    void aWebhookSignedWithAnotherSubaccountsTokenIsRefused() {
        sms(FIRST, "second-subaccount-token").expectStatus().isForbidden();
        sms(SECOND, "first-subaccount-token").expectStatus().isForbidden();

        assertThat(this.app.handled).isEmpty();
    }

    @Test
    void aWebhookOfAnAccountTheRepositoryDoesNotKnowIsRefusedAndItsMissRemembered() {
        sms(UNKNOWN, "any-token").expectStatus().isForbidden();
        sms(UNKNOWN, "any-token").expectStatus().isForbidden();

        assertThat(this.app.handled).isEmpty();
        assertThat(this.app.lookups).containsExactly(UNKNOWN);
    }

    private WebTestClient.ResponseSpec sms(String accountSid, String signingToken) {
        return TwilioWebhookTestClient.of(this.client, signingToken)
            .postForm("http://localhost:" + this.port + "/hooks/sms", "AccountSid", accountSid, "MessageSid",
                    "SM" + "0".repeat(32), "From", "+15558675310", "To", "+15005550006", "Body", "Hi")
            .exchange();
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Hooks.class)
    static class App {

        final List<String> handled = new CopyOnWriteArrayList<>();

        final List<String> lookups = new CopyOnWriteArrayList<>();

        @Bean
        TwilioTenantRepository tenants() {
            return new TwilioTenantRepository() {
                @Override
                public TwilioTenant findByName(String name) {
                    return null;
                }

                @Override
                public TwilioTenant findByAccountSid(String accountSid) {
                    App.this.lookups.add(accountSid);
                    return switch (accountSid) {
                        case FIRST -> tenant(FIRST, "first-subaccount-token");
                        case SECOND -> tenant(SECOND, "second-subaccount-token");
                        default -> null;
                    };
                }
            };
        }

        private static TwilioTenant tenant(String accountSid, String authToken) {
            return TwilioTenant.builder()
                .accountSid(accountSid)
                .credentials(new BasicCredentialProviderBuilder().setUsername(accountSid)
                    .setPassword(authToken)
                    .build())
                .webhookAuthTokens(authToken)
                .build();
        }

    }

    @TwilioWebhook
    @RestController
    static class Hooks {

        private final App app;

        Hooks(App app) {
            this.app = app;
        }

        @PostMapping("/hooks/sms")
        void sms(@RequestParam("AccountSid") String accountSid) {
            this.app.handled.add(accountSid);
        }

    }

}
