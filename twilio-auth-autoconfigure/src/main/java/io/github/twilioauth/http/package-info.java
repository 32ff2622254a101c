/**
 * HTTP plumbing for Twilio calls: the authenticating and retrying {@code RestClient} interceptors, the allowed hosts, the {@code RestClient} builder.
 */
@NullMarked
package io.github.twilioauth.http;

import org.jspecify.annotations.NullMarked;
