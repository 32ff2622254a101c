/**
 * Micrometer observation of Twilio calls: an {@code http.client.requests} convention that tags the path as a template.
 */
@NullMarked
package io.github.twilioauth.observation;

import org.jspecify.annotations.NullMarked;
