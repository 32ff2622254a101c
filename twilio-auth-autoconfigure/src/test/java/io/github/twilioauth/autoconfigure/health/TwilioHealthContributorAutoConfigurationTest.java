package io.github.twilioauth.autoconfigure.health;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.twilioauth.TwilioAuthenticationException;
import io.github.twilioauth.client.TwilioClient;
import io.github.twilioauth.client.TwilioClients;
import io.github.twilioauth.client.TwilioTenant;
import io.github.twilioauth.client.TwilioTenantRepository;
import io.github.twilioauth.credential.BasicCredentialProviderBuilder;
import io.github.twilioauth.credential.ClientCredentialProviderBuilder;
import io.github.twilioauth.credential.CredentialProvider;
import io.github.twilioauth.credential.NoAuthCredentialProvider;
import io.github.twilioauth.credential.OAuthCredentialProvider;
import io.github.twilioauth.health.TwilioHealthIndicator;
import io.github.twilioauth.test.MockTwilioServer;
import io.github.twilioauth.testsupport.MockTwilioOAuthApp;
import io.github.twilioauth.testsupport.TwilioAutoConfigurations;
import io.github.twilioauth.token.TokenManager;
import io.github.twilioauth.token.TokenStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthContributors;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The {@code twilio} health contributor in an application, with the auto-configured client
 * talking to the local stand-in.
 */
class TwilioHealthContributorAutoConfigurationTest {

    private static final String ACCOUNT_SID = "AC" + "3".repeat(32);

    private static final String CLIENT_ID = "OQ" + "4".repeat(32);

    private static final String CLIENT_SECRET = "health-context-client-secret";

    private static final String AUTH_TOKEN = "health-context-auth-token";

    @RegisterExtension
    static final MockTwilioOAuthApp app = new MockTwilioOAuthApp(ACCOUNT_SID, CLIENT_ID, CLIENT_SECRET);

    private final MockTwilioServer server = app.server();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(TwilioAutoConfigurations.client())
        .withConfiguration(AutoConfigurations.of(TwilioHealthContributorAutoConfiguration.class,
                HealthContributorRegistryAutoConfiguration.class))
        .withPropertyValues("twilio.base-url=" + this.server.baseUrl(), "twilio.account-sid=" + ACCOUNT_SID,
                "twilio.auth.retry.max-retries=0");

    @BeforeEach
    void registerAccount() {
        this.server.account(ACCOUNT_SID, AUTH_TOKEN);
    }

    private ApplicationContextRunner clientCredentials() {
        return this.runner.withPropertyValues("twilio.auth.client-id=" + CLIENT_ID,
                "twilio.auth.client-secret=" + CLIENT_SECRET);
    }

    private static Health twilioHealth(AssertableApplicationContext context) {
        HealthContributor contributor = context.getBean(HealthContributorRegistry.class).getContributor("twilio");
        assertThat(contributor).isInstanceOf(TwilioHealthIndicator.class);
        return ((HealthIndicator) contributor).health();
    }

    private static void sendOne(AssertableApplicationContext context) {
        context.getBean(TwilioClient.class).messages().create("+15558675310", "+15005550006", "health");
    }

