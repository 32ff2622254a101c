package io.github.twilioauth.autoconfigure.store;

import io.github.twilioauth.autoconfigure.TwilioTokenStoreProperties;
import io.github.twilioauth.store.StoreCipher;
import io.github.twilioauth.store.redis.RedisCommandExecutor;
import io.github.twilioauth.store.redis.RedisTokenStore;
import io.github.twilioauth.token.TokenManagerSettings;
import io.github.twilioauth.token.TokenStore;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * Access tokens shared in Redis, with {@code twilio.token-store.type=redis}: a
 * {@link RedisTokenStore} on its own {@link RedisCommandExecutor}, which it closes, connected at
 * startup. The {@link TokenManagerSettings} bean carries it to every built-in token manager.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "twilio.token-store.type", havingValue = "redis")
@ConditionalOnBean({ RedisConnectionFactory.class, TokenManagerSettings.class })
@EnableConfigurationProperties(TwilioTokenStoreProperties.class)
class RedisTokenStoreConfiguration {

    /**
     * How many Redis commands of the store run at once; more wait in a queue. Claims block a
     * token request's thread for one command at a time; publishing does not wait.
     */
    static final int THREADS = 8;

    @Bean
    @ConditionalOnMissingBean(TokenStore.class)
    RedisTokenStore twilioTokenStore(RedisConnectionFactory connectionFactory, TwilioTokenStoreProperties properties) {
        StoreCipher cipher = RedisStores.cipher(properties.getEncryptionKey(), "twilio.token-store.encryption-key",
                RedisTokenStore.PURPOSE, "each client's secret");
        RedisCommandExecutor redis = RedisStores.connect(connectionFactory, properties.getTimeout(),
                "twilio-token-redis", THREADS);
        return new RedisTokenStore(redis, properties.getKeyPrefix(), cipher);
    }
}
