package io.github.twilioauth.token;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.github.twilioauth.TwilioAuthenticationException;

/**
 * The token cache behind the built-in token managers: one instance per manager, so managers
 * share no lock and never wait for each other.
 * <p>
 * How it works. A Caffeine {@link AsyncCache} holds a single entry: the current token, or the
 * fetch that will produce the next one. Its expiry is the token's usable deadline, read from
 * the {@link Ticker}. Every fetch, blocking or ahead of expiry, is installed in that entry
 * before it starts, so there is at most one token request in flight and every caller that
 * needs a token joins it. {@link #current} mirrors the last token fetched so that the common
 * case is one volatile read and one ticker read, without touching the cache:
 * <ul>
 * <li>before {@code refreshAt}: return the current token;</li>
 * <li>between {@code refreshAt} and {@code usableUntil}: return the current token and, unless
 * a renewal is in flight or a failed one is backing off, start one renewal on the renewal
 * executor;</li>
 * <li>after {@code usableUntil}, or with no token: wait for the in-flight fetch, or run one in
 * the calling thread.</li>
 * </ul>
 * A failed renewal leaves the current token in use; the next attempt waits for a back-off that
 * doubles with each consecutive failure.
 */
final class TokenCache {

    private static final Log logger = LogFactory.getLog(TokenCache.class);

    private static final String KEY = "access-token";

    private static final Duration MAX_RENEWAL_BACKOFF = Duration.ofMinutes(1);

    private final String description;

    private final Supplier<TokenResponse> fetcher;

    private final TokenManagerOptions options;

    private final Ticker ticker;

    private final Executor renewalExecutor;

    private final AsyncCache<String, AccessToken> cache;

    private final ConcurrentMap<String, CompletableFuture<AccessToken>> entries;

    private volatile AccessToken current;

    private volatile long renewalNotBefore;

    private volatile int failedRenewals;

    TokenCache(String description, Supplier<TokenResponse> fetcher, TokenManagerOptions options) {
        this.description = description;
        this.fetcher = fetcher;
        this.options = options;
        this.ticker = options.ticker();
        this.renewalExecutor = (options.renewalExecutor() != null) ? options.renewalExecutor()
                : TokenCache::startDaemonThread;
        this.cache = Caffeine.newBuilder().ticker(this.ticker).expireAfter(new UntilUnusable()).buildAsync();
        this.entries = this.cache.asMap();
    }

    private static void startDaemonThread(Runnable task) {
        Thread thread = new Thread(task, "twilio-token-renewal");
        thread.setDaemon(true);
        thread.start();
    }

    String get() {
        AccessToken token = this.current;
        if (token != null) {
            long now = this.ticker.read();
            if (now - token.refreshAt() < 0) {
                return token.value();
            }
            if (token.isUsableAt(now)) {
                renewAhead(now);
                return token.value();
            }
        }
        CompletableFuture<AccessToken> created = new CompletableFuture<>();
        CompletableFuture<AccessToken> entry = this.cache.get(KEY, (key, executor) -> created);
        if (entry == created) {
            fetchInto(created);
        }
        return await(entry);
    }

    String refresh() {
        while (true) {
            CompletableFuture<AccessToken> entry = this.entries.get(KEY);
            if (entry != null && !entry.isDone()) {
                return await(entry);
            }
            CompletableFuture<AccessToken> fetch = new CompletableFuture<>();
            if (install(entry, fetch)) {
                fetchInto(fetch);
                return await(fetch);
            }
        }
    }

    String replace(String rejected) {
        AccessToken token = this.current;
        if (token != null && !token.value().equals(rejected) && token.isUsableAt(this.ticker.read())) {
            return token.value();
        }
        CompletableFuture<AccessToken> entry = this.entries.get(KEY);
        if (entry != null && !entry.isDone()) {
            return await(entry);
        }
        return refresh();
    }

    void clear() {
        this.current = null;
        this.cache.synchronous().invalidate(KEY);
    }

    private void renewAhead(long now) {
        if (now - this.renewalNotBefore < 0) {
            return;
        }
        CompletableFuture<AccessToken> entry = this.entries.get(KEY);
        if (entry != null && !entry.isDone()) {
            return;
        }
        CompletableFuture<AccessToken> renewal = new CompletableFuture<>();
        if (install(entry, renewal)) {
            this.renewalExecutor.execute(() -> {
                if (!fetchInto(renewal)) {
                    backOffRenewals();
                }
            });
        }
    }

    /** Replaces a completed entry (or none) by a fetch about to start; false when another caller won. */
    private boolean install(CompletableFuture<AccessToken> seen, CompletableFuture<AccessToken> fetch) {
        return (seen != null) ? this.entries.replace(KEY, seen, fetch) : this.entries.putIfAbsent(KEY, fetch) == null;
    }

    private String await(CompletableFuture<AccessToken> entry) {
        try {
            return entry.join().value();
        }
        catch (CompletionException | CancellationException ex) {
            Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new TwilioAuthenticationException("Token request for " + this.description + " failed", cause);
        }
    }

    private boolean fetchInto(CompletableFuture<AccessToken> target) {
        try {
            TokenResponse response = this.fetcher.get();
            AccessToken token = AccessToken.of(response, this.ticker.read(), System.currentTimeMillis(), this.options);
            this.current = token;
            this.failedRenewals = 0;
            this.renewalNotBefore = 0;
            target.complete(token);
            if (logger.isDebugEnabled()) {
                logger.debug("Fetched an access token for " + this.description + ", usable for "
                        + Duration.ofNanos(token.usableUntil() - this.ticker.read()).toSeconds() + " s");
            }
            return true;
        }
        catch (RuntimeException | Error ex) {
            target.completeExceptionally(ex);
            return false;
        }
    }

    private void backOffRenewals() {
        int failures = ++this.failedRenewals;
        long base = this.options.backoff().toNanos() << Math.min(failures, 20);
        long wait = Math.min(base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1), MAX_RENEWAL_BACKOFF.toNanos());
        this.renewalNotBefore = this.ticker.read() + wait;
        logger.debug("Renewal ahead of expiry for " + this.description + " failed; the current token stays in use"
                + " and the next attempt waits " + Duration.ofNanos(wait).toMillis() + " ms");
    }

    @Override
    public String toString() {
        return "TokenCache[" + this.description + "]";
    }

    /** Expires the entry at the token's usable deadline. */
    private static final class UntilUnusable implements Expiry<String, AccessToken> {

        @Override
        public long expireAfterCreate(String key, AccessToken token, long currentTime) {
            return Math.max(0, token.usableUntil() - currentTime);
        }

        @Override
        public long expireAfterUpdate(String key, AccessToken token, long currentTime, long currentDuration) {
            return expireAfterCreate(key, token, currentTime);
        }

        @Override
        public long expireAfterRead(String key, AccessToken token, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
