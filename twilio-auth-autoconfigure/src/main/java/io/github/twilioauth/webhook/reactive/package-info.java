/**
 * Twilio webhook validation for Spring WebFlux: a {@code WebFilter}.
 */
@NullMarked
package io.github.twilioauth.webhook.reactive;

import org.jspecify.annotations.NullMarked;
