package io.github.twilioauth.store;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class StoreCipherTest {

    private static final byte[] SECRET = "auth-token-of-the-account".getBytes(StandardCharsets.UTF_8);

    private static final byte[] KEY_NAME = "twilio:webhook:0123456789abcdef:delivery".getBytes(StandardCharsets.UTF_8);

    private static final byte[] VALUE = "<Response><Message>Hi</Message></Response>".getBytes(StandardCharsets.UTF_8);

    private final StoreCipher cipher = StoreCipher.derive(SECRET, "webhook-deliveries");

    @Test
    void decryptsWhatItEncryptedForTheSameKeyName() {
        byte[] sealed = this.cipher.encrypt(VALUE, KEY_NAME);

        assertThat(this.cipher.decrypt(sealed, KEY_NAME)).isEqualTo(VALUE);
    }

    @Test
    void encryptsTheSameValueDifferentlyEachTimeAndNeverInTheClear() {
        byte[] first = this.cipher.encrypt(VALUE, KEY_NAME);
        byte[] second = this.cipher.encrypt(VALUE, KEY_NAME);

        assertThat(first).isNotEqualTo(second).hasSize(12 + VALUE.length + 16);
        assertThat(new String(first, StandardCharsets.ISO_8859_1)).doesNotContain("Message");
    }

    @Test
    void aValueTamperedWithDoesNotDecrypt() {
        byte[] sealed = this.cipher.encrypt(VALUE, KEY_NAME);
        for (int i = 0; i < sealed.length; i++) {
            byte[] tampered = sealed.clone();
            tampered[i] ^= 1;

            assertThat(this.cipher.decrypt(tampered, KEY_NAME)).as("byte %d flipped", i).isNull();
        }
    }

    @Test
    void aValueMovedToAnotherKeyNameDoesNotDecrypt() {
        byte[] sealed = this.cipher.encrypt(VALUE, KEY_NAME);

        byte[] otherKeyName = "twilio:webhook:0123456789abcdef:other".getBytes(StandardCharsets.UTF_8);

        assertThat(this.cipher.decrypt(sealed, otherKeyName)).isNull();
    }

    @Test
    void aValueSealedWithAnotherSecretOrForAnotherPurposeDoesNotDecrypt() {
        byte[] sealed = this.cipher.encrypt(VALUE, KEY_NAME);

        assertThat(StoreCipher.derive("another-auth-token".getBytes(StandardCharsets.UTF_8), "webhook-deliveries")
            .decrypt(sealed, KEY_NAME)).isNull();
        assertThat(StoreCipher.derive(SECRET, "tokens").decrypt(sealed, KEY_NAME)).isNull();
    }

    @Test
    void whatIsNotASealedValueReadsAsNull() {
        assertThat(this.cipher.decrypt(new byte[0], KEY_NAME)).isNull();
        assertThat(this.cipher.decrypt(VALUE, KEY_NAME)).isNull();
    }

    @Test
    void theFingerprintIsStableTellsKeysApartAndShowsNoSecret() {
        String fingerprint = this.cipher.fingerprint();

        assertThat(fingerprint).matches("[0-9a-f]{16}")
            .isEqualTo(StoreCipher.derive(SECRET, "webhook-deliveries").fingerprint())
            .isNotEqualTo(StoreCipher.derive(SECRET, "tokens").fingerprint())
            .isNotEqualTo(StoreCipher.derive("another".getBytes(StandardCharsets.UTF_8), "webhook-deliveries")
                .fingerprint());
        assertThat(this.cipher.toString()).isEqualTo("StoreCipher[fingerprint=" + fingerprint + "]")
            .doesNotContain("auth-token");
    }

    @Test
    void aConfiguredKeyOf256BitsOrMoreIsTaken() {
        String key = Base64.getEncoder().encodeToString(new byte[32]);

        StoreCipher configured = StoreCipher.fromBase64Key(key, "webhook-deliveries");

        assertThat(configured.decrypt(configured.encrypt(VALUE, KEY_NAME), KEY_NAME)).isEqualTo(VALUE);
        assertThat(configured.fingerprint())
            .isEqualTo(StoreCipher.derive(new byte[32], "webhook-deliveries").fingerprint());
    }

    @Test
    void aConfiguredKeyShorterThan256BitsOrNotBase64IsRefusedWithoutShowingIt() {
        String shortKey = Base64.getEncoder().encodeToString("sixteen-byte-key".getBytes(StandardCharsets.US_ASCII));

        assertThatIllegalArgumentException().isThrownBy(() -> StoreCipher.fromBase64Key(shortKey, "p"))
            .withMessage("The encryption key has 128 bits but needs at least 256");
        assertThatIllegalArgumentException().isThrownBy(() -> StoreCipher.fromBase64Key("not*base64!", "p"))
            .withMessage("The encryption key is not Base64");
    }
}
