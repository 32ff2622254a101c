package io.github.twilioauth.token;

import java.util.Base64;
import java.util.OptionalLong;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the {@code exp} claim of a JWT access token, without verifying it: the token came
 * from the token endpoint over a trusted connection, and only its lifetime matters here.
 */
final class JwtExpiry {

    private JwtExpiry() {
    }

    /**
     * Returns the token's {@code exp} claim.
     * @param token the access token
     * @return seconds since the epoch, or empty when the token is not a JWT or has no numeric {@code exp}
     */
    static OptionalLong expiresAt(String token) {
        int first = token.indexOf('.');
        int second = token.indexOf('.', first + 1);
        if (first < 0 || second < 0 || token.indexOf('.', second + 1) >= 0) {
            return OptionalLong.empty();
        }
        try {
            byte[] payload = Base64.getUrlDecoder().decode(token.substring(first + 1, second));
            JsonNode exp = JsonMapper.shared().readTree(payload).path("exp");
            return (exp.isNumber() && exp.canConvertToLong()) ? OptionalLong.of(exp.longValue()) : OptionalLong.empty();
        }
        catch (IllegalArgumentException | JacksonException ex) {
            return OptionalLong.empty();
        }
    }
}
