package io.github.twilioauth.store.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;

import io.github.twilioauth.store.CircuitBreaker;
import io.github.twilioauth.testsupport.MockTwilioOAuthApp;
import io.github.twilioauth.token.ApiTokenManager;
import io.github.twilioauth.token.TokenManagerSettings;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * Token managers of one OAuth app on as many instances of an application, each with a Redis
 * token store and an executor of its own, all on one Redis (or cluster); {@link #close()} closes
 * what they made, in reverse order. Each store gives up on a command after 1 s, and its breaker
 * opens after 3 failures for 200 ms.
 */
final class TokenStoreInstances implements AutoCloseable {

    private final RedisConnectionFactory connectionFactory;

    private final MockTwilioOAuthApp app;

    private final List<AutoCloseable> closeables = new ArrayList<>();

    private final List<RedisTokenStore> stores = new ArrayList<>();

    TokenStoreInstances(RedisConnectionFactory connectionFactory, MockTwilioOAuthApp app) {
        this.connectionFactory = connectionFactory;
        this.app = app;
    }

    /** Starts as many instances, observing nothing. */
    List<ApiTokenManager> start(int count) {
        return start(Collections.nCopies(count, null));
    }

    /** Starts as many instances as meter registries; a {@code null} registry observes nothing. */
    List<ApiTokenManager> start(List<SimpleMeterRegistry> meters) {
        List<ApiTokenManager> managers = new ArrayList<>();
        for (SimpleMeterRegistry registry : meters) {
            ObservationRegistry observations = ObservationRegistry.NOOP;
            if (registry != null) {
                observations = ObservationRegistry.create();
                observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(registry));
            }
            int instance = this.stores.size();
            RedisTokenStore store = new RedisTokenStore(new RedisCommandExecutor(this.connectionFactory,
                    Duration.ofSeconds(1), new CircuitBreaker(3, Duration.ofMillis(200), System::nanoTime),
                    "instance-" + instance + "-redis", 2), "twilio:token:", null);
            ExecutorService executor = Executors.newFixedThreadPool(2);
            ApiTokenManager manager = new ApiTokenManager(this.app.options().build(),
                    TokenManagerSettings.builder()
                        .executor(executor)
                        .tokenStore(store)
                        .observationRegistry(observations)
                        .build());
            this.closeables.add(store);
            this.closeables.add(executor::shutdownNow);
            this.closeables.add(manager);
            this.stores.add(store);
            managers.add(manager);
        }
        return managers;
    }

    /** The stores of the instances started, in their order. */
    List<RedisTokenStore> stores() {
        return Collections.unmodifiableList(this.stores);
    }

    @Override
    public void close() throws Exception {
        for (int i = this.closeables.size() - 1; i >= 0; i--) {
            this.closeables.get(i).close();
        }
        this.closeables.clear();
        this.stores.clear();
    }
}
