package io.github.twilioauth;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;

/**
 * How long to wait before another attempt: shared by token requests, renewals ahead of expiry
 * and API call retries.
 */
public final class Backoff {

    private static final int MAX_DOUBLINGS = 20;

    private Backoff() {
    }

    /**
     * Returns a wait between half and all of {@code base × 2^doublings}, at random, so that
     * clients failing together do not retry together.
     * @param base the wait before any doubling
     * @param doublings how many times to double it (capped at 20)
     * @return the wait
     */
    public static Duration jittered(Duration base, int doublings) {
        long full = base.toMillis() << Math.min(Math.max(doublings, 0), MAX_DOUBLINGS);
        return Duration.ofMillis(full / 2 + ThreadLocalRandom.current().nextLong(full / 2 + 1));
    }

    /**
     * Reads a {@code Retry-After} header given in seconds, as Twilio sends it.
     * @param header the header value, or {@code null}
     * @return the wait, or {@code null} when the header is absent, negative or not a number
     */
    public static @Nullable Duration retryAfter(@Nullable String header) {
        if (header == null) {
            return null;
        }
        try {
            long seconds = Long.parseLong(header.trim());
            return (seconds >= 0) ? Duration.ofSeconds(seconds) : null;
        }
        catch (NumberFormatException ex) {
            return null;
        }
    }
}
