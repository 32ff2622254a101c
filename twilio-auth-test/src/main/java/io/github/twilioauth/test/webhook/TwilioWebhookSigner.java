package io.github.twilioauth.test.webhook;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs requests as Twilio signs the webhooks it sends, for tests: {@code X-Twilio-Signature}
 * is the Base64 HMAC-SHA1, keyed with the account's Auth Token, of the URL followed by the form
 * parameters' names and values sorted by name (a repeated name's values in order); a body that
 * is not a form is declared by its hex SHA-256 in the URL's {@code bodySHA256}.
 * <p>
 * Written apart from the starter's validator, so that tests check one against the other.
 */
public final class TwilioWebhookSigner {

    /** The header Twilio signs requests with. */
    public static final String SIGNATURE_HEADER = "X-Twilio-Signature";

    /**
     * The header that stays the same on each retry of a delivery: Twilio retries a webhook on
     * connection failures and timeouts, as its connection overrides ({@code #rc=}) say.
     */
    public static final String IDEMPOTENCY_TOKEN_HEADER = "I-Twilio-Idempotency-Token";

    private TwilioWebhookSigner() {
    }

    /**
     * Returns the signature of a request.
     * @param authToken the account's Auth Token
     * @param url the URL requested
     * @param formParameters the form parameters of the body, empty for other requests
     * @return the value of {@code X-Twilio-Signature}
     */
    public static String signature(String authToken, String url, Map<String, List<String>> formParameters) {
        StringBuilder signed = new StringBuilder(url);
        new TreeMap<>(formParameters).forEach((name, values) -> values.forEach((value) -> signed.append(name + value)));
        try {
            Mac hmac = Mac.getInstance("HmacSHA1");
            hmac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(hmac.doFinal(signed.toString().getBytes(StandardCharsets.UTF_8)));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HmacSHA1 is unavailable", ex);
        }
    }

    /**
     * Returns the URL with the {@code bodySHA256} query parameter Twilio adds for a body that is
     * not a form.
     * @param url the URL
     * @param body the raw body
     * @return the URL with {@code bodySHA256} appended to its query
     */
    public static String withBodySha256(String url, byte[] body) {
        return url + ((url.indexOf('?') >= 0) ? "&" : "?") + "bodySHA256=" + bodySha256(body);
    }

    /**
     * Returns the hex SHA-256 of a body.
     * @param body the raw body
     * @return the lower-case hex digest
     */
    public static String bodySha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("SHA-256 is unavailable", ex);
        }
    }

    /**
     * Encodes form parameters as an {@code application/x-www-form-urlencoded} body.
     * @param formParameters the parameters
     * @return the body
     */
    public static String formBody(Map<String, List<String>> formParameters) {
        StringBuilder body = new StringBuilder();
        formParameters.forEach((name, values) -> values.forEach((value) -> {
            if (body.length() > 0) {
                body.append('&');
            }
            body.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }));
        return body.toString();
    }
}
