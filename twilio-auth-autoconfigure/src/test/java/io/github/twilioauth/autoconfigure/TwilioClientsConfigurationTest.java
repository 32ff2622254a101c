package io.github.twilioauth.autoconfigure;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.twilioauth.client.TwilioClient;
import io.github.twilioauth.client.TwilioClients;
import io.github.twilioauth.client.TwilioEndpoints;
import io.github.twilioauth.TwilioRetryPolicy;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TwilioClientsConfigurationTest {

    private static final String ACCOUNT_SID = "AC00000000000000000000000000000001";

    private static final String TENANT_SID = "AC00000000000000000000000000000002";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(RestClientAutoConfiguration.class, TwilioAutoConfiguration.class));

    private final ApplicationContextRunner twoTenants = this.runner.withPropertyValues(
            "twilio.tenants.acme.account-sid=" + TENANT_SID, "twilio.tenants.acme.auth.auth-token=acme-token",
            "twilio.tenants.globex.auth.type=noauth");

    @Test
    void createsNoTwilioClientsWithoutTenants() {
        this.runner.withPropertyValues("twilio.account-sid=" + ACCOUNT_SID, "twilio.auth.auth-token=single-token")
            .run((context) -> assertThat(context).doesNotHaveBean(TwilioClients.class).hasSingleBean(TwilioClient.class));
    }

    @Test
    void createsOneClientPerTenant() {
        this.twoTenants.run((context) -> assertThat(context.getBean(TwilioClients.class).tenants())
            .containsExactly("acme", "globex"));
    }

    @Test
    void tenantClientIsForTheTenantsAccount() {
        this.twoTenants.run((context) -> assertThat(context.getBean(TwilioClients.class).get("acme").getAccountSid())
            .isEqualTo(TENANT_SID));
    }

    @Test
    void tenantsAloneCreateNoDefaultTwilioClient() {
        this.twoTenants.run((context) -> assertThat(context).doesNotHaveBean(TwilioClient.class));
    }

    @Test
    void singleClientStaysTheTwilioClientBeanBesideTheTenants() {
        this.twoTenants.withPropertyValues("twilio.account-sid=" + ACCOUNT_SID, "twilio.auth.auth-token=single-token")
            .run((context) -> {
                assertThat(context.getBean(TwilioClient.class).getAccountSid()).isEqualTo(ACCOUNT_SID);
                assertThat(context.getBean(TwilioClients.class).tenants()).containsExactly("acme", "globex");
            });
    }

    @Test
    void unknownTenantIsRejectedWithTheKnownOnes() {
        this.twoTenants.run((context) -> assertThatIllegalArgumentException()
            .isThrownBy(() -> context.getBean(TwilioClients.class).get("initech"))
            .withMessage("No Twilio tenant named 'initech'; known tenants: [acme, globex]"));
    }

    @Test
    void misconfiguredTenantStopsStartupNamingItsProperty() {
        this.runner
            .withPropertyValues("twilio.tenants.acme.auth.type=client-credentials",
                    "twilio.tenants.acme.auth.client-id=OQ00000000000000000000000000000001")
            .run((context) -> assertThat(context).getFailure()
                .rootCause()
                .isInstanceOfSatisfying(TwilioConfigurationException.class, (ex) -> {
                    assertThat(ex.getProperty()).isEqualTo("twilio.tenants.acme.auth.client-secret");
                    assertThat(ex.getAction()).isEqualTo(
                            "Set twilio.tenants.acme.auth.client-secret (from the tenant's Twilio OAuth app).");
                }));
    }

    @Test
    void misconfiguredSingleClientMayAlsoBeServedByATokenManagerBean() {
        this.runner
            .withPropertyValues("twilio.auth.type=client-credentials",
                    "twilio.auth.client-id=OQ00000000000000000000000000000001")
            .run((context) -> assertThat(context).getFailure()
                .rootCause()
                .isInstanceOfSatisfying(TwilioConfigurationException.class, (ex) -> assertThat(ex.getAction())
                    .isEqualTo("Set twilio.auth.client-secret (from your Twilio OAuth app), or define a TokenManager"
                            + " bean of your own.")));
    }

    @Test
    void aTenantNamedDefaultIsRefusedAsTheSingleClientsName() {
        this.runner.withPropertyValues("twilio.tenants.default.auth.type=noauth")
            .run((context) -> assertThat(context).getFailure()
                .rootCause()
                .isInstanceOfSatisfying(TwilioConfigurationException.class, (ex) -> {
                    assertThat(ex.getProperty()).isEqualTo("twilio.tenants.default");
                    assertThat(ex.getAction()).isEqualTo("Rename twilio.tenants.default.");
                }));
    }

    @Test
    void tenantRegionAndEdgeBindFromEnvironmentVariables() {
        this.runner.withInitializer((context) -> context.getEnvironment()
            .getPropertySources()
            .addFirst(new SystemEnvironmentPropertySource(
                    StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of("TWILIO_TENANTS_EU_AUTH_TYPE", "noauth",
                    "TWILIO_TENANTS_EU_REGION", "ie1", "TWILIO_TENANTS_AU_AUTH_TYPE", "noauth",
                    "TWILIO_TENANTS_AU_REGION", "au1", "TWILIO_TENANTS_AU_EDGE", "sydney"))))
            .run((context) -> {
                TwilioClients clients = context.getBean(TwilioClients.class);
                assertThat(clients.get("eu").getEndpoints().origin("api")).isEqualTo("https://api.dublin.ie1.twilio.com");
                assertThat(clients.get("au").getEndpoints().origin("api")).isEqualTo("https://api.sydney.au1.twilio.com");
            });
    }

    @Test
    void tenantsDoNotTakeTheRegionOfTheSingleClient() {
        this.twoTenants.withPropertyValues("twilio.region=ie1")
            .run((context) -> assertThat(context.getBean(TwilioClients.class).get("globex").getEndpoints().origin("api"))
                .isEqualTo("https://api.twilio.com"));
    }

    @Test
    void tenantRegionWithoutAnEdgeStopsStartupNamingTheTenantsRegion() {
        this.runner.withPropertyValues("twilio.tenants.eu.auth.type=noauth", "twilio.tenants.eu.region=de1")
            .run((context) -> assertThat(context).getFailure()
                .rootCause()
                .isInstanceOfSatisfying(TwilioConfigurationException.class, (ex) -> {
                    assertThat(ex.getProperty()).isEqualTo("twilio.tenants.eu.region");
                    assertThat(ex).hasMessageStartingWith("twilio.tenants.eu.region: Region 'de1' needs an edge");
                    assertThat(ex.getAction()).isEqualTo("Set twilio.tenants.eu.edge to the edge of region 'de1',"
                            + " or set twilio.tenants.eu.region to us1, ie1 or au1, or remove it.");
                }));
    }

    @Test
    void backsOffWhenTheApplicationDefinesTwilioClients() {
        this.twoTenants.withUserConfiguration(OwnTwilioClients.class)
            .run((context) -> assertThat(context.getBean(TwilioClients.class))
                .isSameAs(context.getBean(OwnTwilioClients.class).clients));
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnTwilioClients {

        final TwilioClients clients = new TwilioClients(RestClient.create(), TwilioRetryPolicy.DEFAULT,
                TwilioEndpoints.global());

        @Bean
        TwilioClients ownTwilioClients() {
            return this.clients;
        }
    }
}
