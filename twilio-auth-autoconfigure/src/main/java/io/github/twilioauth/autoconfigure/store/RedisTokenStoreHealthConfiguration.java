package io.github.twilioauth.autoconfigure.store;

import io.github.twilioauth.health.TwilioTokenStoreHealthIndicator;
import io.github.twilioauth.store.redis.RedisTokenStore;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The health component {@code twilioTokenStore} of the Redis token store, when Spring Boot's
 * health support is on the classpath. Disabled with
 * {@code management.health.twilio-token-store.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass({ HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean(RedisTokenStore.class)
@ConditionalOnEnabledHealthIndicator("twilio-token-store")
class RedisTokenStoreHealthConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "twilioTokenStoreHealthIndicator")
    TwilioTokenStoreHealthIndicator twilioTokenStoreHealthIndicator(RedisTokenStore store) {
        return new TwilioTokenStoreHealthIndicator(store);
    }
}
