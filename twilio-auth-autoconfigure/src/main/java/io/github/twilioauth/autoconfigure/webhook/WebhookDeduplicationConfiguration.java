package io.github.twilioauth.autoconfigure.webhook;

import java.util.Locale;

import io.github.twilioauth.autoconfigure.TwilioConfigurationException;
import io.github.twilioauth.store.DeliveryStore;
import io.github.twilioauth.store.InMemoryDeliveryStore;
import io.github.twilioauth.webhook.TwilioWebhookValidator;
import io.github.twilioauth.webhook.WebhookDeduplicator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Duplicate webhook deliveries answered once, with {@code twilio.webhook.deduplication.enabled}:
 * the {@link WebhookDeduplicator} that the servlet and reactive adapters consult, on the
 * {@link DeliveryStore} of {@code twilio.webhook.deduplication.store}: in memory here, in Redis
 * from {@code TwilioStoreAutoConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("twilio.webhook.deduplication.enabled")
@Import(WebhookDeduplicationConfiguration.InMemoryStore.class)
class WebhookDeduplicationConfiguration {

    @Bean
    @ConditionalOnMissingBean
    WebhookDeduplicator twilioWebhookDeduplicator(ObjectProvider<DeliveryStore> stores,
            TwilioWebhookValidator validator, TwilioWebhookProperties properties) {
        TwilioWebhookProperties.Deduplication deduplication = properties.getDeduplication();
        DeliveryStore store = stores.getIfUnique();
        if (store == null) {
            throw new TwilioConfigurationException("twilio.webhook.deduplication.store",
                    "twilio.webhook.deduplication.store is " + deduplication.getStore().name().toLowerCase(Locale.ROOT)
                            + " but no store of webhook deliveries could be built: the Redis store needs Spring Data"
                            + " Redis and a RedisConnectionFactory bean.",
                    "Add spring-boot-starter-data-redis and point spring.data.redis.* at your Redis, or set"
                            + " twilio.webhook.deduplication.store=memory.");
        }
        return new WebhookDeduplicator(store, validator, deduplication.getWaitTimeout(), deduplication.getTimeout(),
                (int) Math.min(Integer.MAX_VALUE - 8, deduplication.getMaxResponseSize().toBytes()));
    }

    /**
     * The store in this instance's memory, the default.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "twilio.webhook.deduplication.store", havingValue = "memory", matchIfMissing = true)
    static class InMemoryStore {

        @Bean
        @ConditionalOnMissingBean
        DeliveryStore twilioWebhookDeliveryStore(TwilioWebhookProperties properties) {
            TwilioWebhookProperties.Deduplication deduplication = properties.getDeduplication();
            return new InMemoryDeliveryStore(deduplication.getWindow(), deduplication.getClaimTimeout(),
                    deduplication.getMaxInMemorySize().toBytes(), System::nanoTime);
        }
    }
}
