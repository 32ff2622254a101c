package io.github.twilioauth.store;

import java.security.MessageDigest;

/**
 * What a {@link DeliveryStore} holds about a webhook delivery that another request claimed: that
 * it is being handled, or the response it was answered with. Either is bound to the hash of the
 * {@code X-Twilio-Signature} of the request that made it: a request with the same idempotency
 * token but another signature is not a duplicate of it.
 */
public sealed interface DeliveryRecord permits DeliveryRecord.InProgress, DeliveryRecord.Completed {

    /**
     * Returns the SHA-256 of the signature of the request that made the record.
     * @return the hash; not to be changed
     */
    byte[] signatureHash();

    /**
     * Returns whether a request with this signature hash is a duplicate of the one that made the
     * record. Compares in constant time.
     * @param signatureHash the SHA-256 of the request's signature
     * @return whether the hashes are equal
     */
    default boolean isFor(byte[] signatureHash) {
        return MessageDigest.isEqual(signatureHash(), signatureHash);
    }

    /**
     * The delivery is being handled.
     * @param signatureHash the SHA-256 of the signature of the request being handled
     */
    record InProgress(byte[] signatureHash) implements DeliveryRecord {

        @Override
        public String toString() {
            return "InProgress";
        }
    }

    /**
     * The delivery was answered with a response, which its duplicates get.
     * @param signatureHash the SHA-256 of the signature of the request answered
     * @param response the response
     */
    record Completed(byte[] signatureHash, RecordedResponse response) implements DeliveryRecord {

        @Override
        public String toString() {
            return "Completed[" + this.response + "]";
        }
    }
}
