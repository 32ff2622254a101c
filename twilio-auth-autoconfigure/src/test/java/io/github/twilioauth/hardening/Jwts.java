package io.github.twilioauth.hardening;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * Unsigned JWTs and token endpoint bodies for tests.
 */
final class Jwts {

    private Jwts() {
    }

    /**
     * A JWT whose payload has a subject and an id but no {@code exp} claim.
     */
    static String withoutExp() {
        return encode("{\"alg\":\"none\"}") + "." + encode("{\"sub\":\"test\",\"jti\":\"" + UUID.randomUUID() + "\"}")
                + ".c2ln";
    }

    /**
     * A token endpoint body with a Bearer token and its {@code expires_in}, given as raw JSON.
     */
    static String tokenBody(String accessToken, String expiresIn) {
        return "{\"access_token\":\"" + accessToken + "\",\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn + "}";
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
