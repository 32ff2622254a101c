package io.github.twilioauth.autoconfigure.store;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.twilioauth.autoconfigure.TwilioConfigurationException;
import io.github.twilioauth.client.TwilioClient;
import io.github.twilioauth.client.TwilioClients;
import io.github.twilioauth.client.TwilioTenant;
import io.github.twilioauth.client.TwilioTenantRepository;
import io.github.twilioauth.credential.ClientCredentialProviderBuilder;
import io.github.twilioauth.health.TwilioTokenStoreHealthIndicator;
import io.github.twilioauth.store.StoreCipher;
import io.github.twilioauth.store.redis.RedisTokenStore;
import io.github.twilioauth.strategy.TokenAuthStrategy;
import io.github.twilioauth.test.MockTwilioServer;
import io.github.twilioauth.testsupport.LocalRedis;
import io.github.twilioauth.testsupport.MockTwilioOAuthApp;
import io.github.twilioauth.testsupport.RedisContents;
import io.github.twilioauth.testsupport.TwilioAutoConfigurations;
import io.github.twilioauth.token.SharedToken;
import io.github.twilioauth.token.TokenManager;
import io.github.twilioauth.token.TokenManagerOptions;
import io.github.twilioauth.token.TokenManagerSettings;
import io.github.twilioauth.token.TokenStore;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The token store, wired: in memory by default, in Redis with {@code twilio.token-store.type=redis}
 * for the single client, the configured tenants and a repository's tenants alike, its own health
 * component, and clear startup failures for what cannot work.
 */
@ExtendWith(OutputCaptureExtension.class)
class TwilioTokenStoreAutoConfigurationTest {

    private static final String ACCOUNT_SID = "AC" + "3".repeat(32);

    private static final String CLIENT_ID = "OQ" + "3".repeat(32);

    private static final String CLIENT_SECRET = "store-client-secret";

    @RegisterExtension
    static final LocalRedis redis = new LocalRedis();

    @RegisterExtension
    static final MockTwilioOAuthApp app = new MockTwilioOAuthApp(ACCOUNT_SID, CLIENT_ID, CLIENT_SECRET);

