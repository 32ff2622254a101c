/**
 * Requests signed as Twilio signs its webhooks: the signature, and MockMvc and WebTestClient support.
 */
@NullMarked
package io.github.twilioauth.test.webhook;

import org.jspecify.annotations.NullMarked;
