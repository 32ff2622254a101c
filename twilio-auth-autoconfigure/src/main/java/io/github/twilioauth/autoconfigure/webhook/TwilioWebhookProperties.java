package io.github.twilioauth.autoconfigure.webhook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.twilioauth.autoconfigure.CredentialProperty;
import io.github.twilioauth.autoconfigure.TwilioProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.Assert;
import org.springframework.util.unit.DataSize;

/**
 * Validation of requests from Twilio: the {@code twilio.webhook.*} properties, with the Auth
 * Tokens of the single client's account. Each tenant's are {@code twilio.tenants.<name>.webhook.*}.
 * <p>
 * {@link #toString()} masks both Auth Tokens.
 */
@ConfigurationProperties("twilio.webhook")
public class TwilioWebhookProperties extends TwilioProperties.WebhookAuthTokens {

    /**
     * Whether to validate the X-Twilio-Signature of requests to @TwilioWebhook handlers and to
     * the configured paths. Turn off for local development only.
     */
    private boolean enabled = true;

    /**
     * Public URL that Twilio requests, such as 'https://hooks.example.com', for a proxy that
     * rewrites more than forwarded headers tell. It replaces the scheme, host and port of the
     * request URL; its path, if any, goes before the request's path.
     */
    private @Nullable String baseUrl;

    /**
     * Path patterns within the application, such as '/twilio/**', whose requests are validated
     * whatever their handler, besides @TwilioWebhook handlers.
     */
    private List<String> paths = new ArrayList<>();

    /**
     * Maximum size of a webhook body read to check it; a larger body is rejected. With Spring
     * MVC it applies to bodies that are not forms, whose size the server limits.
     */
    private DataSize maxBodySize = DataSize.ofMegabytes(1);

    private final Deduplication deduplication = new Deduplication();

    public boolean isEnabled() {
        return this.enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public @Nullable String getBaseUrl() {
        return this.baseUrl;
    }

    public void setBaseUrl(@Nullable String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public List<String> getPaths() {
        return this.paths;
    }

    public void setPaths(List<String> paths) {
        this.paths = paths;
    }

    public DataSize getMaxBodySize() {
        return this.maxBodySize;
    }

    public void setMaxBodySize(DataSize maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    public Deduplication getDeduplication() {
        return this.deduplication;
    }

    @Override
    public String toString() {
        return "TwilioWebhookProperties[enabled=" + this.enabled + ", baseUrl=" + this.baseUrl + ", paths="
                + this.paths + ", maxBodySize=" + this.maxBodySize + ", " + super.toString() + "]";
    }

    /**
     * Answering a repeated delivery of a webhook once: the
     * {@code twilio.webhook.deduplication.*} properties.
     */
    public static class Deduplication {

        /**
         * Whether to answer a repeated delivery of a webhook (the same I-Twilio-Idempotency-Token
         * and signature) with the first delivery's response instead of calling the handler again.
         */
        private boolean enabled;

        /**
         * Where deliveries are recorded: in this instance's memory, or in Redis, shared by every
         * instance through the application's RedisConnectionFactory.
         */
        private Store store = Store.MEMORY;

        /**
         * How long a delivery's response is replayed to its duplicates.
         */
        private Duration window = Duration.ofMinutes(10);

        /**
         * Maximum size of a response body recorded for replay; a larger response is not
         * recorded, and its duplicates are handled again.
         */
        private DataSize maxResponseSize = DataSize.ofKilobytes(64);

        /**
         * Maximum time a duplicate waits for the first delivery while it is still being handled;
         * past it, the duplicate is answered 409 with Retry-After.
         */
        private Duration waitTimeout = Duration.ofSeconds(5);

        /**
         * Maximum time a delivery being handled holds its claim; past it, as when the instance
         * handling it stopped, a duplicate is handled again.
         */
        private Duration claimTimeout = Duration.ofSeconds(30);

        /**
         * Maximum memory the in-memory records take, response bodies included; past it, the
         * least recently used go first.
         */
        private DataSize maxInMemorySize = DataSize.ofMegabytes(16);

        /**
         * Maximum time each Redis command may take; past it, and while Redis keeps failing,
         * requests are handled without deduplication.
         */
        private Duration timeout = Duration.ofMillis(500);

        /**
         * Prefix of the names of the Redis keys of the records.
         */
        private String keyPrefix = "twilio:webhook:";

        /**
         * Key that encrypts the records in Redis: Base64 of at least 256 random bits. Without
         * it, each record is encrypted with a key derived from the Auth Token that validated the
         * delivery.
         */
        @CredentialProperty
        private @Nullable String encryptionKey;

        public boolean isEnabled() {
            return this.enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Store getStore() {
            return this.store;
        }

        public void setStore(Store store) {
            this.store = store;
        }

        public Duration getWindow() {
            return this.window;
        }

        public void setWindow(Duration window) {
            Assert.isTrue(window.compareTo(Duration.ofMillis(1)) >= 0, () -> "must be at least 1ms but was " + window);
            this.window = window;
        }

        public DataSize getMaxResponseSize() {
            return this.maxResponseSize;
        }

        public void setMaxResponseSize(DataSize maxResponseSize) {
            Assert.isTrue(!maxResponseSize.isNegative(), () -> "must not be negative but was " + maxResponseSize);
            this.maxResponseSize = maxResponseSize;
        }

        public Duration getWaitTimeout() {
            return this.waitTimeout;
        }

        public void setWaitTimeout(Duration waitTimeout) {
            Assert.isTrue(!waitTimeout.isNegative(), () -> "must not be negative but was " + waitTimeout);
            this.waitTimeout = waitTimeout;
        }

        public Duration getClaimTimeout() {
            return this.claimTimeout;
        }

        public void setClaimTimeout(Duration claimTimeout) {
            Assert.isTrue(claimTimeout.compareTo(Duration.ofMillis(1)) >= 0,
                    () -> "must be at least 1ms but was " + claimTimeout);
            this.claimTimeout = claimTimeout;
        }

        public DataSize getMaxInMemorySize() {
            return this.maxInMemorySize;
        }

        public void setMaxInMemorySize(DataSize maxInMemorySize) {
            Assert.isTrue(!maxInMemorySize.isNegative(), () -> "must not be negative but was " + maxInMemorySize);
            this.maxInMemorySize = maxInMemorySize;
        }

        public Duration getTimeout() {
            return this.timeout;
        }

        public void setTimeout(Duration timeout) {
            Assert.isTrue(timeout.compareTo(Duration.ofMillis(1)) >= 0,
                    () -> "must be at least 1ms but was " + timeout);
            this.timeout = timeout;
        }

        public String getKeyPrefix() {
            return this.keyPrefix;
        }

        public void setKeyPrefix(String keyPrefix) {
            this.keyPrefix = keyPrefix;
        }

        public @Nullable String getEncryptionKey() {
            return this.encryptionKey;
        }

        public void setEncryptionKey(@Nullable String encryptionKey) {
            this.encryptionKey = encryptionKey;
        }
    }

    /**
     * Where webhook deliveries are recorded.
     */
    public enum Store {

        /** In this instance's memory: a duplicate is caught when it lands on the same instance. */
        MEMORY,

        /** In Redis, shared by every instance of the application. */
        REDIS
    }
}
