package io.github.twilioauth.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.twilioauth.TwilioAuthenticationException;
import io.github.twilioauth.client.TwilioClient;
import io.github.twilioauth.client.TwilioClients;
import io.github.twilioauth.credential.BasicCredentialProviderBuilder;
import io.github.twilioauth.test.MockTwilioExtension;
import io.github.twilioauth.test.MockTwilioServer;
import io.github.twilioauth.test.RecordedRequest;
import io.github.twilioauth.test.TokenRequest;
import io.github.twilioauth.testsupport.TwilioAutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Three tenants of different auth types, configured in {@code twilio.tenants}, against one local
 * Twilio stand-in.
 */
class TwilioClientsIntegrationTest {

    private static final String BASIC_ACCOUNT = "AC" + "1".repeat(32);

    private static final String OAUTH_ACCOUNT = "AC" + "2".repeat(32);

    private static final String ORG_ACCOUNT = "AC" + "3".repeat(32);

    private static final String BROKEN_ACCOUNT = "AC" + "4".repeat(32);

    private static final String ORG_SID = "OR" + "5".repeat(32);

    private static final String OAUTH_CLIENT = "OQ" + "2".repeat(32);

    private static final String ORG_CLIENT = "org-client";

    private static final String BROKEN_CLIENT = "OQ" + "4".repeat(32);

    @RegisterExtension
    static final MockTwilioExtension twilio = new MockTwilioExtension();

    private static MockTwilioServer server() {
        return twilio.server()
            .account(BASIC_ACCOUNT, "basic-token")
            .oauthApp(OAUTH_CLIENT, "oauth-secret", OAUTH_ACCOUNT)
            .organization(ORG_SID, ORG_CLIENT, "org-secret", ORG_ACCOUNT)
            .oauthApp(BROKEN_CLIENT, "the-registered-secret", BROKEN_ACCOUNT);
    }

    private static ApplicationContextRunner runner(MockTwilioServer server) {
        String url = server.baseUrl();
        return new ApplicationContextRunner()
            .withConfiguration(TwilioAutoConfigurations.client())
            .withPropertyValues("twilio.tenants.basic.base-url=" + url,
                    "twilio.tenants.basic.account-sid=" + BASIC_ACCOUNT,
                    "twilio.tenants.basic.auth.auth-token=basic-token", "twilio.tenants.oauth.base-url=" + url,
                    "twilio.tenants.oauth.account-sid=" + OAUTH_ACCOUNT,
                    "twilio.tenants.oauth.auth.client-id=" + OAUTH_CLIENT,
                    "twilio.tenants.oauth.auth.client-secret=oauth-secret", "twilio.tenants.org.base-url=" + url,
                    "twilio.tenants.org.account-sid=" + ORG_ACCOUNT, "twilio.tenants.org.auth.type=orgs",
                    "twilio.tenants.org.auth.client-id=" + ORG_CLIENT,
                    "twilio.tenants.org.auth.client-secret=org-secret");
    }

    private static void send(TwilioClients clients, String tenant) {
        clients.get(tenant).messages().create("+15558675310", "+15005550006", "from " + tenant);
    }

    @Test
    void eachTenantCallsWithItsOwnCredentials() {
        MockTwilioServer server = server();
        runner(server).run((context) -> {
            TwilioClients clients = context.getBean(TwilioClients.class);
            send(clients, "basic");
            send(clients, "oauth");
            send(clients, "org");
            assertThat(server.requests()).extracting(RecordedRequest::authScheme, RecordedRequest::principal)
                .containsExactly(tuple("Basic", BASIC_ACCOUNT), tuple("Bearer", OAUTH_ACCOUNT),
                        tuple("Bearer", ORG_SID));
            assertThat(server.messages()).extracting((message) -> message.accountSid())
                .containsExactly(BASIC_ACCOUNT, OAUTH_ACCOUNT, ORG_ACCOUNT);
        });
    }

    @Test
    void eachOAuthTenantFetchesAndKeepsItsOwnToken() {
        MockTwilioServer server = server();
        runner(server).run((context) -> {
            TwilioClients clients = context.getBean(TwilioClients.class);
            send(clients, "oauth");
            send(clients, "org");
            send(clients, "oauth");
            send(clients, "org");
            assertThat(server.tokenRequests()).extracting(TokenRequest::clientId)
                .containsExactly(OAUTH_CLIENT, ORG_CLIENT);
        });
    }

    @Test
    void tenantWhoseTokenRequestsFailLeavesTheOthersWorking() {
        MockTwilioServer server = server();
        runner(server)
            .withPropertyValues("twilio.tenants.broken.base-url=" + server.baseUrl(),
                    "twilio.tenants.broken.account-sid=" + BROKEN_ACCOUNT,
                    "twilio.tenants.broken.auth.client-id=" + BROKEN_CLIENT,
                    "twilio.tenants.broken.auth.client-secret=not-the-registered-secret")
            .run((context) -> {
                TwilioClients clients = context.getBean(TwilioClients.class);
                send(clients, "oauth");
                assertThatExceptionOfType(TwilioAuthenticationException.class).isThrownBy(() -> send(clients,
                        "broken"));
                send(clients, "basic");
                send(clients, "oauth");
                send(clients, "org");
                assertThat(server.messages()).extracting((message) -> message.accountSid())
                    .containsExactly(OAUTH_ACCOUNT, BASIC_ACCOUNT, OAUTH_ACCOUNT, ORG_ACCOUNT);
                assertThat(server.tokenRequests()).extracting(TokenRequest::clientId)
                    .containsExactly(OAUTH_CLIENT, BROKEN_CLIENT, ORG_CLIENT);
            });
    }

    @Test
    void tenantRegisteredAtRunTimeCallsTheConfiguredBaseUrlWithItsCredentials() {
        String lateAccount = "AC" + "6".repeat(32);
        MockTwilioServer server = server().account(lateAccount, "late-token");
        runner(server).withPropertyValues("twilio.base-url=" + server.baseUrl()).run((context) -> {
            TwilioClients clients = context.getBean(TwilioClients.class);
            TwilioClient late = clients.register("late",
                    new BasicCredentialProviderBuilder().setUsername(lateAccount).setPassword("late-token").build());
            late.messages().create("+15558675310", "+15005550006", "from late");
            assertThat(clients.tenants()).containsExactly("basic", "late", "oauth", "org");
            assertThat(server.requests()).singleElement()
                .satisfies((request) -> assertThat(request.principal()).isEqualTo(lateAccount));
        });
    }
}
