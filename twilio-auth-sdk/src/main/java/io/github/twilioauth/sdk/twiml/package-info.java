/**
 * twilio-java's TwiML ({@code MessagingResponse}, {@code VoiceResponse}) as the return value of a
 * Spring MVC or WebFlux handler: written as {@code application/xml}, and an empty
 * {@code <Response/>} for a handler that answers TwiML but returns nothing.
 */
@NullMarked
package io.github.twilioauth.sdk.twiml;

import org.jspecify.annotations.NullMarked;
