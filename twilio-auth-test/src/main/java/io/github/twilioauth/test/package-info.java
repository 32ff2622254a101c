/**
 * An in-process Twilio stand-in ({@link io.github.twilioauth.test.MockTwilioServer}) and its JUnit 5 and Spring test support.
 */
@NullMarked
package io.github.twilioauth.test;

import org.jspecify.annotations.NullMarked;
