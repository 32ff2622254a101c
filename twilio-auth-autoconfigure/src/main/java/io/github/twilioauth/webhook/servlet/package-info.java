/**
 * Twilio webhook validation for Spring MVC: a {@code HandlerInterceptor} and the filter that
 * keeps a signed non-form body readable.
 */
@NullMarked
package io.github.twilioauth.webhook.servlet;

import org.jspecify.annotations.NullMarked;
