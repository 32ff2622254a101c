package io.github.twilioauth.test;

import java.util.Map;

/**
 * A status callback a {@link MockTwilioServer} posted to a message's {@code StatusCallback} URL,
 * and how the application answered it.
 *
 * @param messageSid the message the callback is about
 * @param url the URL posted to, the message's {@code StatusCallback}
 * @param status the {@code MessageStatus} posted: {@code queued}, {@code sent},
 * {@code delivered}, {@code undelivered} or {@code failed}
 * @param parameters the form parameters posted, by name; immutable
 * @param responseStatus the HTTP status the application answered, or {@code 0} when it gave no
 * answer (connection refused, timeout)
 */
public record StatusCallbackDelivery(String messageSid, String url, String status, Map<String, String> parameters,
        int responseStatus) {
}
