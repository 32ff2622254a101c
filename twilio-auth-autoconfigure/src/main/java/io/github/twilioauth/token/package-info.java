/**
 * Access token management: the {@code TokenManager} contract (tokens and what a manager knows of
 * them, its {@code status()}), and the built-in managers that fetch tokens from Twilio's token
 * endpoint, cache them until they are about to expire and renew them, on a monotonic
 * {@code Ticker}.
 */
@NullMarked
package io.github.twilioauth.token;

import org.jspecify.annotations.NullMarked;