    @Test
    void isRegisteredInTheAutoConfigurationImports() {
        assertThat(ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()))
            .contains(TwilioHealthContributorAutoConfiguration.class.getName());
    }

    @Test
    void registersTheTwilioContributorUnderTheNameTwilio() {
        clientCredentials().run((context) -> {
            assertThat(context).hasBean("twilioHealthContributor");
            assertThat(twilioHealth(context).getDetails()).containsEntry("authType", "client-credentials");
        });
    }

    @Test
    void reportsUnknownBeforeTheFirstCallWithoutRequestingAToken() {
        clientCredentials().run((context) -> {
            Health health = twilioHealth(context);
            assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
            assertThat(health.getDetails()).containsExactly(Map.entry("authType", "client-credentials"),
                    Map.entry("tokenValid", false));
            assertThat(this.server.tokenRequestCount()).isZero();
        });
    }

    @Test
    void reportsTheTokenOfTheClientAfterACall() {
        clientCredentials().run((context) -> {
            sendOne(context);
            Health health = twilioHealth(context);
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("tokenValid", true)
                .containsKeys("tokenUsableUntil", "lastFetchedAt")
                .doesNotContainKey("lastFailureAt");
            assertThat(this.server.tokenRequestCount()).isEqualTo(1);
        });
    }

    @Test
    void reportsDownWithTheFailureWhenTheTokenEndpointRefusesTheCredentials() {
        clientCredentials().run((context) -> {
            this.server.rejectNextTokenRequests(1);
            assertThatExceptionOfType(TwilioAuthenticationException.class).isThrownBy(() -> sendOne(context));
            Health health = twilioHealth(context);
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsEntry("tokenValid", false)
                .containsEntry("lastFailureStatus", 400)
                .containsEntry("lastFailureCode", 322402)
                .containsKey("lastFailureAt");
        });
    }

    @Test
    void requestsATokenWhenFetchTokenIsSet() {
        clientCredentials().withPropertyValues("twilio.health.fetch-token=true").run((context) -> {
            assertThat(twilioHealth(context).getStatus()).isEqualTo(Status.UP);
            assertThat(twilioHealth(context).getDetails()).containsEntry("tokenValid", true);
            assertThat(this.server.tokenRequestCount()).isEqualTo(1);
        });
    }

    @Test
    void reportsWhatATokenManagerBeanOfTheApplicationKnowsWithoutAskingItForAToken() {
        Instant fetchedAt = Instant.parse("2026-11-29T09:06:31Z");
        Instant usableUntil = fetchedAt.plus(Duration.ofMinutes(59));
        ReportingTokenManager own = new ReportingTokenManager(
                new TokenStatus(true, usableUntil, fetchedAt, null, null, null));
        this.runner.withPropertyValues("twilio.auth.type=client-credentials", "twilio.health.fetch-token=true")
            .withBean(TokenManager.class, () -> own)
            .run((context) -> {
                assertThat(context.getBean(OAuthCredentialProvider.class).getTokenManager()).isSameAs(own);
                Health health = twilioHealth(context);
                assertThat(health.getStatus()).isEqualTo(Status.UP);
                assertThat(health.getDetails()).containsExactly(Map.entry("authType", "client-credentials"),
                        Map.entry("tokenValid", true), Map.entry("tokenUsableUntil", usableUntil),
                        Map.entry("lastFetchedAt", fetchedAt));
                assertThat(own.tokenRequests).hasValue(0);
            });
    }

    @Test
    void asksATokenManagerBeanOfTheApplicationForATokenWhenFetchTokenIsSetAndReportsItsFailure() {
        Instant failedAt = Instant.parse("2026-11-29T09:06:31Z");
        ReportingTokenManager own = new ReportingTokenManager(new TokenStatus(false, null, null, null, null, null));
        own.afterTokenRequest = new TokenStatus(false, null, null, failedAt, 401, 20003);
        this.runner.withPropertyValues("twilio.auth.type=client-credentials", "twilio.health.fetch-token=true")
            .withBean(TokenManager.class, () -> own)
            .run((context) -> {
                Health health = twilioHealth(context);
                assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                assertThat(health.getDetails()).containsExactly(Map.entry("authType", "client-credentials"),
                        Map.entry("tokenValid", false), Map.entry("lastFailureAt", failedAt),
                        Map.entry("lastFailureStatus", 401), Map.entry("lastFailureCode", 20003));
                assertThat(own.tokenRequests).hasValue(1);
            });
    }

    @Test
    void reportsBasicCredentialsUpWithTheirAuthTypeOnly() {
        this.runner.withPropertyValues("twilio.auth.auth-token=" + AUTH_TOKEN).run((context) -> {
            Health health = twilioHealth(context);
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsExactly(Map.entry("authType", "basic"));
        });
    }

    @Test
    void neverShowsASecretOrAToken() {
        clientCredentials().run((context) -> {
            sendOne(context);
            String token = ((OAuthCredentialProvider) context.getBean(CredentialProvider.class)).getTokenManager()
                .getToken();
            assertThat(twilioHealth(context).getDetails().toString()).doesNotContain(CLIENT_SECRET, token, CLIENT_ID);
        });
        this.runner.withPropertyValues("twilio.auth.auth-token=" + AUTH_TOKEN)
            .run((context) -> assertThat(twilioHealth(context).getDetails().toString()).doesNotContain(AUTH_TOKEN));
    }

    @Test
    void isDisabledByManagementHealthTwilioEnabled() {
        clientCredentials().withPropertyValues("management.health.twilio.enabled=false")
            .run((context) -> assertThat(context).doesNotHaveBean(TwilioHealthIndicator.class)
                .doesNotHaveBean("twilioHealthContributor")
                .hasSingleBean(TwilioClient.class));
    }

    @Test
    void isAbsentWithoutSpringBootHealth() {
        clientCredentials().withClassLoader(new FilteredClassLoader(HealthIndicator.class))
            .run((context) -> assertThat(context).hasNotFailed()
                .doesNotHaveBean("twilioHealthContributor")
                .hasSingleBean(TwilioClient.class));
    }

    @Test
    void isAbsentWithoutTwilioCredentials() {
        new ApplicationContextRunner()
            .withConfiguration(TwilioAutoConfigurations.client())
            .withConfiguration(AutoConfigurations.of(TwilioHealthContributorAutoConfiguration.class))
            .run((context) -> assertThat(context).doesNotHaveBean("twilioHealthContributor"));
    }

    @Test
    void backsOffFromAHealthIndicatorOfTheApplicationNamedTwilio() {
        HealthIndicator own = () -> Health.outOfService().build();
        clientCredentials().withBean("twilioHealthIndicator", HealthIndicator.class, () -> own)
            .run((context) -> assertThat(context).doesNotHaveBean("twilioHealthContributor")
                .getBean("twilioHealthIndicator")
                .isSameAs(own));
    }

    @Test
    void reportsEachCredentialProviderWhenThereAreSeveral() {
        this.runner.withBean("tenantA", CredentialProvider.class, NoAuthCredentialProvider::new, (bean) -> bean
            .setPrimary(true))
            .withBean("tenantB", CredentialProvider.class, NoAuthCredentialProvider::new)
            .run((context) -> {
                HealthContributor contributor = context.getBean("twilioHealthContributor", HealthContributor.class);
                assertThat(contributor).isInstanceOfSatisfying(CompositeHealthContributor.class,
                        (composite) -> assertThat(composite.stream().map(HealthContributors.Entry::name))
                            .containsExactlyInAnyOrder("tenantA", "tenantB"));
            });
    }

    @Test
    void reportsTheSingleClientAsDefaultAndEachTenantByName() {
        tenants().withPropertyValues("twilio.auth.client-id=" + CLIENT_ID, "twilio.auth.client-secret=" + CLIENT_SECRET)
            .run((context) -> {
                context.getBean(TwilioClients.class).get("globex").messages().create("+15558675310", "+15005550006",
                        "health");
                CompositeHealthContributor twilio = twilioComposite(context);
                assertThat(twilio.stream().map(HealthContributors.Entry::name)).containsExactly("default", "acme",
                        "globex");
                assertThat(health(twilio, "default").getStatus()).isEqualTo(Status.UNKNOWN);
                assertThat(health(twilio, "acme").getStatus()).isEqualTo(Status.UP);
                assertThat(health(twilio, "acme").getDetails()).containsExactly(Map.entry("authType", "basic"));
                assertThat(health(twilio, "globex").getStatus()).isEqualTo(Status.UP);
                assertThat(health(twilio, "globex").getDetails()).containsEntry("authType", "client-credentials")
                    .containsEntry("tokenValid", true);
                assertThat(this.server.tokenRequestCount()).isEqualTo(1);
            });
    }

    @Test
    void reportsTenantsWhenThereAreOnlyTenants() {
        tenants().run((context) -> {
            assertThat(context).doesNotHaveBean(CredentialProvider.class);
            assertThat(twilioComposite(context).stream().map(HealthContributors.Entry::name)).containsExactly("acme",
                    "globex");
        });
    }

    @Test
    void followsTenantsRegisteredAndRemovedAtRunTime() {
        tenants().run((context) -> {
            TwilioClients clients = context.getBean(TwilioClients.class);
            CompositeHealthContributor twilio = twilioComposite(context);
            clients.register("initech", new NoAuthCredentialProvider());
            assertThat(health(twilio, "initech").getDetails()).containsExactly(Map.entry("authType", "noauth"));
            clients.remove("acme");
            assertThat(twilio.getContributor("acme")).isNull();
            assertThat(twilio.stream().map(HealthContributors.Entry::name)).containsExactly("globex", "initech");
        });
    }

    @Test
    void neverShowsASecretOrATokenOfATenant() {
        tenants().run((context) -> {
            context.getBean(TwilioClients.class).get("globex").messages().create("+15558675310", "+15005550006",
                    "health");
            CompositeHealthContributor twilio = twilioComposite(context);
            String report = String.valueOf(health(twilio, "acme")) + health(twilio, "globex");
            assertThat(report).doesNotContain(AUTH_TOKEN, CLIENT_SECRET, this.server.issuedTokens().get(0));
        });
    }

    @Test
    void reportsTheRepositoryTenantsAsOneEntryCountingTheCachedAndTheFailing() {
        TwilioTenantRepository repository = (name) -> switch (name) {
            case "good" -> TwilioTenant.builder()
                .accountSid(ACCOUNT_SID)
                .credentials(new ClientCredentialProviderBuilder().setClientId(CLIENT_ID).setClientSecret(CLIENT_SECRET).build())
                .build();
            case "revoked" -> TwilioTenant.builder()
                .accountSid(ACCOUNT_SID)
                .credentials(new ClientCredentialProviderBuilder().setClientId(CLIENT_ID).setClientSecret("revoked").build())
                .build();
            case "basic" -> TwilioTenant.builder()
                .credentials(new BasicCredentialProviderBuilder().setUsername(ACCOUNT_SID).setPassword(AUTH_TOKEN).build())
                .build();
            default -> null;
        };
        tenants().withBean(TwilioTenantRepository.class, () -> repository).run((context) -> {
            TwilioClients clients = context.getBean(TwilioClients.class);
            CompositeHealthContributor twilio = twilioComposite(context);
            assertThat(health(twilio, "repository").getDetails()).containsExactly(Map.entry("cached", 0),
                    Map.entry("failing", 0L));
            clients.get("good").messages().create("+15558675310", "+15005550006", "health");
            clients.get("basic").messages().create("+15558675310", "+15005550006", "health");
            assertThatExceptionOfType(TwilioAuthenticationException.class)
                .isThrownBy(() -> clients.get("revoked").messages().create("+15558675310", "+15005550006", "x"));

            assertThat(twilio.stream().map(HealthContributors.Entry::name)).containsExactly("acme", "globex",
                    "repository");
            Health repositoryHealth = health(twilio, "repository");
            assertThat(repositoryHealth.getStatus()).isEqualTo(Status.UP);
            assertThat(repositoryHealth.getDetails()).containsExactly(Map.entry("cached", 3), Map.entry("failing", 1L));
            assertThat(twilio.getContributor("good")).isNull();
        });
    }

    private ApplicationContextRunner tenants() {
        return this.runner.withPropertyValues("twilio.tenants.acme.base-url=" + this.server.baseUrl(),
                    "twilio.tenants.acme.account-sid=" + ACCOUNT_SID, "twilio.tenants.acme.auth.auth-token=" + AUTH_TOKEN,
                    "twilio.tenants.globex.base-url=" + this.server.baseUrl(),
                    "twilio.tenants.globex.account-sid=" + ACCOUNT_SID,
                    "twilio.tenants.globex.auth.client-id=" + CLIENT_ID,
                    "twilio.tenants.globex.auth.client-secret=" + CLIENT_SECRET);
    }

    private static CompositeHealthContributor twilioComposite(AssertableApplicationContext context) {
        HealthContributor contributor = context.getBean(HealthContributorRegistry.class).getContributor("twilio");
        assertThat(contributor).isInstanceOf(CompositeHealthContributor.class);
        return (CompositeHealthContributor) contributor;
    }

    /**
     * A token manager of the application that reports a status of its own; a token request
     * fails and leaves {@link #afterTokenRequest} as its status.
     */
    static final class ReportingTokenManager implements TokenManager {

        private volatile TokenStatus status;

        volatile @Nullable TokenStatus afterTokenRequest;

        final AtomicInteger tokenRequests = new AtomicInteger();

        ReportingTokenManager(TokenStatus status) {
            this.status = status;
        }

        @Override
        public String getToken() {
            this.tokenRequests.incrementAndGet();
            TokenStatus after = this.afterTokenRequest;
            if (after != null) {
                this.status = after;
            }
            throw new TwilioAuthenticationException("Token endpoint answered HTTP 401", 401, 20003);
        }

        @Override
        public String refreshToken() {
            return getToken();
        }

        @Override
        public void clearToken() {
        }

        @Override
        public TokenStatus status() {
            return this.status;
        }
    }

    private static Health health(CompositeHealthContributor composite, String name) {
        HealthContributor contributor = composite.getContributor(name);
        assertThat(contributor).as(name).isInstanceOf(HealthIndicator.class);
        return ((HealthIndicator) contributor).health();
    }
}
