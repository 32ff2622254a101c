/**
 * Auto-configuration of the {@code twilio} health contributor.
 */
@NullMarked
package io.github.twilioauth.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
