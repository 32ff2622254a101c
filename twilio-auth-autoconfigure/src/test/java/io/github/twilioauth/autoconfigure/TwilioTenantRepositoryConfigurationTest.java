package io.github.twilioauth.autoconfigure;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.twilioauth.TwilioApiException;
import io.github.twilioauth.client.TwilioClient;
import io.github.twilioauth.client.TwilioClients;
import io.github.twilioauth.client.TwilioTenant;
import io.github.twilioauth.client.TwilioTenantRepository;
import io.github.twilioauth.credential.BasicCredentialProviderBuilder;
import io.github.twilioauth.credential.ClientCredentialProviderBuilder;
import io.github.twilioauth.credential.NoAuthCredentialProvider;
import io.github.twilioauth.credential.OrgsCredentialProviderBuilder;
import io.github.twilioauth.observation.TenantTag;
import io.github.twilioauth.test.MockTwilioExtension;
import io.github.twilioauth.test.MockTwilioServer;
import io.github.twilioauth.test.RecordedRequest;
import io.github.twilioauth.testsupport.TwilioAutoConfigurations;
import io.github.twilioauth.token.TokenManagerSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The tenants of an application's {@link TwilioTenantRepository} bean, served by the
 * auto-configured {@link TwilioClients} against the stand-in.
 */
class TwilioTenantRepositoryConfigurationTest {

    private static final String SEND_FROM = "+15005550006";

    private static final String SEND_TO = "+15558675310";

    @RegisterExtension
    static final MockTwilioExtension twilio = new MockTwilioExtension();

    private static final AutoConfigurations METRICS = AutoConfigurations.of(ObservationAutoConfiguration.class,
            MetricsAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
            SimpleMetricsExportAutoConfiguration.class, RestClientObservationAutoConfiguration.class);

    private static ApplicationContextRunner runner(TwilioTenantRepository repository) {
        return new ApplicationContextRunner().withConfiguration(TwilioAutoConfigurations.client())
            .withBean(TwilioTenantRepository.class, () -> repository);
    }

    private static String sid(String prefix, int i) {
        return String.format("%s%032d", prefix, i);
    }

    /** A repository of a map, counting its lookups. */
    private static final class MapRepository implements TwilioTenantRepository {

        final Map<String, TwilioTenant> tenants = new HashMap<>();

        final AtomicInteger lookups = new AtomicInteger();

        @Override
        public @Nullable TwilioTenant findByName(String name) {
            this.lookups.incrementAndGet();
            return this.tenants.get(name);
        }
    }

    @Test
    void aTenantRepositoryBeanAloneGivesTwilioClientsOnTheSharedTokenEngine() {
        runner(new MapRepository()).run((context) -> {
            assertThat(context).hasSingleBean(TwilioClients.class).hasSingleBean(TokenManagerSettings.class);
            assertThat(context.getBean(TwilioClients.class).hasRepository()).isTrue();
            assertThat(context.getBean(TwilioClients.class).tenants()).isEmpty();
        });
    }

    @Test
    void withoutARepositoryOrTenantsThereIsNoTwilioClients() {
        new ApplicationContextRunner().withConfiguration(TwilioAutoConfigurations.client())
            .run((context) -> assertThat(context).doesNotHaveBean(TwilioClients.class));
    }

