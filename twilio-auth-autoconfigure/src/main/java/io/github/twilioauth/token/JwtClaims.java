package io.github.twilioauth.token;

import java.util.Base64;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The time claims of a JWT access token, read without verifying it: the token came from the
 * token endpoint over a trusted connection, and only its lifetime matters here.
 *
 * @param issuedAt the {@code iat} claim in seconds since the epoch, or {@code null}
 * @param expiresAt the {@code exp} claim in seconds since the epoch, or {@code null}
 */
record JwtClaims(@Nullable Long issuedAt, @Nullable Long expiresAt) {

    private static final JwtClaims NONE = new JwtClaims(null, null);

    /**
     * Reads the time claims of a token.
     * @param token the access token
     * @return its numeric {@code iat} and {@code exp} claims; none when the token is not a JWT
     */
    static JwtClaims read(String token) {
        int first = token.indexOf('.');
        int second = token.indexOf('.', first + 1);
        if (first < 0 || second < 0 || token.indexOf('.', second + 1) >= 0) {
            return NONE;
        }
        try {
            byte[] payload = Base64.getUrlDecoder().decode(token.substring(first + 1, second));
            JsonNode claims = JsonMapper.shared().readTree(payload);
            return new JwtClaims(seconds(claims.path("iat")), seconds(claims.path("exp")));
        }
        catch (IllegalArgumentException | JacksonException ex) {
            return NONE;
        }
    }

    private static @Nullable Long seconds(JsonNode claim) {
        return (claim.isNumber() && claim.canConvertToLong()) ? claim.longValue() : null;
    }
}
