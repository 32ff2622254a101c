package io.github.twilioauth.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

/**
 * Unsigned JWTs and token endpoint bodies for tests, and a reader of a JWT's subject.
 */
public final class Jwts {

    private Jwts() {
    }

    /**
     * A JWT with an {@code exp} claim.
     * @param exp seconds since the epoch
     * @return the token
     */
    public static String withExp(long exp) {
        return jwt("{\"sub\":\"test\",\"exp\":" + exp + ",\"jti\":\"" + UUID.randomUUID() + "\"}");
    }

    /**
     * A JWT with {@code iat} and {@code exp} claims.
     * @param iat seconds since the epoch
     * @param exp seconds since the epoch
     * @return the token
     */
    public static String withIatAndExp(long iat, long exp) {
        return jwt("{\"sub\":\"test\",\"iat\":" + iat + ",\"exp\":" + exp + ",\"jti\":\"" + UUID.randomUUID() + "\"}");
    }

    /**
     * A JWT whose payload has a subject and an id but no {@code exp} claim.
     * @return the token
     */
    public static String withoutExp() {
        return jwt("{\"sub\":\"test\",\"jti\":\"" + UUID.randomUUID() + "\"}");
    }

    /**
     * A token endpoint body with a Bearer token and its {@code expires_in}, given as raw JSON.
     * @param accessToken the token
     * @param expiresIn the raw JSON value of {@code expires_in}
     * @return the body
     */
    public static String tokenBody(String accessToken, String expiresIn) {
        return "{\"access_token\":\"" + accessToken + "\",\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn + "}";
    }

    /**
     * Reads the {@code sub} claim of a JWT.
     * @param jwt the token
     * @return the subject
     */
    public static String subject(String jwt) {
        byte[] payload = Base64.getUrlDecoder().decode(jwt.split("\\.")[1]);
        return JsonMapper.shared().readTree(payload).path("sub").asString();
    }

    private static String jwt(String payload) {
        return encode("{\"alg\":\"none\"}") + "." + encode(payload) + ".c2ln";
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