    @Test
    void servesAThousandRepositoryTenantsOfEveryCredentialTypeWithTheirOwnCredentials() {
        MockTwilioServer server = twilio.server();
        MapRepository repository = new MapRepository();
        Map<String, String> principals = new HashMap<>();
        for (int i = 0; i < 1000; i++) {
            String account = sid("AC", i);
            TwilioTenant.Builder tenant = TwilioTenant.builder().accountSid(account);
            switch (i % 5) {
                case 0 -> {
                    server.account(account, "token-" + i);
                    tenant.credentials(
                            new BasicCredentialProviderBuilder().setUsername(account).setPassword("token-" + i).build());
                    principals.put("t" + i, account);
                }
                case 1 -> {
                    server.apiKey(sid("SK", i), "key-secret-" + i, account);
                    tenant.credentials(new BasicCredentialProviderBuilder().setUsername(sid("SK", i))
                        .setPassword("key-secret-" + i)
                        .build());
                    principals.put("t" + i, sid("SK", i));
                }
                case 2 -> {
                    server.oauthApp(sid("OQ", i), "client-secret-" + i, account);
                    tenant.credentials(new ClientCredentialProviderBuilder().setClientId(sid("OQ", i))
                        .setClientSecret("client-secret-" + i)
                        .build());
                    principals.put("t" + i, account);
                }
                case 3 -> {
                    server.organization(sid("OR", i), "org-client-" + i, "org-secret-" + i, account);
                    tenant.credentials(new OrgsCredentialProviderBuilder().setClientId("org-client-" + i)
                        .setClientSecret("org-secret-" + i)
                        .build());
                    principals.put("t" + i, sid("OR", i));
                }
                default -> tenant.credentials(new NoAuthCredentialProvider());
            }
            repository.tenants.put("t" + i, tenant.build());
        }
        int threadsBefore = Thread.activeCount();
        runner(repository)
            .withPropertyValues("twilio.base-url=" + server.baseUrl(), "twilio.token-requests.concurrency-limit=4")
            .run((context) -> {
            TwilioClients clients = context.getBean(TwilioClients.class);
            for (int i = 0; i < 1000; i++) {
                TwilioClient client = clients.get("t" + i);
                if (i % 5 == 4) {
                    assertThatExceptionOfType(TwilioApiException.class)
                        .isThrownBy(() -> client.messages().create(SEND_TO, SEND_FROM, "no auth"))
                        .satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(401));
                }
                else {
                    client.messages().create(SEND_TO, SEND_FROM, "hello");
                }
            }
            for (int i = 0; i < 1000; i++) {
                clients.get("t" + i);
            }

            assertThat(repository.lookups).hasValue(1000);
            assertThat(clients.repositoryClients()).hasSize(1000);
            List<RecordedRequest> requests = server.requests();
            assertThat(requests).hasSize(1000);
            for (int i = 0; i < 1000; i++) {
                RecordedRequest request = requests.get(i);
                assertThat(request.path()).startsWith("/2010-04-01/Accounts/" + sid("AC", i) + "/");
                assertThat(request.principal()).as("principal of t" + i).isEqualTo(principals.get("t" + i));
            }
            assertThat(server.messages()).hasSize(800);
            // One token per OAuth tenant, fetched from the base URL, standing for Twilio's token host.
            assertThat(server.tokenRequests()).hasSize(400);
            // No tenant brought an executor or an HTTP client of its own: 400 OAuth tenants added at
            // most the token engine's threads (twilio.token-requests.concurrency-limit) and those of
            // the one HTTP client.
            assertThat(Thread.activeCount() - threadsBefore).isLessThanOrEqualTo(4 + 8);
        });
    }

    @Test
    void aRepositoryTenantsOAuthTokenComesFromTheBaseUrlNamingTwilioTokenHost() {
        MockTwilioServer server = twilio.server().oauthApp(sid("OQ", 1), "client-secret", sid("AC", 1));
        MapRepository repository = new MapRepository();
        repository.tenants.put("acme", TwilioTenant.builder()
            .accountSid(sid("AC", 1))
            .credentials(new ClientCredentialProviderBuilder().setClientId(sid("OQ", 1))
                .setClientSecret("client-secret")
                .build())
            .build());
        runner(repository).withPropertyValues("twilio.base-url=" + server.baseUrl()).run((context) -> {
            TwilioClients clients = context.getBean(TwilioClients.class);
            clients.get("acme").messages().create(SEND_TO, SEND_FROM, "one");
            clients.get("acme").messages().create(SEND_TO, SEND_FROM, "two");

            assertThat(server.tokenRequestCount()).isEqualTo(1);
            assertThat(server.requests()).extracting(RecordedRequest::authScheme).containsExactly("Bearer", "Bearer");
        });
    }

    @Test
    void repositoryTenantsShareOneTagAndConfiguredTenantsKeepTheirNames() {
        MockTwilioServer server = twilio.server().account(sid("AC", 1), "token-1").account(sid("AC", 2), "token-2");
        MapRepository repository = new MapRepository();
        for (int i = 0; i < 20; i++) {
            repository.tenants.put("r" + i, TwilioTenant.builder()
                .credentials(new BasicCredentialProviderBuilder().setUsername(sid("AC", 1)).setPassword("token-1").build())
                .build());
        }
        runner(repository).withConfiguration(METRICS)
            .withPropertyValues("twilio.base-url=" + server.baseUrl(), "twilio.tenants.configured.account-sid=" + sid("AC", 2),
                    "twilio.tenants.configured.base-url=" + server.baseUrl(),
                    "twilio.tenants.configured.auth.auth-token=token-2")
            .run((context) -> {
                TwilioClients clients = context.getBean(TwilioClients.class);
                for (int i = 0; i < 20; i++) {
                    clients.get("r" + i).messages().create(SEND_TO, SEND_FROM, "from the repository");
                }
                clients.get("configured").messages().create(SEND_TO, SEND_FROM, "configured");
                MeterRegistry meters = context.getBean(MeterRegistry.class);

                assertThat(Search.in(meters).tag(TenantTag.KEY, TenantTag.REPOSITORY_TENANTS).timers())
                    .singleElement()
                    .satisfies((timer) -> assertThat(timer.count()).isEqualTo(20));
                assertThat(Search.in(meters).tag(TenantTag.KEY, "configured").timers()).hasSize(1);
                assertThat(Search.in(meters).tagKeys(TenantTag.KEY).meters())
                    .allSatisfy((meter) -> assertThat(meter.getId().getTag(TenantTag.KEY))
                        .isIn(TenantTag.REPOSITORY_TENANTS, "configured"));
            });
    }

    @Test
    void removedTenantsLeaveNoMetersBehind() {
        MockTwilioServer server = twilio.server().account(sid("AC", 1), "token-1");
        runner(new MapRepository()).withConfiguration(METRICS)
            .withPropertyValues("twilio.base-url=" + server.baseUrl())
            .run((context) -> {
                TwilioClients clients = context.getBean(TwilioClients.class);
                MeterRegistry meters = context.getBean(MeterRegistry.class);
                for (int i = 0; i < 500; i++) {
                    clients.register("tenant-" + i, new BasicCredentialProviderBuilder().setUsername(sid("AC", 1))
                        .setPassword("token-1")
                        .build()).messages().create(SEND_TO, SEND_FROM, "hello");
                }
                assertThat(Search.in(meters).tagKeys(TenantTag.KEY).meters()).hasSizeGreaterThanOrEqualTo(500);

                for (int i = 0; i < 500; i++) {
                    clients.remove("tenant-" + i);
                }

                assertThat(Search.in(meters).tagKeys(TenantTag.KEY).meters()).isEmpty();
            });
    }

    @Test
    void evictedRepositoryTenantsTaggedByNameLeaveNoMetersBehind() {
        MockTwilioServer server = twilio.server().account(sid("AC", 1), "token-1");
        MapRepository repository = new MapRepository();
        for (int i = 0; i < 30; i++) {
            repository.tenants.put("r" + i, TwilioTenant.builder()
                .credentials(new BasicCredentialProviderBuilder().setUsername(sid("AC", 1)).setPassword("token-1").build())
                .build());
        }
        runner(repository).withConfiguration(METRICS)
            .withPropertyValues("twilio.base-url=" + server.baseUrl(), "twilio.tenant-cache.name-tags=true",
                    "twilio.tenant-cache.maximum-size=10")
            .run((context) -> {
                TwilioClients clients = context.getBean(TwilioClients.class);
                MeterRegistry meters = context.getBean(MeterRegistry.class);
                for (int i = 0; i < 30; i++) {
                    clients.get("r" + i).messages().create(SEND_TO, SEND_FROM, "hello");
                }

                assertThat(clients.repositoryClients()).hasSize(10);
                assertThat(Search.in(meters).tagKeys(TenantTag.KEY).timers()).hasSize(10);
            });
    }

    @Test
    void aReservedTenantNameInTheConfigurationFailsStartup() {
        runner(new MapRepository()).withPropertyValues("twilio.tenants.repository.account-sid=" + sid("AC", 1),
                "twilio.tenants.repository.auth.auth-token=token")
            .run((context) -> assertThat(context).getFailure()
                .rootCause()
                .isInstanceOf(TwilioConfigurationException.class)
                .hasMessageContaining("'repository' names the tenants of the TwilioTenantRepository"));
    }
}
