package io.github.twilioauth.client;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import io.github.twilioauth.TwilioException;

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
     * @throws TwilioException when the body is not JSON of that shape
     */
    public <T> T bodyAs(Class<T> type) {
        try {
            return JsonMapper.shared().readValue(this.body, type);
        }
        catch (JacksonException ex) {
            throw new TwilioException("Twilio response (HTTP " + this.statusCode + ") is not JSON readable as "
                    + type.getName() + ": " + ex.getOriginalMessage(), ex);
        }
    }
}
