/**
 * The official Twilio SDK (twilio-java) on a {@code TwilioClient}: its resources sent through
 * the starter's {@code RestClient}, credentials, retries and observations.
 */
@NullMarked
package io.github.twilioauth.sdk;

import org.jspecify.annotations.NullMarked;
