/**
 * Stores on Redis, through the application's {@code RedisConnectionFactory} (Spring Data Redis,
 * an optional dependency): {@link io.github.twilioauth.store.redis.RedisCommandExecutor}, the one
 * way the stores talk to Redis, each command bounded by a timeout behind a circuit breaker, and
 * {@link io.github.twilioauth.store.redis.RedisDeliveryStore}.
 */
@NullMarked
package io.github.twilioauth.store.redis;

import org.jspecify.annotations.NullMarked;
