package io.github.twilioauth.autoconfigure.store;

import io.github.twilioauth.autoconfigure.TwilioAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * Auto-configuration of the stores the instances of an application share in Redis, through the
 * application's {@link RedisConnectionFactory} (Spring Boot's {@code spring.data.redis.*}): the
 * access tokens of the built-in token managers, with {@code twilio.token-store.type=redis}, and
 * its health indicator; the records of duplicate webhook deliveries, with
 * {@code twilio.webhook.deduplication.store=redis}. Each store connects when the application
 * starts. After {@link TwilioAutoConfiguration}, whose token engine the token store joins.
 */
@AutoConfiguration(after = { DataRedisAutoConfiguration.class, TwilioAutoConfiguration.class })
@ConditionalOnClass(RedisConnectionFactory.class)
@Import({ RedisTokenStoreConfiguration.class, RedisTokenStoreHealthConfiguration.class,
        RedisDeliveryStoreConfiguration.class })
public final class TwilioStoreAutoConfiguration {

}
