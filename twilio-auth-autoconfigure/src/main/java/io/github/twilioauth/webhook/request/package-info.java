/**
 * Twilio's webhook requests as records: an inbound message or call, and the status callbacks of
 * messages, calls and recordings, bound from Twilio's parameter names with {@code @BindParam}, so
 * that {@code @ModelAttribute InboundMessage message} works on Spring MVC and WebFlux alike.
 * Parameters a record does not name are ignored, so parameters Twilio adds later bind too.
 * Statuses are small value types whose constants are Twilio's documented values; any other value
 * binds as it was sent.
 */
@NullMarked
package io.github.twilioauth.webhook.request;

import org.jspecify.annotations.NullMarked;
