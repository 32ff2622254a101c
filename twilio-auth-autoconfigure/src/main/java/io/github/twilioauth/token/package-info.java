/**
 * Access token management: fetching tokens from Twilio's token endpoint, caching them until they are about to expire, refreshing them.
 */
@NullMarked
package io.github.twilioauth.token;

import org.jspecify.annotations.NullMarked;
