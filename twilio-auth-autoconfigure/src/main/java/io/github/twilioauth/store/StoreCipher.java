package io.github.twilioauth.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * Encrypts what a shared store keeps at rest, so that the store alone reveals nothing: AES-256-GCM
 * with a key derived by HKDF-SHA256 (RFC 5869) from a secret every instance holds (a configured
 * encryption key, or the credential the record is about) and a purpose, so that one secret gives
 * unrelated keys to unrelated stores.
 * <p>
 * The caller passes the full key name of a record as associated data: a value copied under
 * another name does not decrypt. Names should carry the {@link #fingerprint()}, so that
 * instances on an old and a new secret during a rotation keep separate records instead of
 * overwriting each other's. A value that does not decrypt, tampered with or written with
 * another key, is {@code null}, never an error: a store treats it as absent.
 * <p>
 * Each value has a random 96-bit nonce, so a key may seal up to about 2<sup>32</sup> values.
 * Immutable and thread-safe. {@link #toString()} shows the fingerprint only.
 */
public final class StoreCipher {

    /** Shortest configured key, in bytes: 256 bits. */
    public static final int MIN_KEY_LENGTH = 32;

    private static final byte[] SALT = "twilio-auth-spring-boot store".getBytes(StandardCharsets.UTF_8);

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private static final int NONCE_LENGTH = 12;

    private static final int TAG_BITS = 128;

    private static final int FINGERPRINT_LENGTH = 8;

    private static final SecureRandom NONCES = new SecureRandom();

    private final SecretKeySpec key;

    private final String fingerprint;

    private StoreCipher(byte[] key, byte[] fingerprint) {
        this.key = new SecretKeySpec(key, "AES");
        this.fingerprint = HexFormat.of().formatHex(fingerprint);
    }

    /**
     * Derives the cipher of a purpose from a secret.
     * @param secret the secret, such as an Auth Token or client secret; any length but empty
     * @param purpose what the cipher seals, such as {@code webhook-deliveries}: one secret gives
     * unrelated keys to different purposes
     * @return the cipher
     */
    public static StoreCipher derive(byte[] secret, String purpose) {
        if (secret.length == 0) {
            throw new IllegalArgumentException("The secret to derive a store key from must not be empty");
        }
        byte[] pseudorandomKey = Hkdf.extract(SALT, secret);
        return new StoreCipher(Hkdf.expand(pseudorandomKey, info(purpose, "aes-256-gcm"), 32),
                Hkdf.expand(pseudorandomKey, info(purpose, "fingerprint"), FINGERPRINT_LENGTH));
    }

    /**
     * Derives the cipher of a purpose from a configured key.
     * @param base64Key the key, Base64 of at least {@value #MIN_KEY_LENGTH} random bytes
     * @param purpose what the cipher seals
     * @return the cipher
     * @throws IllegalArgumentException if the key is not Base64 or shorter than 256 bits; the
     * message does not contain the key
     */
    public static StoreCipher fromBase64Key(String base64Key, String purpose) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64Key.trim());
        }
        catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("The encryption key is not Base64");
        }
        if (key.length < MIN_KEY_LENGTH) {
            throw new IllegalArgumentException("The encryption key has " + key.length * 8
                    + " bits but needs at least " + MIN_KEY_LENGTH * 8);
        }
        return derive(key, purpose);
    }

    private static byte[] info(String purpose, String use) {
        return (purpose + " " + use).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Returns a fingerprint of the derived key, to put in key names: 16 hex digits from which
     * neither the key nor the secret can be recovered.
     * @return the fingerprint
     */
    public String fingerprint() {
        return this.fingerprint;
    }

    /**
     * Encrypts a value.
     * @param plaintext the value
     * @param associatedData what the value is bound to, the full key name it is stored under
     * @return the nonce followed by the ciphertext and its tag
     */
    public byte[] encrypt(byte[] plaintext, byte[] associatedData) {
        byte[] nonce = new byte[NONCE_LENGTH];
        NONCES.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, associatedData);
            ByteBuffer sealed = ByteBuffer.allocate(NONCE_LENGTH + cipher.getOutputSize(plaintext.length));
            sealed.put(nonce);
            cipher.doFinal(ByteBuffer.wrap(plaintext), sealed);
            return sealed.array();
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(TRANSFORMATION + " is unavailable", ex);
        }
    }

    /**
     * Decrypts a value.
     * @param sealed what {@link #encrypt} returned
     * @param associatedData what the value was bound to
     * @return the value, or {@code null} when it does not decrypt: tampered with, sealed with
     * another key or bound to other data, or not a sealed value at all
     */
    public byte @Nullable [] decrypt(byte[] sealed, byte[] associatedData) {
        if (sealed.length < NONCE_LENGTH + TAG_BITS / 8) {
            return null;
        }
        try {
            return cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(sealed, NONCE_LENGTH), associatedData)
                .doFinal(sealed, NONCE_LENGTH, sealed.length - NONCE_LENGTH);
        }
        catch (GeneralSecurityException ex) {
            return null;
        }
    }

    private Cipher cipher(int mode, byte[] nonce, byte[] associatedData) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, this.key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(associatedData);
        return cipher;
    }

    @Override
    public String toString() {
        return "StoreCipher[fingerprint=" + this.fingerprint + "]";
    }
}
