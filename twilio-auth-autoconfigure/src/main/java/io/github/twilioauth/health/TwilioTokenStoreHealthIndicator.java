package io.github.twilioauth.health;

import java.util.Objects;

import io.github.twilioauth.store.CircuitBreaker;
import io.github.twilioauth.store.redis.RedisTokenStore;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Reports the Redis token store: always {@code UP}, since a token store is never a reason for a
 * call to fail, with details {@code type} ({@code redis}), {@code keyPrefix},
 * {@code circuitBreaker} (the state of the breaker in front of Redis: {@code CLOSED},
 * {@code OPEN} or {@code HALF_OPEN}) and {@code tokens}: {@code shared} while Redis answers, or
 * {@code local} while it fails and each instance requests its own tokens. Never asks Redis
 * anything: the breaker knows how its last commands went.
 */
public final class TwilioTokenStoreHealthIndicator implements HealthIndicator {

    private final RedisTokenStore store;

    /**
     * Creates an indicator of the given store.
     * @param store the store to report
     */
    public TwilioTokenStoreHealthIndicator(RedisTokenStore store) {
        this.store = Objects.requireNonNull(store, "store must not be null");
    }

    @Override
    public Health health() {
        CircuitBreaker.State state = this.store.state();
        return Health.up()
            .withDetail("type", "redis")
            .withDetail("keyPrefix", this.store.keyPrefix())
            .withDetail("circuitBreaker", state.name())
            .withDetail("tokens", (state == CircuitBreaker.State.CLOSED) ? "shared" : "local")
            .build();
    }
}
