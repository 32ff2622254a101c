package io.github.twilioauth.store;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

/**
 * Where webhook deliveries are claimed while they are handled and their responses recorded, for
 * their duplicates: in this JVM ({@link InMemoryDeliveryStore}) or shared by every instance of the
 * application ({@link io.github.twilioauth.store.redis.RedisDeliveryStore}).
 * <p>
 * Every future a store returns completes, normally or exceptionally, within a bound of the
 * store's own (a timeout per command) or the one given; an exceptional completion means the store
 * failed, and the request is handled as if it had no record. Thread-safe.
 */
public interface DeliveryStore {

    /**
     * Prepares a claim of a delivery; nothing is stored until {@link DeliveryClaim#acquire()}.
     * @param key the delivery
     * @param signatureHash the SHA-256 of the request's signature, which the records bind to
     * @return the claim
     */
    DeliveryClaim claim(DeliveryKey key, byte[] signatureHash);

    /**
     * Waits for a delivery that is being handled to be answered.
     * @param key the delivery
     * @param timeout how long to wait at most
     * @return the record once it is no longer {@link DeliveryRecord.InProgress} ({@code null}
     * when the claim was released or expired), or the record as it is at the timeout
     */
    CompletableFuture<@Nullable DeliveryRecord> awaitCompletion(DeliveryKey key, Duration timeout);
}
