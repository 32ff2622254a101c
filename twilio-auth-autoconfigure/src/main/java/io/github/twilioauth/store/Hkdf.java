package io.github.twilioauth.store;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HKDF with HMAC-SHA256 (RFC 5869): extract a pseudorandom key from a secret, then expand it
 * into keys for distinct purposes, none of which reveals the secret or another.
 */
final class Hkdf {

    private static final String HMAC_SHA256 = "HmacSHA256";

    /** Length of an HMAC-SHA256 output, and so of a pseudorandom key, in bytes. */
    static final int HASH_LENGTH = 32;

    private Hkdf() {
    }

    /**
     * HKDF-Extract.
     * @param salt the salt; empty for none, which RFC 5869 reads as {@link #HASH_LENGTH} zeros
     * @param inputKeyMaterial the secret
     * @return the pseudorandom key, {@link #HASH_LENGTH} bytes
     */
    static byte[] extract(byte[] salt, byte[] inputKeyMaterial) {
        return hmac((salt.length > 0) ? salt : new byte[HASH_LENGTH]).doFinal(inputKeyMaterial);
    }

    /**
     * HKDF-Expand.
     * @param pseudorandomKey the key from {@link #extract}
     * @param info what the output is for
     * @param length the output length in bytes, at most 255 × {@link #HASH_LENGTH}
     * @return the output keying material
     */
    static byte[] expand(byte[] pseudorandomKey, byte[] info, int length) {
        if (length < 0 || length > 255 * HASH_LENGTH) {
            throw new IllegalArgumentException("HKDF output length must be between 0 and 8160 but was " + length);
        }
        Mac hmac = hmac(pseudorandomKey);
        byte[] output = new byte[length];
        byte[] block = new byte[0];
        for (int offset = 0, counter = 1; offset < length; offset += HASH_LENGTH, counter++) {
            hmac.update(block);
            hmac.update(info);
            hmac.update((byte) counter);
            block = hmac.doFinal();
            System.arraycopy(block, 0, output, offset, Math.min(HASH_LENGTH, length - offset));
        }
        return output;
    }

    private static Mac hmac(byte[] key) {
        try {
            Mac hmac = Mac.getInstance(HMAC_SHA256);
            hmac.init(new SecretKeySpec(key, HMAC_SHA256));
            return hmac;
        }
        catch (InvalidKeyException ex) {
            throw new IllegalArgumentException("Not a usable HMAC key", ex);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(HMAC_SHA256 + " is unavailable", ex);
        }
    }
}
