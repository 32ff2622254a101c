/**
 * Inbound webhooks: validation of the {@code X-Twilio-Signature} that Twilio puts on every
 * request it sends to an application, the URL Twilio signed, and the Auth Token to check it with.
 * The servlet and reactive adapters live in sub-packages.
 */
@NullMarked
package io.github.twilioauth.webhook;

import org.jspecify.annotations.NullMarked;
