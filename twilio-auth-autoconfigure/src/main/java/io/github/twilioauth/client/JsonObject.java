package io.github.twilioauth.client;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.github.twilioauth.TwilioApiException;
import org.jspecify.annotations.Nullable;

/**
 * A JSON object of a successful Twilio response, read field by field into the types a resource
 * needs. A field of another type than expected, or a body that is no JSON object, is a
 * {@link TwilioApiException} naming the call, the status and the field: no Jackson type reaches
 * the caller.
 */
final class JsonObject {

    private final JsonNode json;

    private final String call;

    private final int status;

    private JsonObject(JsonNode json, String call, int status) {
        this.json = json;
        this.call = call;
        this.status = status;
    }

    /**
     * Reads the body of a response that must be a JSON object with at least one field.
     * @param response the response
     * @param call the call, such as {@code POST /2010-04-01/Accounts/AC.../Messages.json}
     * @return the object
     * @throws TwilioApiException when the body is not a non-empty JSON object
     */
    static JsonObject of(TwilioResponse response, String call) {
        if (response.body().isEmpty()) {
            throw unexpected(call, response.statusCode(), "no body");
        }
        JsonNode json;
        try {
            json = JsonMapper.shared().readTree(response.body().getBytes(StandardCharsets.UTF_8));
        }
        catch (JacksonException ex) {
            throw unexpected(call, response.statusCode(), "a body that is not JSON");
        }
        if (!json.isObject() || json.isEmpty()) {
            throw unexpected(call, response.statusCode(), (json.isObject() ? "an empty JSON object" : "a JSON "
                    + typeOf(json)) + " where an object was expected");
        }
        return new JsonObject(json, call, response.statusCode());
    }

    /**
     * Returns a string field that must be there.
     * @param field the field's name
     * @return its value
     */
    String requiredText(String field) {
        String value = text(field);
        if (value == null || value.isEmpty()) {
            throw unexpected("field '" + field + "' is missing");
        }
        return value;
    }

    /**
     * Returns a field given as a string, number or boolean, as text.
     * @param field the field's name
     * @return its value, or {@code null} when absent or null
     */
    @Nullable String text(String field) {
        JsonNode node = this.json.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isValueNode()) {
            throw unexpected("field '" + field + "' is a JSON " + typeOf(node) + " where a value was expected");
        }
        return node.asString();
    }

    @Nullable Integer integer(String field) {
        String value = text(field);
        try {
            return (value == null || value.isEmpty()) ? null : Integer.valueOf(value);
        }
        catch (NumberFormatException ex) {
            throw unexpected("field '" + field + "' is not a whole number");
        }
    }

    @Nullable BigDecimal decimal(String field) {
        String value = text(field);
        try {
            return (value == null || value.isEmpty()) ? null : new BigDecimal(value);
        }
        catch (NumberFormatException ex) {
            throw unexpected("field '" + field + "' is not a number");
        }
    }

    /**
     * Returns a date in RFC 2822 form, as in {@code Thu, 30 Jul 2015 20:12:31 +0000}.
     * @param field the field's name
     * @return the date, or {@code null} when absent
     */
    @Nullable OffsetDateTime date(String field) {
        String value = text(field);
        try {
            return (value == null || value.isEmpty()) ? null
                    : OffsetDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
        }
        catch (DateTimeParseException ex) {
            throw unexpected("field '" + field + "' is not an RFC 2822 date");
        }
    }

    /**
     * Returns the objects of an array field that must be there.
     * @param field the field's name
     * @return its objects, in order
     */
    List<JsonObject> objects(String field) {
        JsonNode array = this.json.path(field);
        if (!array.isArray()) {
            throw unexpected("field '" + field + "' is " + (array.isMissingNode() ? "missing"
                    : "a JSON " + typeOf(array) + " where an array was expected"));
        }
        List<JsonObject> objects = new ArrayList<>(array.size());
        for (JsonNode item : array) {
            if (!item.isObject()) {
                throw unexpected(
                        "an item of '" + field + "' is a JSON " + typeOf(item) + " where an object was expected");
            }
            objects.add(new JsonObject(item, this.call, this.status));
        }
        return objects;
    }

    private TwilioApiException unexpected(String what) {
        return unexpected(this.call, this.status, what);
    }

    static TwilioApiException unexpected(String call, int status, String what) {
        return new TwilioApiException(
                "Twilio answered " + call + " with HTTP " + status + " and an unexpected response: " + what, status,
                null, null);
    }

    private static String typeOf(JsonNode node) {
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }
}
