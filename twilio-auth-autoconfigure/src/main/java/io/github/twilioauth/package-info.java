/**
 * Twilio errors, retry policy and the helpers every other package shares: exceptions, error bodies, SIDs, back-off.
 */
@NullMarked
package io.github.twilioauth;

import org.jspecify.annotations.NullMarked;
