package io.github.twilioauth.store;

import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

/**
 * One request's claim of a webhook delivery, from {@link DeliveryStore#claim}: acquired, it tells
 * the other deliveries with the same key that this one is being handled; it ends with the
 * response recorded ({@link #complete}) or with nothing recorded ({@link #release}), whichever
 * comes first. A claim not ended expires after the store's claim timeout.
 */
public interface DeliveryClaim {

    /**
     * Claims the delivery, unless the store has a record of it. A record that cannot be read
     * (tampered with, written by another version) is taken as absent.
     * @return {@code null} when this claim now holds the delivery, else the record found
     */
    CompletableFuture<@Nullable DeliveryRecord> acquire();

    /**
     * Records the response to the delivery in place of this claim, for the store's window, if
     * the claim still holds it.
     * @param response the response
     * @return completes when recorded, or when the claim no longer held the delivery
     */
    CompletableFuture<Void> complete(RecordedResponse response);

    /**
     * Removes this claim, if it still holds the delivery, so that a duplicate is handled.
     * @return completes when removed, or when the claim no longer held the delivery
     */
    CompletableFuture<Void> release();
}
