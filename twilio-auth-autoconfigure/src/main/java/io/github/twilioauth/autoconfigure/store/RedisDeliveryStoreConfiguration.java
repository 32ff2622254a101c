package io.github.twilioauth.autoconfigure.store;

import java.time.Duration;

import io.github.twilioauth.autoconfigure.TwilioConfigurationException;
import io.github.twilioauth.autoconfigure.webhook.TwilioWebhookProperties;
import io.github.twilioauth.store.CircuitBreaker;
import io.github.twilioauth.store.DeliveryStore;
import io.github.twilioauth.store.StoreCipher;
import io.github.twilioauth.store.redis.RedisCommandExecutor;
import io.github.twilioauth.store.redis.RedisDeliveryStore;
import org.jspecify.annotations.Nullable;

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

    /** Failures in a row after which Redis is left alone for {@link #OPEN_DURATION}. */
    static final int FAILURES_TO_OPEN = 3;

    /** How long Redis is left alone after it kept failing, before one request probes it. */
    static final Duration OPEN_DURATION = Duration.ofSeconds(2);

    /** How many Redis commands of the store run at once; more wait in a queue. */
    static final int THREADS = 4;

    private static final String ENCRYPTION_KEY = "twilio.webhook.deduplication.encryption-key";

    @Bean
    @ConditionalOnMissingBean
    DeliveryStore twilioWebhookDeliveryStore(RedisConnectionFactory connectionFactory,
            TwilioWebhookProperties properties) {
        TwilioWebhookProperties.Deduplication deduplication = properties.getDeduplication();
        StoreCipher cipher = cipher(deduplication.getEncryptionKey());
        RedisCommandExecutor redis = new RedisCommandExecutor(connectionFactory, deduplication.getTimeout(),
                new CircuitBreaker(FAILURES_TO_OPEN, OPEN_DURATION, System::nanoTime), "twilio-webhook-redis",
                THREADS);
        redis.connect();
        return new RedisDeliveryStore(redis, deduplication.getKeyPrefix(), cipher, deduplication.getWindow(),
                deduplication.getClaimTimeout());
    }

    private static @Nullable StoreCipher cipher(@Nullable String encryptionKey) {
        if (encryptionKey == null || encryptionKey.isBlank()) {
            return null;
        }
        try {
            return StoreCipher.fromBase64Key(encryptionKey, RedisDeliveryStore.PURPOSE);
        }
        catch (IllegalArgumentException ex) {
            throw new TwilioConfigurationException(ENCRYPTION_KEY, ex.getMessage() + ".",
                    "Set " + ENCRYPTION_KEY + " to the Base64 of 32 random bytes (such as the output of"
                            + " 'openssl rand -base64 32'), the same on every instance, or remove it to derive the key"
                            + " from each webhook's Auth Token.");
        }
    }
}
