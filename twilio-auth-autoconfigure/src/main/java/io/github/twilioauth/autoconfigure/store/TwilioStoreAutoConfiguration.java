package io.github.twilioauth.autoconfigure.store;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * Auto-configuration of the stores the instances of an application share in Redis, through the
 * application's {@link RedisConnectionFactory} (Spring Boot's {@code spring.data.redis.*}): the
 * records of duplicate webhook deliveries, with
 * {@code twilio.webhook.deduplication.store=redis}. Each store connects when the application
 * starts.
 */
@AutoConfiguration(after = DataRedisAutoConfiguration.class)
@ConditionalOnClass(RedisConnectionFactory.class)
@Import(RedisDeliveryStoreConfiguration.class)
public final class TwilioStoreAutoConfiguration {

}
