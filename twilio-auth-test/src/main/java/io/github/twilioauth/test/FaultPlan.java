package io.github.twilioauth.test;

import java.time.Duration;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * Faults injected into one side of the mock server: answers queued for the next requests, in
 * the order they were queued, an answer given at random once the queue is empty, and a latency
 * added to every request. Thread-safe.
 *
 * @param <T> the type of a queued answer
 */
final class FaultPlan<T> {

    private final Queue<T> queued = new ConcurrentLinkedQueue<>();

    private volatile Duration latency = Duration.ZERO;

    private volatile @Nullable RandomFault<T> random;

    void queue(int count, T answer) {
        for (int i = 0; i < count; i++) {
            this.queued.add(answer);
        }
    }

    /**
     * Gives an answer to each later request that finds the queue empty, with a probability,
     * drawn from a random sequence of that seed: the n-th draw decides the n-th such request.
     */
    void randomly(double rate, long seed, T answer) {
        this.random = new RandomFault<>(rate, new Random(seed), answer);
    }

    /**
     * Takes the next queued answer, or else draws the random one.
     * @return the answer, or {@code null} when the request is to be served normally
     */
    @Nullable T next() {
        T queued = this.queued.poll();
        if (queued != null) {
            return queued;
        }
        RandomFault<T> random = this.random;
        return (random != null) ? random.draw() : null;
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
        this.random = null;
    }

    /**
     * An answer given with a probability. {@link Random} is thread-safe and its sequence depends
     * only on the seed, so the n-th draw is the same in every run, whichever thread makes it.
     */
    private record RandomFault<T>(double rate, Random draws, T answer) {

        @Nullable T draw() {
            return (this.draws.nextDouble() < this.rate) ? this.answer : null;
        }
    }
}
