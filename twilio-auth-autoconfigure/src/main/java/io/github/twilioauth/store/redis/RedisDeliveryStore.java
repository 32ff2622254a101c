package io.github.twilioauth.store.redis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.twilioauth.store.DeliveryClaim;
import io.github.twilioauth.store.DeliveryKey;
import io.github.twilioauth.store.DeliveryRecord;
import io.github.twilioauth.store.DeliveryStore;
import io.github.twilioauth.store.RecordedResponse;
import io.github.twilioauth.store.StoreCipher;
import org.jspecify.annotations.Nullable;

import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisStringCommands.SetOption;
import org.springframework.data.redis.connection.ReturnType;
import org.springframework.data.redis.core.types.Expiration;

/**
 * A {@link DeliveryStore} on Redis, shared by every instance of the application, so that a retry
 * that lands on another instance is answered the same.
 * <p>
 * A record lives at {@code <prefix><fingerprint>:<delivery id>}: the fingerprint is that of the
 * encryption key, the id a hash of the account, the URL and the idempotency token. Its value is
 * the record encrypted with AES-GCM and the full key name as associated data, so Redis holds no
 * response, signature or secret in the clear, and a value moved to another key does not decrypt.
 * The key comes from the configured one or, without, from the Auth Token that validated the
 * delivery; with each Auth Token of a rotation, records go under a fingerprint of their own.
 * <p>
 * A claim is {@code SET NX PX} of an encrypted claim value; it is completed by a compare-and-set
 * and released by a compare-and-delete of that very value (Lua scripts, so each is one atomic
 * step): a claim that expired and was taken by another instance changes nothing. A value that
 * does not decrypt or parse is taken as absent, and a claim takes its place by compare-and-set.
 * Waiting for a claim polls its key, 10 ms apart at first, then up to 100 ms. Only commands of
 * Redis 6.2 are used.
 * <p>
 * Every command goes through the {@link RedisCommandExecutor}: bounded by its timeout, behind its
 * circuit breaker. The store owns its executor and closes it with itself. Thread-safe.
 */
public final class RedisDeliveryStore implements DeliveryStore, AutoCloseable {

    /** The purpose the encryption keys of delivery records are derived for. */
    public static final String PURPOSE = "webhook-deliveries";

    private static final byte[] COMPARE_AND_SET = ("if redis.call('GET', KEYS[1]) == ARGV[1] then "
            + "redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3]) return 1 end return 0")
        .getBytes(StandardCharsets.UTF_8);

    private static final long FIRST_POLL_MILLIS = 10;

    private static final long MAX_POLL_MILLIS = 100;

    // A claim that finds its key vanishing or changing under it tries again, this many times.
    private static final int CLAIM_ATTEMPTS = 3;

    private final RedisCommandExecutor redis;

    private final String keyPrefix;

    private final @Nullable StoreCipher cipher;

    private final long windowMillis;

    private final long claimMillis;

    /**
     * Creates a store.
     * @param redis runs the commands; closed with the store
     * @param keyPrefix what every key name starts with, such as {@code twilio:webhook:}
     * @param cipher the cipher of a configured key, or {@code null} to derive one from each
     * delivery's Auth Token
     * @param window how long a response is kept for duplicates
     * @param claimTimeout how long a claim holds a delivery at most
     */
    public RedisDeliveryStore(RedisCommandExecutor redis, String keyPrefix, @Nullable StoreCipher cipher,
            Duration window, Duration claimTimeout) {
        this.redis = redis;
        this.keyPrefix = keyPrefix;
        this.cipher = cipher;
        this.windowMillis = Math.max(1, window.toMillis());
        this.claimMillis = Math.max(1, claimTimeout.toMillis());
    }

    @Override
    public DeliveryClaim claim(DeliveryKey key, byte[] signatureHash) {
        Sealing sealing = sealing(key);
        return new RedisClaim(sealing, sealing.seal(new DeliveryRecord.InProgress(signatureHash)), signatureHash);
    }

    @Override
    public CompletableFuture<@Nullable DeliveryRecord> awaitCompletion(DeliveryKey key, Duration timeout) {
        return poll(sealing(key), System.nanoTime() + timeout.toNanos(), FIRST_POLL_MILLIS);
    }

    private CompletableFuture<@Nullable DeliveryRecord> poll(Sealing sealing, long deadline, long pollMillis) {
        return get(sealing).thenCompose((record) -> {
            long remainingMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (!(record instanceof DeliveryRecord.InProgress) || remainingMillis <= 0) {
                return CompletableFuture.completedFuture(record);
            }
            return CompletableFuture
                .runAsync(() -> {
                }, CompletableFuture.delayedExecutor(Math.min(pollMillis, remainingMillis), TimeUnit.MILLISECONDS))
                .thenCompose((ignored) -> poll(sealing, deadline, Math.min(2 * pollMillis, MAX_POLL_MILLIS)));
        });
    }

