package io.github.twilioauth.client;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;

/**
 * Counts the calls running on one client, so that once the client is retired what it uses is
 * released exactly once, after the last of them has ended: an evicted tenant's token manager
 * is closed only when no call waits for its token any more.
 * <p>
 * Implementation notes: one {@code AtomicLong} holds the whole state, so that admitting a call
 * and releasing cannot interleave. Bit 0 says the client is retired, the bits above count the
 * calls running (in steps of {@link #CALL}), and {@link #RELEASED} ends it all. A call is
 * admitted until the release, also after the client is retired; the release is run by the thread
 * that moves the state from "retired, no call running" to released: {@link #retire} when no call
 * runs, else the last call's {@link #exit()}. {@link #release} is written once, by the first
 * {@code retire}, before the retired bit is set, so whoever sees the bit sees it.
 */
final class CallGate {

    private static final long RETIRED = 1;

    private static final long CALL = 2;

    private static final long RELEASED = -1;

    /** Written by every caller: calls running, retired bit, or released. */
    private final AtomicLong state = new AtomicLong();

    /** Written once, by the first {@link #retire}; run once, by the thread that releases. */
    private final AtomicReference<@Nullable Runnable> release = new AtomicReference<>();

    /**
     * Admits a call, unless the client is released.
     * @return whether the call may run; when it may, {@link #exit()} must follow on every path
     */
    boolean enter() {
        long current;
        do {
            current = this.state.get();
            if (current == RELEASED) {
                return false;
            }
        }
        while (!this.state.compareAndSet(current, current + CALL));
        return true;
    }

    /**
     * Ends a call admitted by {@link #enter()}, running the release when it was the last call of a
     * retired client.
     */
    void exit() {
        if (this.state.addAndGet(-CALL) == RETIRED) {
            releaseIfIdle();
        }
    }

    /**
     * Retires the client: the release runs now if no call is running, else when the last one
     * ends. Only the first call has an effect.
     * @param release what to run once; must not throw
     */
    void retire(Runnable release) {
        if (!this.release.compareAndSet(null, release)) {
            return;
        }
        if (this.state.getAndUpdate((current) -> current | RETIRED) == 0) {
            releaseIfIdle();
        }
    }

    /**
     * Returns whether the release has run or is running.
     * @return whether no call is admitted any more
     */
    boolean isReleased() {
        return this.state.get() == RELEASED;
    }

    private void releaseIfIdle() {
        Runnable toRun = this.release.get();
        if (toRun != null && this.state.compareAndSet(RETIRED, RELEASED)) {
            toRun.run();
        }
    }
}
