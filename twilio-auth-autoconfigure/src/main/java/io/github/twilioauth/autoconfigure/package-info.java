/**
 * Spring Boot auto-configuration of Twilio credentials, token managers, HTTP clients and Twilio clients from the {@code twilio.*} properties.
 */
@NullMarked
package io.github.twilioauth.autoconfigure;

import org.jspecify.annotations.NullMarked;
