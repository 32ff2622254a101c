package io.github.twilioauth.token;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

/**
 * Unsigned JWTs for tests, and a reader of their subject.
 */
final class Jwts {

    private Jwts() {
    }

    static String withExp(long exp) {
        return encode("{\"alg\":\"none\"}") + "." + encode("{\"sub\":\"test\",\"exp\":" + exp + ",\"jti\":\""
                + UUID.randomUUID() + "\"}") + ".c2ln";
    }

    static String subject(String jwt) {
        byte[] payload = Base64.getUrlDecoder().decode(jwt.split("\\.")[1]);
        return JsonMapper.shared().readTree(payload).path("sub").asString();
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
