package io.github.twilioauth.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Twilio-Signature} algorithm: Base64 of the HMAC-SHA1, keyed with an account's
 * Auth Token, of the URL Twilio requested followed by each form parameter's name and value,
 * sorted by name; and the hex SHA-256 that Twilio puts in {@code bodySHA256} for other bodies.
 * <p>
 * Pure functions, thread-safe.
 */
public final class TwilioSignature {

    /** The request header that carries the signature. */
    public static final String HEADER = "X-Twilio-Signature";

    /** The query parameter that carries the SHA-256 of a body that is not a form. */
    public static final String BODY_SHA256_PARAMETER = "bodySHA256";

    private static final String HMAC_SHA1 = "HmacSHA1";

    private TwilioSignature() {
    }

    /**
     * Computes the signature Twilio sends for a request.
     * @param authToken the Auth Token of the account the request is for
     * @param url the full URL Twilio requested: scheme, host, port if any, path and query
     * @param parameters the form parameters of the body, empty for other requests; each name's
     * values are appended in the order given
     * @return the Base64 signature
     */
    public static String compute(String authToken, String url, Map<String, ? extends List<String>> parameters) {
        StringBuilder data = new StringBuilder(url);
        List<Map.Entry<String, ? extends List<String>>> sorted = new ArrayList<>(parameters.entrySet());
        sorted.sort((left, right) -> left.getKey().compareTo(right.getKey()));
        for (Map.Entry<String, ? extends List<String>> parameter : sorted) {
            for (String value : parameter.getValue()) {
                data.append(parameter.getKey()).append(value);
            }
        }
        return Base64.getEncoder().encodeToString(hmacSha1(authToken, data.toString()));
    }

    /**
     * Returns the hex SHA-256 of a body, as Twilio writes it in the {@code bodySHA256} query
     * parameter of a request whose body is not a form.
     * @param body the raw body
     * @return the lower-case hex digest
     */
    public static String bodySha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("Every Java platform supports SHA-256", ex);
        }
    }

    /**
     * Compares two strings in time that depends on their lengths only, not on where they differ.
     * @param expected the value computed here
     * @param received the value received
     * @return whether they are equal
     */
    public static boolean constantTimeEquals(String expected, String received) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                received.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmacSha1(String key, String data) {
        try {
            Mac mac = Mac.getInstance(HMAC_SHA1);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), HMAC_SHA1));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        }
        catch (GeneralSecurityException ex) {
            // Never the key's value: an empty key is the only one HmacSHA1 rejects.
            throw new IllegalStateException("Cannot compute HmacSHA1: " + ex.getClass().getSimpleName(), ex);
        }
    }
}
