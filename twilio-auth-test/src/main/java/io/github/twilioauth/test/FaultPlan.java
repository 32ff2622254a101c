package io.github.twilioauth.test;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * Faults injected into one side of the mock server: answers queued for the next requests, in
 * the order they were queued, and a latency added to every request. Thread-safe.
 *
 * @param <T> the type of a queued answer
 */
final class FaultPlan<T> {

    private final Queue<T> queued = new ConcurrentLinkedQueue<>();

    private volatile Duration latency = Duration.ZERO;

    void queue(int count, T answer) {
        for (int i = 0; i < count; i++) {
            this.queued.add(answer);
        }
    }

    /**
     * Takes the next queued answer.
     * @return the answer, or {@code null} when none is queued
     */
    T next() {
        return this.queued.poll();
    }

    void latency(Duration latency) {
        this.latency = latency;
    }

    void delay() throws InterruptedException {
        Duration latency = this.latency;
        if (!latency.isZero()) {
            TimeUnit.NANOSECONDS.sleep(latency.toNanos());
        }
    }

    void clear() {
        this.queued.clear();
        this.latency = Duration.ZERO;
    }
}