    private CompletableFuture<@Nullable DeliveryRecord> get(Sealing sealing) {
        return this.redis.execute((connection) -> connection.stringCommands().get(sealing.key))
            .thenApply((value) -> (value != null) ? sealing.open(value) : null);
    }

    private Sealing sealing(DeliveryKey key) {
        StoreCipher cipher = (this.cipher != null) ? this.cipher
                : StoreCipher.derive(key.authToken().getBytes(StandardCharsets.UTF_8), PURPOSE);
        String name = this.keyPrefix + cipher.fingerprint() + ":" + key.id();
        return new Sealing(cipher, name.getBytes(StandardCharsets.UTF_8));
    }

    private static Boolean compareAndSet(RedisConnection connection, byte[] key, byte[] expected, byte[] value,
            long millis) {
        Long swapped = connection.scriptingCommands().eval(COMPARE_AND_SET, ReturnType.INTEGER, 1, key, expected, value,
                Long.toString(millis).getBytes(StandardCharsets.US_ASCII));
        return swapped != null && swapped == 1;
    }

    /**
     * Closes the command executor.
     */
    @Override
    public void close() {
        this.redis.close();
    }

    @Override
    public String toString() {
        return "RedisDeliveryStore[" + this.keyPrefix + ", " + this.redis + "]";
    }

    /** A key name and the cipher of its values. */
    private record Sealing(StoreCipher cipher, byte[] key) {

        byte[] seal(DeliveryRecord record) {
            return this.cipher.encrypt(DeliveryRecordCodec.encode(record), this.key);
        }

        @Nullable DeliveryRecord open(byte[] value) {
            byte[] plaintext = this.cipher.decrypt(value, this.key);
            return (plaintext != null) ? DeliveryRecordCodec.decode(plaintext) : null;
        }
    }

    private final class RedisClaim implements DeliveryClaim {

        private final Sealing sealing;

        // The encrypted claim: unique to this claim (random nonce), so it tells this claim's value
        // from any other's in the compare-and-set and compare-and-delete.
        private final byte[] value;

        private final byte[] signatureHash;

        RedisClaim(Sealing sealing, byte[] value, byte[] signatureHash) {
            this.sealing = sealing;
            this.value = value;
            this.signatureHash = signatureHash;
        }

        @Override
        public CompletableFuture<@Nullable DeliveryRecord> acquire() {
            return acquire(CLAIM_ATTEMPTS);
        }

        private CompletableFuture<@Nullable DeliveryRecord> acquire(int attempts) {
            return RedisDeliveryStore.this.redis.execute(this::setIfAbsent)
                .thenCompose((claimed) -> Boolean.TRUE.equals(claimed) ? CompletableFuture.completedFuture(null)
                        : found(attempts));
        }

        // SET NX PX. Spring Data Redis 4.1 deprecates this form for one Boot 4.0's 4.0 lacks.
        @SuppressWarnings("deprecation")
        private Boolean setIfAbsent(RedisConnection connection) {
            return Boolean.TRUE.equals(connection.stringCommands()
                .set(this.sealing.key, this.value, Expiration.milliseconds(RedisDeliveryStore.this.claimMillis),
                        SetOption.SET_IF_ABSENT));
        }

        private CompletableFuture<@Nullable DeliveryRecord> found(int attempts) {
            byte[] key = this.sealing.key;
            return RedisDeliveryStore.this.redis.execute((connection) -> connection.stringCommands().get(key))
                .thenCompose((found) -> {
                    DeliveryRecord record = (found != null) ? this.sealing.open(found) : null;
                    if (record != null) {
                        return CompletableFuture.completedFuture(record);
                    }
                    if (attempts <= 1) {
                        return CompletableFuture.failedFuture(new IllegalStateException(
                                "The record of a delivery kept changing while it was claimed"));
                    }
                    if (found == null) {
                        return acquire(attempts - 1);
                    }
                    return RedisDeliveryStore.this.redis
                        .execute((connection) -> compareAndSet(connection, key, found, this.value,
                                RedisDeliveryStore.this.claimMillis))
                        .thenCompose((replaced) -> Boolean.TRUE.equals(replaced)
                                ? CompletableFuture.completedFuture(null) : acquire(attempts - 1));
                });
        }

        @Override
        public CompletableFuture<Void> complete(RecordedResponse response) {
            byte[] completed = this.sealing.seal(new DeliveryRecord.Completed(this.signatureHash, response));
            return RedisDeliveryStore.this.redis
                .execute((connection) -> compareAndSet(connection, this.sealing.key, this.value, completed,
                        RedisDeliveryStore.this.windowMillis))
                .thenApply((recorded) -> null);
        }

        @Override
        public CompletableFuture<Void> release() {
            return RedisDeliveryStore.this.redis
                .execute((connection) -> connection.scriptingCommands()
                    .eval(RedisScripts.COMPARE_AND_DELETE, ReturnType.INTEGER, 1, this.sealing.key, this.value))
                .thenApply((released) -> null);
        }
    }
}
