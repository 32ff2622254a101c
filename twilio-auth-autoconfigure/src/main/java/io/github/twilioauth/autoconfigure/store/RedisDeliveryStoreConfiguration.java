package io.github.twilioauth.autoconfigure.store;

import io.github.twilioauth.autoconfigure.webhook.TwilioWebhookProperties;
import io.github.twilioauth.store.DeliveryStore;
import io.github.twilioauth.store.StoreCipher;
import io.github.twilioauth.store.redis.RedisCommandExecutor;
import io.github.twilioauth.store.redis.RedisDeliveryStore;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * The records of duplicate webhook deliveries in Redis, with
 * {@code twilio.webhook.deduplication.store=redis}: a {@link RedisDeliveryStore} on its own
 * {@link RedisCommandExecutor}, which it closes, connected at startup.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@ConditionalOnBooleanProperty(name = "twilio.webhook.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty("twilio.webhook.deduplication.enabled")
@ConditionalOnProperty(name = "twilio.webhook.deduplication.store", havingValue = "redis")
@ConditionalOnBean(RedisConnectionFactory.class)
@EnableConfigurationProperties(TwilioWebhookProperties.class)
class RedisDeliveryStoreConfiguration {

    /** How many Redis commands of the store run at once; more wait in a queue. */
    static final int THREADS = 4;

    @Bean
    @ConditionalOnMissingBean
    DeliveryStore twilioWebhookDeliveryStore(RedisConnectionFactory connectionFactory,
            TwilioWebhookProperties properties) {
        TwilioWebhookProperties.Deduplication deduplication = properties.getDeduplication();
        StoreCipher cipher = RedisStores.cipher(deduplication.getEncryptionKey(),
                "twilio.webhook.deduplication.encryption-key", RedisDeliveryStore.PURPOSE, "each webhook's Auth Token");
        RedisCommandExecutor redis = RedisStores.connect(connectionFactory, deduplication.getTimeout(),
                "twilio-webhook-redis", THREADS);
        return new RedisDeliveryStore(redis, deduplication.getKeyPrefix(), cipher, deduplication.getWindow(),
                deduplication.getClaimTimeout());
    }
}
