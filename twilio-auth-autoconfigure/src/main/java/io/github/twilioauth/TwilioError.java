package io.github.twilioauth;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The parts of a Twilio error body that are worth reporting.
 * <p>
 * Reads the shapes Twilio's APIs answer: the classic error JSON of the 2010 API and the OAuth
 * API ({@code code}, {@code message}, {@code more_info}), the camelCase one of the Organizations
 * APIs ({@code moreInfo}), SCIM errors ({@code detail}, {@code moreInfo}) and RFC 9457 problem
 * details ({@code title}, {@code detail}, {@code type}). Never fails: a body of another shape
 * gives an error with only a short summary.
 *
 * @param code Twilio's error code, or {@code null}
 * @param message the error's description, or {@code null}
 * @param moreInfo link to the documentation of the error, or {@code null}
 */
public record TwilioError(@Nullable Integer code, @Nullable String message, @Nullable String moreInfo) {

    private static final int MAX_MESSAGE_LENGTH = 200;

    /**
     * Reads an error body.
     * @param body the response body, possibly empty
     * @param contentType the response's content type, or {@code null}
     * @return the error; never {@code null}
     */
    public static TwilioError parse(byte @Nullable [] body, @Nullable String contentType) {
        if (body == null || body.length == 0) {
            return new TwilioError(null, "empty body", null);
        }
        JsonNode json = readJson(body);
        if (json == null || !json.isObject()) {
            return new TwilioError(null, "a body that is not JSON" + ((contentType != null) ? " (" + contentType + ")" : ""),
                    null);
        }
        String message = firstText(json, "message", "detail", "title");
        String moreInfo = firstText(json, "more_info", "moreInfo", "type");
        return new TwilioError(code(json.path("code")), message,
                "about:blank".equals(moreInfo) ? null : moreInfo);
    }

    private static @Nullable Integer code(JsonNode code) {
        if (code.isIntegralNumber() && code.canConvertToInt()) {
            return code.asInt();
        }
        if (code.isString() && code.stringValue().matches("\\d{1,9}")) {
            return Integer.valueOf(code.stringValue());
        }
        return null;
    }

    private static @Nullable JsonNode readJson(byte[] body) {
        try {
            return JsonMapper.shared().readTree(body);
        }
        catch (JacksonException ex) {
            return null;
        }
    }

    private static @Nullable String firstText(JsonNode json, String... names) {
        for (String name : names) {
            JsonNode node = json.path(name);
            if (node.isString() && !node.stringValue().isBlank()) {
                return truncate(node.stringValue());
            }
        }
        return null;
    }

    private static String truncate(String text) {
        return (text.length() <= MAX_MESSAGE_LENGTH) ? text : text.substring(0, MAX_MESSAGE_LENGTH) + "...";
    }

    /**
     * Describes the error for an exception message, for example
     * {@code "HTTP 401, Twilio error 20003: Authenticate"}.
     * @param status the HTTP status
     * @return the description
     */
    public String describe(int status) {
        StringBuilder text = new StringBuilder("HTTP ").append(status);
        if (this.code != null) {
            text.append(", Twilio error ").append(this.code);
        }
        if (this.message != null) {
            text.append(": ").append(this.message);
        }
        if (this.moreInfo != null) {
            text.append(" (").append(this.moreInfo).append(")");
        }
        return text.toString();
    }
}
