/**
 * Spring Boot auto-configuration of twilio-java's {@code TwilioRestClient}s on the starter's
 * Twilio clients: {@link io.github.twilioauth.sdk.autoconfigure.TwilioSdkAutoConfiguration} and the
 * configurations it imports, the {@code twilio.sdk.*} properties, and TwiML as the return value of
 * Spring MVC and WebFlux handlers.
 */
@NullMarked
package io.github.twilioauth.sdk.autoconfigure;

import org.jspecify.annotations.NullMarked;
