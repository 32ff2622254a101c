/**
 * Auto-configuration of Twilio webhook validation:
 * {@link io.github.twilioauth.autoconfigure.webhook.TwilioWebhookAutoConfiguration}, with the
 * Spring MVC and WebFlux wiring in configurations of their own, and the {@code twilio.webhook.*}
 * properties.
 */
@NullMarked
package io.github.twilioauth.autoconfigure.webhook;

import org.jspecify.annotations.NullMarked;
