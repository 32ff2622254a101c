package io.github.twilioauth;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.twilioauth.testsupport.FakeTicker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * One lookup per key however many threads ask, and no caller failed by another's failure or
 * interrupt.
 */
class LookupCacheTest {

    private final ExecutorService threads = Executors.newCachedThreadPool();

    private final FakeTicker ticker = new FakeTicker();

    private final LookupCache<String, String> cache = new LookupCache<>(100, Duration.ofMinutes(1), this.ticker::read,
            Duration.ofSeconds(30), "test key");

    @AfterEach
    void stopThreads() throws InterruptedException {
        this.threads.shutdownNow();
        assertThat(this.threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aWaiterLooksTheKeyUpItselfWhenTheLookupItWaitedForFails() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch failFirst = new CountDownLatch(1);
        AtomicInteger lookups = new AtomicInteger();
        AtomicReference<Thread> waiter = new AtomicReference<>();
        Future<String> first = this.threads.submit(() -> this.cache.get("key", (key) -> {
            lookups.incrementAndGet();
            firstStarted.countDown();
            awaitQuietly(failFirst);
            throw new IllegalStateException("store down");
        }));
        assertThat(firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
        Future<String> second = this.threads.submit(() -> {
            waiter.set(Thread.currentThread());
            return this.cache.get("key", (key) -> {
                lookups.incrementAndGet();
                return "found";
            });
        });
        await().atMost(Duration.ofSeconds(10))
            .until(() -> waiter.get() != null && waiter.get().getState() == Thread.State.TIMED_WAITING);
        failFirst.countDown();

        assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("found");
        assertThat(first).failsWithin(Duration.ofSeconds(10))
            .withThrowableOfType(java.util.concurrent.ExecutionException.class)
            .withRootCauseInstanceOf(IllegalStateException.class);
        assertThat(lookups).hasValue(2);
        assertThat(this.cache.getIfPresent("key")).isEqualTo("found");
    }

    @Test
    void anInterruptedWaiterFailsAloneWithItsInterruptFlagSet() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch finishFirst = new CountDownLatch(1);
        Future<String> first = this.threads.submit(() -> this.cache.get("key", (key) -> {
            firstStarted.countDown();
            awaitQuietly(finishFirst);
            return "found";
        }));
        assertThat(firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
        AtomicReference<Thread> waiter = new AtomicReference<>();
        Future<Boolean> interrupted = this.threads.submit(() -> {
            waiter.set(Thread.currentThread());
            assertThatExceptionOfType(TwilioException.class)
                .isThrownBy(() -> this.cache.get("key", (key) -> "not this one"))
                .withMessageContaining("Interrupted while waiting for another thread's lookup of test key 'key'");
            return Thread.currentThread().isInterrupted();
        });
        await().atMost(Duration.ofSeconds(10))
            .until(() -> waiter.get() != null && waiter.get().getState() == Thread.State.TIMED_WAITING);
        waiter.get().interrupt();

        assertThat(interrupted.get(10, TimeUnit.SECONDS)).isTrue();
        finishFirst.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("found");
        assertThat(this.cache.getIfPresent("key")).isEqualTo("found");
    }

    @Test
    void aLookupThatFindsNothingCachesNothing() {
        AtomicInteger lookups = new AtomicInteger();

        assertThat(this.cache.get("key", (key) -> {
            lookups.incrementAndGet();
            return null;
        })).isNull();
        this.cache.get("key", (key) -> {
            lookups.incrementAndGet();
            return null;
        });

        assertThat(lookups).hasValue(2);
        assertThat(this.cache.values()).isEmpty();
    }

    @Test
    void aValueUnusedForExpireAfterAccessIsLookedUpAgain() {
        this.cache.get("key", (key) -> "first");
        this.ticker.advance(Duration.ofSeconds(59));
        assertThat(this.cache.get("key", (key) -> "second")).isEqualTo("first");
        this.ticker.advance(Duration.ofSeconds(61));

        assertThat(this.cache.get("key", (key) -> "second")).isEqualTo("second");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
