/**
 * Auto-configuration of Twilio webhook validation for Spring MVC and WebFlux.
 */
@NullMarked
package io.github.twilioauth.autoconfigure.webhook;

import org.jspecify.annotations.NullMarked;
