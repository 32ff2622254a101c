package io.github.twilioauth.token;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What a token manager knows about its token, for health reports: {@link TokenManager#status()}.
 * Never holds the token itself.
 *
 * @param tokenValid whether a token is cached and still usable
 * @param usableUntil when the cached token stops being used (30 s before it expires), or {@code null}
 * @param lastFetchedAt when a token was last fetched, or {@code null} if never
 * @param lastFailureAt when a token request last failed, or {@code null} if never
 * @param lastFailureStatus HTTP status of the last failure, {@code 0} when no response was received,
 * or {@code null} if none
 * @param lastFailureCode Twilio error code of the last failure, or {@code null}
 */
public record TokenStatus(boolean tokenValid, @Nullable Instant usableUntil, @Nullable Instant lastFetchedAt,
        @Nullable Instant lastFailureAt, @Nullable Integer lastFailureStatus, @Nullable Integer lastFailureCode) {
}
