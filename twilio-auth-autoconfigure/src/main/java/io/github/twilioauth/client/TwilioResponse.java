package io.github.twilioauth.client;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import io.github.twilioauth.TwilioApiException;
import org.jspecify.annotations.Nullable;

/**
 * A successful response of a Twilio API call.
 *
 * @param statusCode the HTTP status
 * @param body the response body, possibly empty
 */
public record TwilioResponse(int statusCode, String body) {

    /**
     * Reads the JSON body into a type; unknown properties are ignored.
     * @param <T> the type
     * @param type the class to read
     * @return the body as that type
     * @throws TwilioApiException when the body is not JSON of that shape, naming where it differs
     */
    public <T> T bodyAs(Class<T> type) {
        try {
            return JsonMapper.shared().readValue(this.body, type);
        }
        catch (JacksonException ex) {
            String where = ex.getPathReference();
            throw new TwilioApiException("Twilio response (HTTP " + this.statusCode + ") is not JSON readable as "
                    + type.getName() + ((where != null && !where.isEmpty()) ? " at " + where : "") + ": "
                    + truncate(ex.getOriginalMessage()), this.statusCode, null, null);
        }
    }

    private static @Nullable String truncate(@Nullable String text) {
        return (text == null || text.length() <= 200) ? text : text.substring(0, 200) + "...";
    }
}
