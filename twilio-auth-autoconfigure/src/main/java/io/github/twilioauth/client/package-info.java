/**
 * A small Twilio REST client: requests, responses and the endpoints they go to.
 */
@NullMarked
package io.github.twilioauth.client;

import org.jspecify.annotations.NullMarked;
