/**
 * Health indicators: Twilio credentials and the state of their access token, and the Redis
 * token store.
 */
@NullMarked
package io.github.twilioauth.health;

import org.jspecify.annotations.NullMarked;
