package io.github.twilioauth.store;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.RemovalCause;
import org.jspecify.annotations.Nullable;

/**
 * A {@link DeliveryStore} in this JVM's memory: a Caffeine cache of records, bounded by the
 * memory they take (bodies included, the least recently used going first), each claim expiring
 * after the claim timeout and each response after the window. It catches a duplicate that lands
 * on the same instance only; {@link io.github.twilioauth.store.redis.RedisDeliveryStore} catches
 * them across instances.
 * <p>
 * A claim is an entry put if absent; completing it replaces that very entry (compared by
 * identity) and releasing it removes that very entry, so a claim that expired and was taken by
 * another request changes nothing. Requests waiting for a claim wait on a future of its entry,
 * completed when the claim ends, whichever way, or is evicted. Thread-safe; nothing blocks.
 */
public final class InMemoryDeliveryStore implements DeliveryStore {

    // What an entry costs besides its body, in bytes: key, entry, record and cache node, roughly.
    private static final int ENTRY_OVERHEAD = 256;

    private final ConcurrentMap<String, Entry> records;

    /**
     * Creates a store.
     * @param window how long a response is kept for duplicates
     * @param claimTimeout how long a claim holds a delivery at most
     * @param maxBytes how much memory the records may take, bodies included
     * @param nanoTime source of time for expiry, nanoseconds as {@link System#nanoTime()}
     */
    public InMemoryDeliveryStore(Duration window, Duration claimTimeout, long maxBytes, LongSupplier nanoTime) {
        long windowNanos = window.toNanos();
        long claimNanos = claimTimeout.toNanos();
        Cache<String, Entry> cache = Caffeine.newBuilder()
            .maximumWeight(maxBytes)
            .weigher((String id, Entry entry) -> entry.weight())
            .expireAfter(new Expiry<String, Entry>() {

                @Override
                public long expireAfterCreate(String id, Entry entry, long currentTime) {
                    return (entry instanceof Pending) ? claimNanos : windowNanos;
                }

                @Override
                public long expireAfterUpdate(String id, Entry entry, long currentTime, long currentDuration) {
                    return expireAfterCreate(id, entry, currentTime);
                }

                @Override
                public long expireAfterRead(String id, Entry entry, long currentTime, long currentDuration) {
                    return currentDuration;
                }
            })
            .evictionListener((@Nullable String id, @Nullable Entry entry, RemovalCause cause) -> {
                if (entry instanceof Pending pending) {
                    pending.outcome.complete(null);
                }
            })
            .ticker(nanoTime::getAsLong)
            .executor(Runnable::run)
            .build();
        this.records = cache.asMap();
    }

    @Override
    public DeliveryClaim claim(DeliveryKey key, byte[] signatureHash) {
        return new MemoryClaim(key.id(), new Pending(signatureHash));
    }

    @Override
    public CompletableFuture<@Nullable DeliveryRecord> awaitCompletion(DeliveryKey key, Duration timeout) {
        Entry entry = this.records.get(key.id());
        if (entry instanceof Pending pending) {
            return pending.outcome.copy()
                .completeOnTimeout(pending.record(), Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
        }
        return CompletableFuture.completedFuture((entry != null) ? entry.record() : null);
    }

    @Override
    public String toString() {
        return "InMemoryDeliveryStore[" + this.records.size() + " records]";
    }

    private final class MemoryClaim implements DeliveryClaim {

        private final String id;

        private final Pending pending;

        MemoryClaim(String id, Pending pending) {
            this.id = id;
            this.pending = pending;
        }

        @Override
        public CompletableFuture<@Nullable DeliveryRecord> acquire() {
            Entry found = InMemoryDeliveryStore.this.records.putIfAbsent(this.id, this.pending);
            return CompletableFuture.completedFuture((found != null) ? found.record() : null);
        }

        @Override
        public CompletableFuture<Void> complete(RecordedResponse response) {
            Done done = new Done(new DeliveryRecord.Completed(this.pending.signatureHash, response));
            boolean recorded = InMemoryDeliveryStore.this.records.replace(this.id, this.pending, done);
            this.pending.outcome.complete(recorded ? done.record : null);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> release() {
            InMemoryDeliveryStore.this.records.remove(this.id, this.pending);
            this.pending.outcome.complete(null);
            return CompletableFuture.completedFuture(null);
        }
    }

    /**
     * A record in the cache. Entries are compared by identity: a claim completes or releases only
     * the entry it put.
     */
    private abstract static sealed class Entry permits Pending, Done {

        abstract DeliveryRecord record();

        abstract int weight();
    }

    /** A claim: the delivery is being handled. */
    private static final class Pending extends Entry {

        private final byte[] signatureHash;

        // Completed once, when the claim ends or is evicted: with the record that replaced it, or
        // null.
        private final CompletableFuture<@Nullable DeliveryRecord> outcome = new CompletableFuture<>();

        Pending(byte[] signatureHash) {
            this.signatureHash = signatureHash;
        }

        @Override
        DeliveryRecord record() {
            return new DeliveryRecord.InProgress(this.signatureHash);
        }

        @Override
        int weight() {
            return ENTRY_OVERHEAD;
        }
    }

    /** A response, for duplicates. */
    private static final class Done extends Entry {

        private final DeliveryRecord.Completed record;

        Done(DeliveryRecord.Completed record) {
            this.record = record;
        }

        @Override
        DeliveryRecord record() {
            return this.record;
        }

        @Override
        int weight() {
            RecordedResponse response = this.record.response();
            String contentType = response.contentType();
            long weight = ENTRY_OVERHEAD + (long) response.body().length
                    + ((contentType != null) ? 2L * contentType.length() : 0);
            return (int) Math.min(Integer.MAX_VALUE, weight);
        }
    }
}
