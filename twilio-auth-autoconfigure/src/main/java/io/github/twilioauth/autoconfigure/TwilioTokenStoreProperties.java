package io.github.twilioauth.autoconfigure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.Assert;

/**
 * Where the built-in token managers keep their tokens: the {@code twilio.token-store.*}
 * properties. {@link #toString()} masks the encryption key.
 */
@ConfigurationProperties("twilio.token-store")
public class TwilioTokenStoreProperties {

    /**
     * Where access tokens are kept: in this instance's memory, or in Redis, shared by every
     * instance through the application's RedisConnectionFactory, so that they make one token
     * request per client at a cold start and per renewal.
     */
    private Type type = Type.MEMORY;

    /**
     * Prefix of the names of the Redis keys of the tokens.
     */
    private String keyPrefix = "twilio:token:";

    /**
     * Maximum time each Redis command may take; past it, and while Redis keeps failing, each
     * instance requests its own tokens.
     */
    private Duration timeout = Duration.ofMillis(500);

    /**
     * Key that encrypts the tokens in Redis: Base64 of at least 256 random bits, the same on
     * every instance. Without it, each client's tokens are encrypted with a key derived from
     * its client secret.
     */
    @CredentialProperty
    private @Nullable String encryptionKey;

    public Type getType() {
        return this.type;
    }

    public void setType(Type type) {
        this.type = type;
    }

    public String getKeyPrefix() {
        return this.keyPrefix;
    }

    public void setKeyPrefix(String keyPrefix) {
        this.keyPrefix = keyPrefix;
    }

    public Duration getTimeout() {
        return this.timeout;
    }

    public void setTimeout(Duration timeout) {
        Assert.isTrue(timeout.compareTo(Duration.ofMillis(1)) >= 0, () -> "must be at least 1ms but was " + timeout);
        this.timeout = timeout;
    }

    public @Nullable String getEncryptionKey() {
        return this.encryptionKey;
    }

    public void setEncryptionKey(@Nullable String encryptionKey) {
        this.encryptionKey = encryptionKey;
    }

    @Override
    public String toString() {
        return "TwilioTokenStoreProperties[type=" + this.type + ", keyPrefix=" + this.keyPrefix + ", timeout="
                + this.timeout + ", encryptionKey=" + ProviderConfig.mask(this.encryptionKey) + "]";
    }

    /**
     * Where access tokens are kept.
     */
    public enum Type {

        /** In this instance's memory: each instance requests its own tokens. */
        MEMORY,

        /** In Redis, shared by every instance of the application. */
        REDIS
    }
}
