/**
 * A health indicator that reports Twilio credentials and the state of their access token.
 */
@NullMarked
package io.github.twilioauth.health;

import org.jspecify.annotations.NullMarked;
