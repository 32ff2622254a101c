/**
 * Auto-configuration of the {@code twilio} health contributor, and the {@code twilio.health.*}
 * properties.
 */
@NullMarked
package io.github.twilioauth.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
