package io.github.twilioauth.token;

/**
 * The clock of token lifetimes: a monotonic reading in nanoseconds, as {@link System#nanoTime()},
 * never wall-clock time, so a system clock set back or forward neither ends a token early nor
 * keeps it past its expiry. Only differences between two readings mean anything.
 * <p>
 * Tests give {@link TokenManagerSettings.Builder#ticker(Ticker)} one they move by hand.
 */
@FunctionalInterface
public interface Ticker {

    /**
     * Returns the current reading.
     * @return nanoseconds since an arbitrary origin
     */
    long read();

    /**
     * Returns the ticker of {@link System#nanoTime()}.
     * @return the system ticker
     */
    static Ticker systemTicker() {
        return System::nanoTime;
    }
}
