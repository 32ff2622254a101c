package io.github.twilioauth;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import org.jspecify.annotations.Nullable;

/**
 * A bounded cache of what an application's store (a database, most often) says about keys, such
 * as the tenants of a {@code TwilioTenantRepository}: at most {@code maximumSize} values, each
 * dropped after going unused for {@code expireAfterAccess}, both counted by Caffeine.
 * <p>
 * A key nobody holds is looked up once however many threads ask for it at once, on the thread of
 * the first of them, outside any lock: the others wait for that lookup, and callers of other keys
 * never do. A lookup that finds nothing or fails caches nothing. A caller waits for another's
 * lookup at most {@code maxWait} and answers interrupts, failing alone with its interrupt flag
 * set; when another caller's lookup fails, a waiting caller looks the key up itself, so one
 * caller's failure or interrupt never fails another.
 * <p>
 * Implementation notes: the values are futures in a Caffeine {@link AsyncCache}; the first
 * caller installs an incomplete one with {@code putIfAbsent}, runs the lookup and completes the
 * future on every path (cancels it when the lookup throws anything), then takes it out again when
 * it holds no value. Eviction and removal run on the calling thread (a same-thread
 * executor), so nothing here starts a thread, and {@code onRemoval} runs once per value that
 * leaves the cache, after its lookup completed.
 *
 * @param <K> the type of keys
 * @param <V> the type of values
 */
public final class LookupCache<K, V> {

    private final AsyncCache<K, V> cache;

    private final Duration maxWait;

    private final String description;

    /**
     * Creates an empty cache whose values need nothing done when they leave it.
     * @param maximumSize most values kept
     * @param expireAfterAccess how long a value unused is kept
     * @param ticker source of time of the expiry
     * @param maxWait longest a caller waits for another caller's lookup of the same key
     * @param description what a key names, for messages, such as {@code Twilio tenant}
     */
    public LookupCache(long maximumSize, Duration expireAfterAccess, Ticker ticker, Duration maxWait,
            String description) {
        this(maximumSize, expireAfterAccess, ticker, maxWait, description, (key, value) -> {
        });
    }

    /**
     * Creates an empty cache.
     * @param maximumSize most values kept
     * @param expireAfterAccess how long a value unused is kept
     * @param ticker source of time of the expiry
     * @param maxWait longest a caller waits for another caller's lookup of the same key
     * @param description what a key names, for messages, such as {@code Twilio tenant}
     * @param onRemoval called with each value that leaves the cache (evicted, expired or
     * invalidated); must not throw
     */
    public LookupCache(long maximumSize, Duration expireAfterAccess, Ticker ticker, Duration maxWait,
            String description, BiConsumer<K, V> onRemoval) {
        Objects.requireNonNull(onRemoval, "onRemoval must not be null");
        this.cache = Caffeine.newBuilder()
            .maximumSize(maximumSize)
            .expireAfterAccess(expireAfterAccess)
            .ticker(ticker)
            .executor(Runnable::run)
            .<K, V>removalListener((key, value, cause) -> {
                if (key != null && value != null) {
                    onRemoval.accept(key, value);
                }
            })
            .buildAsync();
        this.maxWait = maxWait;
        this.description = description;
    }

    /**
     * Returns the value of a key, from the cache, else from a lookup (this caller's, or one
     * another caller runs for the same key).
     * @param key the key
     * @param lookup finds the value of a key in the store, or {@code null} when it holds none
     * @return the value, or {@code null} when the lookup found none
     * @throws RuntimeException what this caller's lookup threw
     * @throws TwilioException when waiting for another caller's lookup took longer than the
     * wait allowed, or was interrupted
     */
    public @Nullable V get(K key, Function<? super K, ? extends @Nullable V> lookup) {
        V cached = getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        long deadline = System.nanoTime() + this.maxWait.toNanos();
        while (true) {
            CompletableFuture<V> mine = new CompletableFuture<>();
            CompletableFuture<V> pending = this.cache.asMap().putIfAbsent(key, mine);
            if (pending == null) {
                return lookUp(key, mine, lookup);
            }
            try {
                return pending.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
            catch (ExecutionException | CancellationException ex) {
                // Another caller's lookup failed, which is that caller's to report: look it up again.
                this.cache.asMap().remove(key, pending);
            }
            catch (TimeoutException ex) {
                throw new TwilioException("Waited " + this.maxWait.toMillis() + " ms for another thread's lookup of "
                        + this.description + " '" + key + "', which has not ended");
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new TwilioException("Interrupted while waiting for another thread's lookup of "
                        + this.description + " '" + key + "'");
            }
        }
    }

    /**
     * Runs this caller's lookup and completes its future on every path; a future that holds no
     * value is taken out of the cache at once, so the next caller looks the key up again.
     */
    private @Nullable V lookUp(K key, CompletableFuture<V> mine, Function<? super K, ? extends @Nullable V> lookup) {
        V value;
        try {
            value = lookup.apply(key);
        }
        catch (Throwable ex) {
            // Cancelled rather than failed: Caffeine logs the failure of a future it holds, and the
            // failure is this caller's to report. Waiters take the cancellation as "look it up".
            this.cache.asMap().remove(key, mine);
            mine.cancel(false);
            throw ex;
        }
        mine.complete(value);
        if (value == null) {
            this.cache.asMap().remove(key, mine);
        }
        return value;
    }

    /**
     * Returns the value of a key if the cache holds it, without a lookup.
     * @param key the key
     * @return the value, or {@code null} when none is cached or its lookup is still running
     */
    public @Nullable V getIfPresent(K key) {
        CompletableFuture<V> cached = this.cache.getIfPresent(key);
        return (cached != null && cached.isDone() && !cached.isCompletedExceptionally()) ? cached.getNow(null)
                : null;
    }

    /**
     * Drops the value of a key, so that the next {@link #get} looks it up again; a lookup still
     * running is dropped once it ends.
     * @param key the key
     * @return whether the cache held the key
     */
    public boolean invalidate(K key) {
        return this.cache.asMap().remove(key) != null;
    }

    /**
     * Drops every value.
     */
    public void invalidateAll() {
        this.cache.synchronous().invalidateAll();
    }

    /**
     * Returns the values cached now, without those whose lookup is still running.
     * @return a snapshot
     */
    public List<V> values() {
        List<V> values = new ArrayList<>();
        for (CompletableFuture<V> cached : this.cache.asMap().values()) {
            V value = (cached.isDone() && !cached.isCompletedExceptionally()) ? cached.getNow(null) : null;
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }

    @Override
    public String toString() {
        return "LookupCache[" + this.description + ", size=" + this.cache.synchronous().estimatedSize() + "]";
    }
}
