package io.github.twilioauth.sdk.autoconfigure;

import com.twilio.Twilio;
import com.twilio.auth_strategy.NoAuthStrategy;
import com.twilio.exception.AuthenticationException;
import com.twilio.http.TwilioRestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.twilioauth.TwilioRetryPolicy;
import io.github.twilioauth.autoconfigure.TwilioAutoConfiguration;
import io.github.twilioauth.client.TwilioClients;
import io.github.twilioauth.client.TwilioEndpoints;
import io.github.twilioauth.credential.BasicCredentialProviderBuilder;
import io.github.twilioauth.sdk.TwilioSdkClients;
import io.github.twilioauth.sdk.TwilioSdkHttpClient;
import io.github.twilioauth.sdk.TwilioSdkStaticClient;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * When the SDK's beans exist, and when they back off.
 */
class TwilioSdkAutoConfigurationTest {

    static final String ACCOUNT_SID = "AC" + "3".repeat(32);

    static final String ACME_SID = "AC" + "4".repeat(32);

    static final String GLOBEX_SID = "AC" + "5".repeat(32);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(RestClientAutoConfiguration.class, TwilioAutoConfiguration.class,
                TwilioSdkAutoConfiguration.class));

    private final ApplicationContextRunner singleClient = this.runner
        .withPropertyValues("twilio.account-sid=" + ACCOUNT_SID, "twilio.auth.auth-token=single-token");

    @AfterEach
    void uninstallStaticClient() {
        Twilio.setRestClient(null);
    }

    @Test
    void withoutTwilioConfigurationThereIsNoSdkClient() {
        this.runner.run((context) -> assertThat(context).hasNotFailed()
            .doesNotHaveBean(TwilioRestClient.class)
            .doesNotHaveBean(TwilioSdkClients.class));
    }

    @Test
    void theSingleClientGetsAnSdkClientOnItsAccountThatAddsNoCredentials() {
        this.singleClient.run((context) -> {
            assertThat(context).hasSingleBean(TwilioRestClient.class).doesNotHaveBean(TwilioSdkClients.class);
            TwilioRestClient sdk = context.getBean(TwilioRestClient.class);
            assertThat(sdk.getAccountSid()).isEqualTo(ACCOUNT_SID);
            assertThat(sdk.getHttpClient()).isInstanceOf(TwilioSdkHttpClient.class);
            assertThat(sdk.getAuthStrategy()).isSameAs(NoAuthStrategy.getInstance());
            assertThat(sdk.getRegion()).isNull();
            assertThat(sdk.getEdge()).isNull();
        });
    }

    /**
     * Named other than {@code twilioRestClient}: that is the name of the starter's Spring
     * {@code RestClient}, which a bean of that name replaces.
     */
    @Test
    void anSdkClientOfTheApplicationReplacesOurs() {
        TwilioRestClient own = new TwilioRestClient.Builder(ACCOUNT_SID, "own-token").build();
        this.singleClient.withBean("ownSdkClient", TwilioRestClient.class, () -> own)
            .run((context) -> assertThat(context).getBean(TwilioRestClient.class).isSameAs(own));
    }

    @Test
    void withoutTheSdkOnTheClasspathTheStarterWorksAlone() {
        this.singleClient.withPropertyValues("twilio.tenants.acme.account-sid=" + ACME_SID,
                "twilio.tenants.acme.auth.auth-token=acme-token")
            .withClassLoader(new FilteredClassLoader(TwilioRestClient.class))
            .run((context) -> assertThat(context).hasNotFailed()
                .hasSingleBean(TwilioClients.class)
                .doesNotHaveBean(TwilioSdkClients.class)
                .doesNotHaveBean("twilioSdkRestClient"));
    }

    @Test
    void eachTenantGetsAnSdkClientOnItsAccount() {
        this.runner
            .withPropertyValues("twilio.tenants.acme.account-sid=" + ACME_SID,
                    "twilio.tenants.acme.auth.auth-token=acme-token", "twilio.tenants.globex.account-sid=" + GLOBEX_SID,
                    "twilio.tenants.globex.auth.auth-token=globex-token")
            .run((context) -> {
                assertThat(context).hasSingleBean(TwilioSdkClients.class).doesNotHaveBean(TwilioRestClient.class);
                TwilioSdkClients sdkClients = context.getBean(TwilioSdkClients.class);
                assertThat(sdkClients.tenants()).containsExactly("acme", "globex");
                assertThat(sdkClients.get("acme").getAccountSid()).isEqualTo(ACME_SID);
                assertThat(sdkClients.get("globex").getAccountSid()).isEqualTo(GLOBEX_SID);
                assertThat(sdkClients.get("acme")).isSameAs(sdkClients.get("acme"));
                assertThatIllegalArgumentException().isThrownBy(() -> sdkClients.get("initech"))
                    .withMessageContaining("acme, globex");
            });
    }

    @Test
    void aTenantRemovedAndRegisteredAgainGetsANewSdkClient() {
        this.runner
            .withPropertyValues("twilio.tenants.acme.account-sid=" + ACME_SID,
                    "twilio.tenants.acme.auth.auth-token=acme-token")
            .run((context) -> {
                TwilioSdkClients sdkClients = context.getBean(TwilioSdkClients.class);
                TwilioClients clients = context.getBean(TwilioClients.class);
                TwilioRestClient before = sdkClients.get("acme");
                clients.remove("acme");
                clients.register("acme", new BasicCredentialProviderBuilder()
                    .setUsername(GLOBEX_SID)
                    .setPassword("globex-token")
                    .build());

                TwilioRestClient after = sdkClients.get("acme");

                assertThat(after).isNotSameAs(before);
                assertThat(after.getAccountSid()).isEqualTo(GLOBEX_SID);
            });
    }

    @Test
    void sdkClientsOfTheApplicationReplaceOurs() {
        this.runner
            .withPropertyValues("twilio.tenants.acme.account-sid=" + ACME_SID,
                    "twilio.tenants.acme.auth.auth-token=acme-token")
            .withBean("ownSdkClients", TwilioSdkClients.class,
                    () -> new TwilioSdkClients(
                            new TwilioClients(RestClient.create(), TwilioRetryPolicy.DEFAULT, TwilioEndpoints.global())))
            .run((context) -> assertThat(context).hasSingleBean(TwilioSdkClients.class)
                .hasBean("ownSdkClients"));
    }

    @Test
    void theSdksStaticDefaultIsLeftAloneByDefault() {
        this.singleClient.run((context) -> {
            assertThat(context).doesNotHaveBean(TwilioSdkStaticClient.class);
            assertThat(staticDefault()).isNotSameAs(context.getBean(TwilioRestClient.class));
        });
    }

    @Test
    void initStaticInstallsTheSdkClientAndTheContextsCloseUninstallsIt() {
        TwilioRestClient[] installed = new TwilioRestClient[1];
        this.singleClient.withPropertyValues("twilio.sdk.init-static=true").run((context) -> {
            assertThat(context).hasSingleBean(TwilioSdkStaticClient.class);
            installed[0] = context.getBean(TwilioRestClient.class);
            assertThat(staticDefault()).isSameAs(installed[0]);
        });
        assertThat(staticDefault()).isNotSameAs(installed[0]);
    }

    @Test
    void closingLeavesAStaticDefaultInstalledSinceInPlace() {
        TwilioRestClient other = new TwilioRestClient.Builder(ACCOUNT_SID, "other-token").build();
        this.singleClient.withPropertyValues("twilio.sdk.init-static=true")
            .run((context) -> Twilio.setRestClient(other));
        assertThat(staticDefault()).isSameAs(other);
    }

    @Test
    void initStaticWithTenantsOnlyInstallsNothing() {
        this.runner
            .withPropertyValues("twilio.sdk.init-static=true", "twilio.tenants.acme.account-sid=" + ACME_SID,
                    "twilio.tenants.acme.auth.auth-token=acme-token")
            .run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(TwilioSdkStaticClient.class));
    }

    /** The SDK's static default, or {@code null} when none is set and none can be built. */
    private static TwilioRestClient staticDefault() {
        try {
            return Twilio.getRestClient();
        }
        catch (AuthenticationException ex) {
            return null;
        }
    }
}
