package io.github.twilioauth.autoconfigure.standin;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.twilioauth.client.TwilioClient;
import io.github.twilioauth.client.TwilioClients;
import io.github.twilioauth.client.TwilioResponse;
import io.github.twilioauth.test.MockTwilioInitializer;
import io.github.twilioauth.test.MockTwilioServer;
import io.github.twilioauth.test.RecordedRequest;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@link MockTwilioInitializer} on a {@link SpringApplication}, as an application runs offline:
 * every tenant reaches the stand-in and is accepted with its own credentials, whether its keys come
 * from {@code application.yml} or from environment variables.
 */
class MockTwilioInitializerTenantsTest {

    private static final String INITECH_ACCOUNT = "AC" + "c".repeat(32);

    private static final String INITECH_CLIENT = "OQ" + "c".repeat(32);

    @Test
    void theSingleClientAndEachTenantOfApplicationYmlSendWithTheirOwnCredentials() {
        try (ConfigurableApplicationContext context = offline(new StandardEnvironment())
            .run("--" + TenantsApplication.CONFIG)) {
            TenantsApplication.sendsThroughEveryClientWithItsCredentials(context.getBean(TwilioClient.class),
                    context.getBean(TwilioClients.class), context.getBean(MockTwilioServer.class));
        }
    }

    @Test
    void tenantsOfEnvironmentVariablesSendWithTheirOwnCredentials() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources()
            .replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                    new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                            Map.of("TWILIO_TENANTS_ACME_ACCOUNTSID", TenantsApplication.ACME_ACCOUNT,
                                    "TWILIO_TENANTS_ACME_AUTH_AUTHTOKEN", "acme-auth-token",
                                    "TWILIO_TENANTS_INITECH_ACCOUNTSID", INITECH_ACCOUNT,
                                    "TWILIO_TENANTS_INITECH_AUTH_TYPE", "orgs", "TWILIO_TENANTS_INITECH_AUTH_CLIENTID",
                                    INITECH_CLIENT, "TWILIO_TENANTS_INITECH_AUTH_CLIENTSECRET", "initech-secret")));
        try (ConfigurableApplicationContext context = offline(environment).run()) {
            TwilioClients tenants = context.getBean(TwilioClients.class);
            MockTwilioServer server = context.getBean(MockTwilioServer.class);
            String orgSid = MockTwilioInitializer.organizationSid(INITECH_CLIENT);

            tenants.get("acme").messages().create("+15558675310", "+15005550006", "Your order has shipped");
            tenants.get("initech").messages().create("+15558675310", "+15005550006", "Your order has shipped");
            TwilioResponse accounts = tenants.get("initech")
                .request(HttpMethod.GET, "https://preview-iam.twilio.com/Organizations/" + orgSid + "/Accounts");

            assertThat(server.requests()).extracting(RecordedRequest::path, RecordedRequest::authScheme,
                    RecordedRequest::principal)
                .containsExactly(
                        tuple(TenantsApplication.messages(TenantsApplication.ACME_ACCOUNT), "Basic",
                                TenantsApplication.ACME_ACCOUNT),
                        tuple(TenantsApplication.messages(INITECH_ACCOUNT), "Bearer", orgSid),
                        tuple("/Organizations/" + orgSid + "/Accounts", "Bearer", orgSid));
            assertThat(accounts.statusCode()).isEqualTo(200);
            assertThat(accounts.body()).contains(INITECH_ACCOUNT);
        }
    }

    private static SpringApplication offline(StandardEnvironment environment) {
        SpringApplication application = new SpringApplication(TenantsApplication.class);
        application.setEnvironment(environment);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setBannerMode(Banner.Mode.OFF);
        application.addInitializers(new MockTwilioInitializer());
        return application;
    }
}
