package io.github.twilioauth.token;

import java.util.Locale;

import io.github.twilioauth.TwilioAuthenticationException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The usable part of a successful token endpoint response.
 *
 * @param status the HTTP status, 200 or 201
 * @param accessToken the access token
 * @param expiresInSeconds the {@code expires_in} field, or {@code null} when absent
 */
record TokenResponse(int status, String accessToken, @Nullable Long expiresInSeconds) {

    /**
     * Reads a 200 or 201 response of the token endpoint, rejecting anything that is not a
     * usable bearer token with a message that never repeats the body.
     * @param status the HTTP status
     * @param contentType the content type, or {@code null}
     * @param body the body
     * @return the token response
     * @throws TwilioAuthenticationException when the body is not a usable token response
     */
    static TokenResponse parse(int status, @Nullable String contentType, byte[] body) {
        if (body.length == 0) {
            throw invalid(status, "an empty body");
        }
        JsonNode json;
        try {
            json = JsonMapper.shared().readTree(body);
        }
        catch (JacksonException ex) {
            json = null;
        }
        if (json == null || !json.isObject()) {
            throw invalid(status,
                    "a body that is not a JSON object" + ((contentType != null) ? " (" + contentType + ")" : ""));
        }
        JsonNode accessToken = json.path("access_token");
        if (!accessToken.isString() || accessToken.stringValue().isBlank()) {
            throw invalid(status, "JSON without an access_token");
        }
        if (!isHeaderValue(accessToken.stringValue())) {
            throw invalid(status, "an access_token that is not a valid header value: it holds whitespace, control"
                    + " or non-ASCII characters");
        }
        JsonNode tokenType = json.path("token_type");
        if (!tokenType.isMissingNode() && !tokenType.isNull()
                && !(tokenType.isString() && "bearer".equalsIgnoreCase(tokenType.stringValue()))) {
            throw invalid(status, "token_type " + describe(tokenType) + " instead of \"Bearer\"");
        }
        return new TokenResponse(status, accessToken.stringValue(), expiresIn(status, json.path("expires_in")));
    }

    /** Whether the token may follow {@code Bearer } in a header: visible ASCII only. */
    private static boolean isHeaderValue(String token) {
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    /** Names a JSON value's type, and a short string's value, for an error message. */
    private static String describe(JsonNode value) {
        if (value.isString()) {
            String text = value.stringValue();
            return "'" + ((text.length() <= 20) ? text : text.substring(0, 20) + "...") + "'";
        }
        return "of JSON type " + value.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    private static @Nullable Long expiresIn(int status, JsonNode expiresIn) {
        if (expiresIn.isMissingNode() || expiresIn.isNull()) {
            return null;
        }
        if (!expiresIn.isIntegralNumber() || !expiresIn.canConvertToLong()) {
            throw invalid(status, "expires_in that is not a whole number of seconds");
        }
        long seconds = expiresIn.longValue();
        if (seconds <= 0) {
            throw invalid(status, "expires_in " + seconds + ", which is not positive");
        }
        return seconds;
    }

    private static TwilioAuthenticationException invalid(int status, String what) {
        return new TwilioAuthenticationException("Token endpoint answered HTTP " + status + " with " + what, status,
                null);
    }

    @Override
    public String toString() {
        return "TokenResponse[status=" + this.status + ", accessToken=******, expiresInSeconds="
                + this.expiresInSeconds + "]";
    }
}
