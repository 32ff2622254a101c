package io.github.twilioauth.store;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Stops calls to a store that keeps failing, so that a dead store costs its callers nothing, and
 * lets one call through now and then to find out whether it is back.
 * <ul>
 * <li>{@link State#CLOSED}: every call goes; a number of failures in a row opens the breaker.</li>
 * <li>{@link State#OPEN}: no call goes, until the open time has passed since it opened; the next
 * call then goes as the probe.</li>
 * <li>{@link State#HALF_OPEN}: the probe runs and no other call goes; its success closes the
 * breaker, its failure opens it again. A probe that has not reported within the open time is
 * given up and another call probes.</li>
 * </ul>
 * Callers ask {@link #tryAcquire()} before a call and report its outcome with
 * {@link #onSuccess()} or {@link #onFailure()}. A success of any call closes the breaker: the
 * store answered.
 * <p>
 * Thread-safe: transitions happen under this object's lock, held for a few field updates;
 * {@link #state()} reads without it.
 */
public final class CircuitBreaker {

    /** Where a breaker stands. */
    public enum State {

        /** Calls go. */
        CLOSED,

        /** Calls are refused. */
        OPEN,

        /** One call, the probe, is under way; others are refused. */
        HALF_OPEN
    }

    private final int failureThreshold;

    private final long openNanos;

    private final LongSupplier nanoTime;

    // Written under the lock, read anywhere.
    private volatile State state = State.CLOSED;

    // Failures in a row while CLOSED; guarded by the lock.
    private int consecutiveFailures;

    // Ticker time of the opening (OPEN) or of the probe's start (HALF_OPEN); guarded by the lock.
    private long since;

    /**
     * Creates a closed breaker.
     * @param failureThreshold how many failures in a row open it
     * @param openDuration how long it stays open before a probe
     * @param nanoTime source of time, nanoseconds as {@link System#nanoTime()} (which tests
     * replace with a clock they move)
     */
    public CircuitBreaker(int failureThreshold, Duration openDuration, LongSupplier nanoTime) {
        if (failureThreshold < 1) {
            throw new IllegalArgumentException("failureThreshold must be at least 1 but was " + failureThreshold);
        }
        if (openDuration.isNegative() || openDuration.isZero()) {
            throw new IllegalArgumentException("openDuration must be positive but was " + openDuration);
        }
        this.failureThreshold = failureThreshold;
        this.openNanos = openDuration.toNanos();
        this.nanoTime = nanoTime;
    }

    /**
     * Asks whether a call may go: always while closed; once the open time has passed, as the
     * probe.
     * @return whether to make the call, whose outcome must then be reported
     */
    public synchronized boolean tryAcquire() {
        if (this.state == State.CLOSED) {
            return true;
        }
        long now = this.nanoTime.getAsLong();
        if (now - this.since < this.openNanos) {
            return false;
        }
        this.state = State.HALF_OPEN;
        this.since = now;
        return true;
    }

    /**
     * Reports a call that succeeded.
     * @return whether this closed the breaker
     */
    public synchronized boolean onSuccess() {
        boolean closing = this.state != State.CLOSED;
        this.state = State.CLOSED;
        this.consecutiveFailures = 0;
        return closing;
    }

    /**
     * Reports a call that failed.
     * @return whether this opened a closed breaker (a failed probe only opens it again)
     */
    public synchronized boolean onFailure() {
        if (this.state == State.OPEN) {
            return false;
        }
        boolean wasClosed = this.state == State.CLOSED;
        if (wasClosed && ++this.consecutiveFailures < this.failureThreshold) {
            return false;
        }
        this.state = State.OPEN;
        this.since = this.nanoTime.getAsLong();
        this.consecutiveFailures = 0;
        return wasClosed;
    }

    /**
     * Returns where the breaker stands, for health and tests.
     * @return the state
     */
    public State state() {
        return this.state;
    }

    @Override
    public String toString() {
        return "CircuitBreaker[" + this.state + "]";
    }
}
