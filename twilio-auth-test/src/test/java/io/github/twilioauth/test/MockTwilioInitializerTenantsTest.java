package io.github.twilioauth.test;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link MockTwilioInitializer} and the tenants of {@code twilio.tenants}: each is pointed at the
 * server, and its credentials are registered with it, as the single client's are.
 */
class MockTwilioInitializerTenantsTest {

    private static final String ACME_ACCOUNT = "AC" + "a".repeat(32);

    private static final String GLOBEX_ACCOUNT = "AC" + "b".repeat(32);

    private final TwilioHttp http = new TwilioHttp();

    @Test
    void pointsTheSingleClientAndEveryTenantAtTheServer() {
        try (GenericApplicationContext context = refreshed(Map.of("twilio.tenants.acme.account-sid", ACME_ACCOUNT,
                "twilio.tenants.acme.auth.auth-token", "acme-token", "twilio.tenants.globex.base-url",
                "https://api.twilio.com", "twilio.tenants.globex.auth.type", "noauth"))) {
            MockTwilioServer server = context.getBean(MockTwilioServer.class);

            assertThat(context.getEnvironment().getProperty("twilio.base-url")).isEqualTo(server.baseUrl());
            assertThat(context.getEnvironment().getProperty("twilio.auth.token-url")).isEqualTo(server.tokenUrl());
            assertThat(context.getEnvironment().getProperty("twilio.tenants.acme.base-url"))
                .isEqualTo(server.baseUrl());
            assertThat(context.getEnvironment().getProperty("twilio.tenants.acme.auth.token-url"))
                .isEqualTo(server.tokenUrl());
            assertThat(context.getEnvironment().getProperty("twilio.tenants.globex.base-url"))
                .isEqualTo(server.baseUrl());
            assertThat(context.getEnvironment().getProperty("twilio.tenants.globex.auth.token-url"))
                .isEqualTo(server.tokenUrl());
        }
    }

    @Test
    void registersEachTenantsAuthToken() {
        try (GenericApplicationContext context = refreshed(Map.of("twilio.tenants.acme.account-sid", ACME_ACCOUNT,
                "twilio.tenants.acme.auth.auth-token", "acme-token", "twilio.tenants.globex.account-sid",
                GLOBEX_ACCOUNT, "twilio.tenants.globex.auth.auth-token", "globex-token"))) {
            MockTwilioServer server = context.getBean(MockTwilioServer.class);

            assertThat(listMessages(server, ACME_ACCOUNT, TwilioHttp.basic(ACME_ACCOUNT, "acme-token")).statusCode())
                .isEqualTo(200);
            assertThat(listMessages(server, GLOBEX_ACCOUNT, TwilioHttp.basic(GLOBEX_ACCOUNT, "globex-token"))
                .statusCode()).isEqualTo(200);
            assertThat(listMessages(server, GLOBEX_ACCOUNT, TwilioHttp.basic(GLOBEX_ACCOUNT, "acme-token"))
                .statusCode()).isEqualTo(401);
        }
    }

    @Test
    void registersATenantsApiKeyForItsAccount() {
        String apiKey = "SK" + "b".repeat(32);
        try (GenericApplicationContext context = refreshed(Map.of("twilio.tenants.globex.account-sid", GLOBEX_ACCOUNT,
                "twilio.tenants.globex.auth.api-key", apiKey, "twilio.tenants.globex.auth.api-secret",
                "globex-api-secret"))) {
            MockTwilioServer server = context.getBean(MockTwilioServer.class);

            assertThat(listMessages(server, GLOBEX_ACCOUNT, TwilioHttp.basic(apiKey, "globex-api-secret")).statusCode())
                .isEqualTo(200);
        }
    }

    @Test
    void registersATenantsOAuthAppForItsAccount() {
        try (GenericApplicationContext context = refreshed(Map.of("twilio.tenants.acme.account-sid", ACME_ACCOUNT,
                "twilio.tenants.acme.auth.client-id", "acme-client", "twilio.tenants.acme.auth.client-secret",
                "acme-secret"))) {
            MockTwilioServer server = context.getBean(MockTwilioServer.class);

            String token = this.http.accessToken(server, "acme-client", "acme-secret");

            assertThat(AutoConfigureMockTwilioTest.subject(token)).isEqualTo(ACME_ACCOUNT);
        }
    }

    @Test
    void registersAnOrgsTenantsOrganizationListingItsAccount() {
        try (GenericApplicationContext context = refreshed(Map.of("twilio.tenants.initech.account-sid", ACME_ACCOUNT,
                "twilio.tenants.initech.auth.type", "orgs", "twilio.tenants.initech.auth.client-id", "initech-client",
                "twilio.tenants.initech.auth.client-secret", "initech-secret"))) {
            MockTwilioServer server = context.getBean(MockTwilioServer.class);
            String orgSid = MockTwilioInitializer.organizationSid("initech-client");

            String token = this.http.accessToken(server, "initech-client", "initech-secret");
            HttpResponse<String> accounts = this.http.get(server.baseUrl() + "/Organizations/" + orgSid + "/Accounts",
                    TwilioHttp.bearer(token));

            assertThat(AutoConfigureMockTwilioTest.subject(token)).isEqualTo(orgSid);
            assertThat(TwilioHttp.json(accounts).get("content").get(0).get("account_sid").asString())
                .isEqualTo(ACME_ACCOUNT);
        }
    }

    @Test
    void registersATenantsWebhookAuthTokenAsItsAccountsAuthToken() {
        try (GenericApplicationContext context = refreshed(Map.of("twilio.tenants.acme.account-sid", ACME_ACCOUNT,
                "twilio.tenants.acme.auth.client-id", "acme-client", "twilio.tenants.acme.auth.client-secret",
                "acme-secret", "twilio.tenants.acme.webhook.auth-token", "acme-webhook-token"))) {
            assertThat(context.getBean(MockTwilioServer.class).authToken(ACME_ACCOUNT)).isEqualTo("acme-webhook-token");
        }
    }

    @Test
    void readsTenantsFromEnvironmentVariables() {
        try (GenericApplicationContext context = new GenericApplicationContext()) {
            MutablePropertySources sources = context.getEnvironment().getPropertySources();
            sources.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                    new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                            Map.of("TWILIO_TENANTS_ACME_ACCOUNTSID", ACME_ACCOUNT, "TWILIO_TENANTS_ACME_AUTH_AUTHTOKEN",
                                    "acme-token")));
            new MockTwilioInitializer().initialize(context);
            context.refresh();
            MockTwilioServer server = context.getBean(MockTwilioServer.class);

            assertThat(context.getEnvironment().getProperty("twilio.tenants.acme.base-url"))
                .isEqualTo(server.baseUrl());
            assertThat(listMessages(server, ACME_ACCOUNT, TwilioHttp.basic(ACME_ACCOUNT, "acme-token")).statusCode())
                .isEqualTo(200);
        }
    }

    private static GenericApplicationContext refreshed(Map<String, Object> properties) {
        GenericApplicationContext context = new GenericApplicationContext();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", properties));
        new MockTwilioInitializer().initialize(context);
        context.refresh();
        return context;
    }

    private HttpResponse<String> listMessages(MockTwilioServer server, String accountSid, String authorization) {
        return this.http.get(server.baseUrl() + "/2010-04-01/Accounts/" + accountSid + "/Messages.json",
                authorization);
    }
}