    private final MockTwilioServer server = app.server();

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
            .withConfiguration(TwilioAutoConfigurations.client())
            .withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class,
                    TwilioStoreAutoConfiguration.class))
            .withPropertyValues("twilio.base-url=" + this.server.baseUrl(), "twilio.account-sid=" + ACCOUNT_SID,
                    "twilio.auth.client-id=" + CLIENT_ID, "twilio.auth.client-secret=" + CLIENT_SECRET,
                    "spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + redis.port());
    }

    @Test
    void tokensStayInMemoryByDefault() {
        runner().run((context) -> assertThat(context).hasNotFailed()
            .doesNotHaveBean(TokenStore.class)
            .doesNotHaveBean(TwilioTokenStoreHealthIndicator.class)
            .getBean(TokenManagerSettings.class)
            .satisfies((settings) -> assertThat(settings.tokenStore()).isNull()));
    }

    @Test
    void withTypeRedisTheSingleClientAndEveryTenantShareTheirTokensInRedis() {
        runner().withPropertyValues("twilio.token-store.type=redis", "twilio.tenants.other.base-url=" + this.server.baseUrl(),
                "twilio.tenants.other.account-sid=" + ACCOUNT_SID, "twilio.tenants.other.auth.client-id=" + CLIENT_ID,
                "twilio.tenants.other.auth.client-secret=" + CLIENT_SECRET)
            .run((context) -> {
                assertThat(context).hasNotFailed().hasSingleBean(RedisTokenStore.class);
                assertThat(context.getBean(TokenManagerSettings.class).tokenStore())
                    .isSameAs(context.getBean(RedisTokenStore.class));
                TwilioClients clients = context.getBean(TwilioClients.class);
                String single = token(context.getBean(TwilioClient.class));
                // The same client's tenant on its own manager takes the token the single client published.
                assertThat(token(clients.get("other"))).isEqualTo(single);
                assertThat(this.server.tokenRequestCount()).isEqualTo(1);
            });
    }

    @Test
    void repositoryTenantsOfTwoInstancesShareOneTokenInRedis() {
        TwilioTenantRepository repository = (name) -> "acme".equals(name) ? TwilioTenant.builder()
            .accountSid(ACCOUNT_SID)
            .credentials(new ClientCredentialProviderBuilder().setClientId(CLIENT_ID)
                .setClientSecret(CLIENT_SECRET)
                .build())
            .build() : null;
        ApplicationContextRunner instance = new ApplicationContextRunner()
            .withConfiguration(TwilioAutoConfigurations.client())
            .withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class,
                    TwilioStoreAutoConfiguration.class))
            .withBean(TwilioTenantRepository.class, () -> repository)
            .withPropertyValues("twilio.base-url=" + this.server.baseUrl(), "twilio.token-store.type=redis",
                    "spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + redis.port());
        instance.run((first) -> instance.run((second) -> {
            assertThat(first).hasNotFailed().doesNotHaveBean(TwilioClient.class);
            assertThat(second).hasNotFailed();
            // The single client of the other tests has the same credentials: neither takes the other's token.
            RedisConnectionFactory connectionFactory = first.getBean(RedisConnectionFactory.class);
            RedisContents.flush(connectionFactory);
            try {
                String token = token(first.getBean(TwilioClients.class).get("acme"));
                assertThat(token(second.getBean(TwilioClients.class).get("acme"))).isEqualTo(token);
                assertThat(this.server.tokenRequestCount()).isEqualTo(1);
            }
            finally {
                RedisContents.flush(connectionFactory);
            }
        }));
    }

    @Test
    void theTokenStoreIsItsOwnHealthComponentUpWithItsState() {
        runner().withPropertyValues("twilio.token-store.type=redis", "twilio.token-store.key-prefix=app:tokens:")
            .run((context) -> {
                Health health = context.getBean("twilioTokenStoreHealthIndicator", TwilioTokenStoreHealthIndicator.class)
                    .health();
                assertThat(health.getStatus()).isEqualTo(Status.UP);
                assertThat(health.getDetails()).containsExactlyInAnyOrderEntriesOf(Map.of("type", "redis",
                        "keyPrefix", "app:tokens:", "circuitBreaker", "CLOSED", "tokens", "shared"));
            });
    }

    @Test
    void theApplicationStartsWhileRedisIsDownAndItsCallsGetTokensAllTheSame(CapturedOutput output) {
        runner().withPropertyValues("twilio.token-store.type=redis", "spring.data.redis.port=1",
                "twilio.token-store.timeout=200ms")
            .run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(output).contains("twilio-token-redis: Redis did not answer PING at startup");
                TwilioClient client = context.getBean(TwilioClient.class);
                assertThat(token(client)).isNotEmpty();
                TwilioTokenStoreHealthIndicator health = context.getBean(TwilioTokenStoreHealthIndicator.class);
                for (int i = 0; i < 3; i++) {
                    tokenManagerOf(client).clearToken();
                    assertThat(token(client)).isNotEmpty();
                }
                await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(health.health().getDetails()).containsEntry("tokens", "local"));
                assertThat(health.health().getStatus()).isEqualTo(Status.UP);
            });
    }

    @Test
    void anApplicationsOwnTokenStoreIsTheOneTheManagersUse() {
        runner().withUserConfiguration(OwnStore.class).withPropertyValues("twilio.token-store.type=redis")
            .run((context) -> {
                assertThat(context).hasNotFailed().doesNotHaveBean(RedisTokenStore.class);
                assertThat(context.getBean(TokenManagerSettings.class).tokenStore())
                    .isSameAs(context.getBean(OwnStore.class));
                token(context.getBean(TwilioClient.class));
                assertThat(context.getBean(OwnStore.class).slots).containsExactly("api " + CLIENT_ID);
            });
    }

    @Test
    void typeRedisWithoutSpringDataRedisFailsNamingTheProperty() {
        runner().withClassLoader(new FilteredClassLoader(RedisConnectionFactory.class))
            .withPropertyValues("twilio.token-store.type=redis")
            .run((context) -> assertThat(context).getFailure()
                .rootCause()
                .isInstanceOfSatisfying(TwilioConfigurationException.class, (failure) -> {
                    assertThat(failure.getProperty()).isEqualTo("twilio.token-store.type");
                    assertThat(failure.getAction()).contains("spring-boot-starter-data-redis");
                }));
    }

    @Test
    void anEncryptionKeyShorterThan256BitsFailsNamingThePropertyButNotTheKey() {
        String key = Base64.getEncoder().encodeToString("XSECRETX-16bytes".getBytes());
        runner().withPropertyValues("twilio.token-store.type=redis", "twilio.token-store.encryption-key=" + key)
            .run((context) -> assertThat(context).getFailure()
                .rootCause()
                .isInstanceOfSatisfying(TwilioConfigurationException.class, (failure) -> {
                    assertThat(failure.getProperty()).isEqualTo("twilio.token-store.encryption-key");
                    assertThat(failure.getMessage())
                        .isEqualTo("The encryption key has 128 bits but needs at least 256.")
                        .doesNotContain(key);
                    assertThat(failure.getAction()).contains("openssl rand -base64 32");
                }));
    }

    @Test
    void aConfiguredEncryptionKeySealsTheTokensOfEveryClient() {
        String key = Base64.getEncoder().encodeToString(new byte[32]);
        LettuceConnectionFactory connectionFactory = RedisContents.connectionFactory(redis);
        try {
            RedisContents.flush(connectionFactory);
            runner().withPropertyValues("twilio.token-store.type=redis", "twilio.token-store.encryption-key=" + key)
                .run((context) -> {
                    String token = token(context.getBean(TwilioClient.class));
                    String fingerprint = StoreCipher.fromBase64Key(key, RedisTokenStore.PURPOSE).fingerprint();
                    await().atMost(Duration.ofSeconds(10))
                        .untilAsserted(() -> assertThat(RedisContents.everything(connectionFactory))
                            .hasSize(1)
                            .allSatisfy((name, value) -> assertThat(name).startsWith("twilio:token:{" + fingerprint + ":")));
                    assertThat(token).isNotEmpty();
                });
        }
        finally {
            connectionFactory.destroy();
        }
    }

    private static String token(TwilioClient client) {
        return tokenManagerOf(client).getToken();
    }

    private static TokenManager tokenManagerOf(TwilioClient client) {
        return ((TokenAuthStrategy) client.getAuthStrategy()).getTokenManager();
    }

    /** A store that shares nothing and records the slots asked for. */
    @Configuration(proxyBeanMethods = false)
    static class OwnStore implements TokenStore {

        final List<String> slots = new CopyOnWriteArrayList<>();

        @Override
        public Slot slot(String tokenType, TokenManagerOptions options, TokenManagerSettings settings) {
            this.slots.add(tokenType + " " + options.clientId());
            return (wanted, maxWait, pause) -> new Claim() {

                @Override
                public @Nullable SharedToken token() {
                    return null;
                }

                @Override
                public boolean leased() {
                    return false;
                }

                @Override
                public boolean waited() {
                    return false;
                }

                @Override
                public CompletableFuture<Void> publish(SharedToken token) {
                    return CompletableFuture.completedFuture(null);
                }

                @Override
                public CompletableFuture<Void> release() {
                    return CompletableFuture.completedFuture(null);
                }
            };
        }
    }
}
