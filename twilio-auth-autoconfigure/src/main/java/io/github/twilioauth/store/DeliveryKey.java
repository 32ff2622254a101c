package io.github.twilioauth.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import org.jspecify.annotations.Nullable;

/**
 * Identifies a webhook delivery for a {@link DeliveryStore}: the account it is for, the URL Twilio
 * signed and its {@code I-Twilio-Idempotency-Token}, which Twilio sends again with each retry. The
 * token is not signed, so the account and the URL keep one tenant's deliveries from answering
 * another's.
 * <p>
 * It also carries the Auth Token that validated the delivery, from which a store that encrypts
 * derives its key when none is configured. Immutable; {@link #toString()} shows the
 * {@link #id()} only.
 */
public final class DeliveryKey {

    private final String id;

    private final String authToken;

    private DeliveryKey(String id, String authToken) {
        this.id = id;
        this.authToken = authToken;
    }

    /**
     * Creates the key of a delivery.
     * @param accountSid the account the request is for, {@code null} when it carries none (as JSON
     * webhooks do)
     * @param url the URL Twilio signed
     * @param idempotencyToken the {@code I-Twilio-Idempotency-Token} header
     * @param authToken the Auth Token whose signature the request carries
     * @return the key
     */
    public static DeliveryKey of(@Nullable String accountSid, String url, String idempotencyToken, String authToken) {
        MessageDigest sha256 = sha256();
        for (String part : new String[] { (accountSid != null) ? accountSid : "", url, idempotencyToken }) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            // Length-prefixed, so that no two different triples hash the same bytes.
            sha256.update(new byte[] { (byte) (bytes.length >>> 24), (byte) (bytes.length >>> 16),
                    (byte) (bytes.length >>> 8), (byte) bytes.length });
            sha256.update(bytes);
        }
        return new DeliveryKey(Base64.getUrlEncoder().withoutPadding().encodeToString(sha256.digest()), authToken);
    }

    /**
     * Returns the SHA-256 of a signature, as a {@link DeliveryRecord} holds it.
     * @param signature the {@code X-Twilio-Signature} header
     * @return the hash
     */
    public static byte[] signatureHash(String signature) {
        return sha256().digest(signature.getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is unavailable", ex);
        }
    }

    /**
     * Returns the identifier of the delivery: the Base64url SHA-256 of its account, URL and
     * idempotency token, 43 characters whatever their length.
     * @return the identifier
     */
    public String id() {
        return this.id;
    }

    /**
     * Returns the Auth Token that validated the delivery: a secret, never to be logged or stored.
     * @return the Auth Token
     */
    public String authToken() {
        return this.authToken;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof DeliveryKey that && this.id.equals(that.id);
    }

    @Override
    public int hashCode() {
        return this.id.hashCode();
    }

    @Override
    public String toString() {
        return "DeliveryKey[" + this.id + "]";
    }
}
