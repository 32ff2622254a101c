package io.github.twilioauth.autoconfigure.store;

import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.twilioauth.autoconfigure.TwilioConfigurationException;
import io.github.twilioauth.autoconfigure.webhook.TwilioWebhookAutoConfiguration;
import io.github.twilioauth.store.DeliveryStore;
import io.github.twilioauth.store.InMemoryDeliveryStore;
import io.github.twilioauth.store.redis.RedisDeliveryStore;
import io.github.twilioauth.webhook.WebhookDeduplicator;
import io.github.twilioauth.webhook.reactive.TwilioWebhookWebFilter;
import io.github.twilioauth.webhook.servlet.TwilioWebhookDeduplicationFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Duplicate webhook deliveries, wired: off by default, in memory when on, in Redis with
 * {@code store=redis}, and a clear startup failure when Redis cannot be had.
 */
@ExtendWith(OutputCaptureExtension.class)
class TwilioStoreAutoConfigurationTest {

    private static final AutoConfigurations WEBHOOKS = AutoConfigurations.of(DataRedisAutoConfiguration.class,
            TwilioStoreAutoConfiguration.class, TwilioWebhookAutoConfiguration.class);

    private final WebApplicationContextRunner servlet = new WebApplicationContextRunner()
        .withConfiguration(
                AutoConfigurations.of(DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class))
        .withConfiguration(WEBHOOKS)
        .withPropertyValues("twilio.webhook.auth-token=token");

    private final ReactiveWebApplicationContextRunner reactive = new ReactiveWebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(WebFluxAutoConfiguration.class))
        .withConfiguration(WEBHOOKS)
        .withPropertyValues("twilio.webhook.auth-token=token");

    @Test
    void isRegisteredInTheImportsFile() {
        assertThat(ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()))
            .contains(TwilioStoreAutoConfiguration.class.getName());
    }

    @Test
    void deduplicationIsOffByDefault() {
        this.servlet.run((context) -> assertThat(context).hasNotFailed()
            .doesNotHaveBean(WebhookDeduplicator.class)
            .doesNotHaveBean(DeliveryStore.class)
            .doesNotHaveBean(TwilioWebhookDeduplicationFilter.class));
    }

    @Test
    void onItRecordsInMemoryAndFiltersServletResponses() {
        this.servlet.withPropertyValues("twilio.webhook.deduplication.enabled=true")
            .run((context) -> assertThat(context).hasSingleBean(WebhookDeduplicator.class)
                .hasSingleBean(TwilioWebhookDeduplicationFilter.class)
                .getBean(DeliveryStore.class)
                .isInstanceOf(InMemoryDeliveryStore.class));
    }

    @Test
    void onItRecordsInMemoryForWebFluxWithoutTheServletFilter() {
        this.reactive.withPropertyValues("twilio.webhook.deduplication.enabled=true")
            .run((context) -> assertThat(context).hasSingleBean(WebhookDeduplicator.class)
                .hasSingleBean(TwilioWebhookWebFilter.class)
                .doesNotHaveBean(TwilioWebhookDeduplicationFilter.class)
                .getBean(DeliveryStore.class)
                .isInstanceOf(InMemoryDeliveryStore.class));
    }

    @Test
    void withStoreRedisItRecordsInRedisAndStartsWhileRedisIsDown(CapturedOutput output) {
        this.servlet
            .withPropertyValues("twilio.webhook.deduplication.enabled=true", "twilio.webhook.deduplication.store=redis",
                    "spring.data.redis.host=127.0.0.1", "spring.data.redis.port=1")
            .run((context) -> {
                assertThat(context).hasNotFailed().getBean(DeliveryStore.class).isInstanceOf(RedisDeliveryStore.class);
                assertThat(output).contains("twilio-webhook-redis: Redis did not answer PING at startup");
            });
    }

    @Test
    void anApplicationsOwnStoreWins() {
        this.servlet.withUserConfiguration(OwnStore.class)
            .withPropertyValues("twilio.webhook.deduplication.enabled=true", "twilio.webhook.deduplication.store=redis")
            .run((context) -> assertThat(context).getBean(DeliveryStore.class).isSameAs(OwnStore.STORE));
    }

    @Test
    void storeRedisWithoutSpringDataRedisFailsNamingTheProperty() {
        this.servlet.withClassLoader(new FilteredClassLoader(RedisConnectionFactory.class))
            .withPropertyValues("twilio.webhook.deduplication.enabled=true", "twilio.webhook.deduplication.store=redis")
            .run((context) -> assertThat(context).getFailure()
                .rootCause()
                .isInstanceOfSatisfying(TwilioConfigurationException.class, (failure) -> {
                    assertThat(failure.getProperty()).isEqualTo("twilio.webhook.deduplication.store");
                    assertThat(failure.getAction()).contains("spring-boot-starter-data-redis");
                }));
    }

    @Test
    void storeRedisWithoutAConnectionFactoryFailsNamingTheProperty() {
        new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DispatcherServletAutoConfiguration.class,
                    WebMvcAutoConfiguration.class, TwilioStoreAutoConfiguration.class,
                    TwilioWebhookAutoConfiguration.class))
            .withPropertyValues("twilio.webhook.auth-token=token", "twilio.webhook.deduplication.enabled=true",
                    "twilio.webhook.deduplication.store=redis")
            .run((context) -> assertThat(context).getFailure()
                .rootCause()
                .isInstanceOf(TwilioConfigurationException.class)
                .hasMessageContaining("RedisConnectionFactory"));
    }

    @Test
    void anEncryptionKeyShorterThan256BitsFailsNamingThePropertyButNotTheKey() {
        String key = Base64.getEncoder().encodeToString("XSECRETX-16bytes".getBytes());
        this.servlet
            .withPropertyValues("twilio.webhook.deduplication.enabled=true", "twilio.webhook.deduplication.store=redis",
                    "twilio.webhook.deduplication.encryption-key=" + key, "spring.data.redis.port=1")
            .run((context) -> assertThat(context).getFailure()
                .rootCause()
                .isInstanceOfSatisfying(TwilioConfigurationException.class, (failure) -> {
                    assertThat(failure.getProperty()).isEqualTo("twilio.webhook.deduplication.encryption-key");
                    assertThat(failure.getMessage())
                        .isEqualTo("The encryption key has 128 bits but needs at least 256.")
                        .doesNotContain(key);
                    assertThat(failure.getAction()).contains("openssl rand -base64 32");
                }));
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnStore {

        static final DeliveryStore STORE = new InMemoryDeliveryStore(Duration.ofMinutes(1), Duration.ofSeconds(1), 1024,
                System::nanoTime);

        @Bean
        DeliveryStore ownDeliveryStore() {
            return STORE;
        }
    }
}
