package io.github.twilioauth.token;

import org.jspecify.annotations.Nullable;

/**
 * Source of OAuth access tokens for {@link io.github.twilioauth.strategy.TokenAuthStrategy}.
 * <p>
 * Implementations are thread-safe. Define a {@code TokenManager} bean to replace the built-in
 * one of the {@code client-credentials} and {@code orgs} providers.
 */
public interface TokenManager {

    /**
     * Returns a valid access token, fetching one when none is cached or the cached one is
     * about to expire.
     * @return the access token
     */
    String getToken();

    /**
     * Fetches a new access token now and caches it.
     * @return the new access token
     */
    String refreshToken();

    /**
     * Drops the cached access token, so the next {@link #getToken()} fetches one.
     */
    void clearToken();

    /**
     * Replaces a token that Twilio rejected. Built-in managers return the current token when
     * another caller already replaced the rejected one, so a burst of 401s costs one token
     * request, and return the rejected token itself when they renewed for a rejection moments
     * ago, so a persistent 401 costs a bounded number of token requests. The default fetches a
     * new token.
     * @param rejectedToken the token Twilio answered 401 to
     * @return a token to retry with, or the rejected token when the request must not be retried
     */
    default String refreshToken(String rejectedToken) {
        return refreshToken();
    }

    /**
     * Returns what this manager knows about its token, for health reports: never the token
     * itself, and never fetching one. Built-in managers report their cached token and their last
     * token request; a manager of the application reports what it knows by overriding this. The
     * default knows nothing.
     * @return the status, or {@code null} when this manager keeps no record of its token
     */
    default @Nullable TokenStatus status() {
        return null;
    }
}
