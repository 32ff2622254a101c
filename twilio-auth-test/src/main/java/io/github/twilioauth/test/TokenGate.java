package io.github.twilioauth.test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Holds token requests of a {@link MockTwilioServer} until {@link #release() released}, so a
 * test can observe what callers do while a token request is in flight.
 * <p>
 * Obtained from {@link MockTwilioServer#holdTokenRequests()}. Thread-safe.
 */
public final class TokenGate {

    // One lock and one condition: blocked requests wait on it for the release, and tests wait on
    // it for the number of blocked requests to grow. Every change signals all waiters, who
    // re-check their own predicate.
    private final Lock lock = new ReentrantLock();

    private final Condition changed = this.lock.newCondition();

    private int waiting;

    private boolean released;

    /** Arrival numbers of the held requests that {@link #releaseLatest()} let through. */
    private final Set<Integer> releasedOnes = new HashSet<>();

    /** Arrival numbers of the requests held now, in arrival order. */
    private final Deque<Integer> held = new ArrayDeque<>();

    private int arrivals;

    TokenGate() {
    }

    /**
     * Blocks the calling token request until the gate is released.
     */
    void pass() throws InterruptedException {
        this.lock.lock();
        try {
            if (this.released) {
                return;
            }
            int arrival = ++this.arrivals;
            this.held.addLast(arrival);
            this.waiting++;
            this.changed.signalAll();
            try {
                while (!this.released && !this.releasedOnes.contains(arrival)) {
                    this.changed.await();
                }
            }
            finally {
                this.waiting--;
                this.held.remove(arrival);
                this.releasedOnes.remove(arrival);
            }
        }
        finally {
            this.lock.unlock();
        }
    }

    boolean isReleased() {
        this.lock.lock();
        try {
            return this.released;
        }
        finally {
            this.lock.unlock();
        }
    }

    /**
     * Waits until at least {@code count} token requests are blocked at this gate.
     * @param count the number of blocked requests to wait for
     * @param timeout the maximum time to wait
     * @return {@code true} once {@code count} requests are blocked, {@code false} if the timeout
     * elapsed first
     * @throws InterruptedException if the calling thread is interrupted while waiting
     */
    public boolean awaitWaiting(int count, Duration timeout) throws InterruptedException {
        long remaining = timeout.toNanos();
        this.lock.lock();
        try {
            while (this.waiting < count) {
                if (remaining <= 0) {
                    return false;
                }
                remaining = this.changed.awaitNanos(remaining);
            }
            return true;
        }
        finally {
            this.lock.unlock();
        }
    }

    /**
     * Returns how many token requests are blocked at this gate now.
     * @return the number of blocked requests
     */
    public int waiting() {
        this.lock.lock();
        try {
            return this.waiting;
        }
        finally {
            this.lock.unlock();
        }
    }

    /**
     * Unblocks the token request that arrived last among those held, and keeps holding the
     * others and new ones, so a test can let a later request be answered before an earlier one.
     * @return whether a request was held
     */
    public boolean releaseLatest() {
        this.lock.lock();
        try {
            Integer latest = this.held.pollLast();
            if (latest == null) {
                return false;
            }
            this.releasedOnes.add(latest);
            this.changed.signalAll();
            return true;
        }
        finally {
            this.lock.unlock();
        }
    }

    /**
     * Unblocks every held token request and stops holding new ones. Idempotent.
     */
    public void release() {
        this.lock.lock();
        try {
            this.released = true;
            this.changed.signalAll();
        }
        finally {
            this.lock.unlock();
        }
    }
}
