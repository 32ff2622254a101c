package io.github.twilioauth.autoconfigure.store;

import java.time.Duration;

import io.github.twilioauth.autoconfigure.TwilioConfigurationException;
import io.github.twilioauth.store.CircuitBreaker;
import io.github.twilioauth.store.StoreCipher;
import io.github.twilioauth.store.redis.RedisCommandExecutor;
import org.jspecify.annotations.Nullable;

import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * What every Redis store of the starter is built from: its command executor behind a circuit
 * breaker, connected at startup, and the cipher of a configured encryption key.
 */
final class RedisStores {

    /** Failures in a row after which Redis is left alone for {@link #OPEN_DURATION}. */
    static final int FAILURES_TO_OPEN = 3;

    /** How long Redis is left alone after it kept failing, before one command probes it. */
    static final Duration OPEN_DURATION = Duration.ofSeconds(2);

    private RedisStores() {
    }

    /**
     * Creates a store's command executor and connects it: a Redis that does not answer is logged
     * and asked again later, and the application starts all the same.
     * @param connectionFactory the application's connections to Redis
     * @param timeout how long one command may take
     * @param name the prefix of the executor's threads' names and the subject of its log lines
     * @param threads how many commands may run at once
     * @return the executor, which the store closes
     */
    static RedisCommandExecutor connect(RedisConnectionFactory connectionFactory, Duration timeout, String name,
            int threads) {
        RedisCommandExecutor redis = new RedisCommandExecutor(connectionFactory, timeout,
                new CircuitBreaker(FAILURES_TO_OPEN, OPEN_DURATION, System::nanoTime), name, threads);
        redis.connect();
        return redis;
    }

    /**
     * Returns the cipher of a configured encryption key.
     * @param encryptionKey the key's property value, or {@code null}
     * @param property the key's property, for the failure
     * @param purpose what the cipher seals
     * @param withoutKey where the key comes from when the property is removed, for the failure's action
     * @return the cipher, or {@code null} when no key is configured
     * @throws TwilioConfigurationException when the key is not Base64 of at least 256 bits
     */
    static @Nullable StoreCipher cipher(@Nullable String encryptionKey, String property, String purpose,
            String withoutKey) {
        if (encryptionKey == null || encryptionKey.isBlank()) {
            return null;
        }
        try {
            return StoreCipher.fromBase64Key(encryptionKey, purpose);
        }
        catch (IllegalArgumentException ex) {
            throw new TwilioConfigurationException(property, ex.getMessage() + ".",
                    "Set " + property + " to the Base64 of 32 random bytes (such as the output of"
                            + " 'openssl rand -base64 32'), the same on every instance, or remove it to derive the key"
                            + " from " + withoutKey + ".");
        }
    }
}
