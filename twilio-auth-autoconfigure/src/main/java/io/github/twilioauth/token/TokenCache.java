package io.github.twilioauth.token;

import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.observation.Observation;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.github.twilioauth.Backoff;
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

    private static final TokenFetchObservationConvention FETCH_CONVENTION = new TokenFetchObservationConvention();

    private static final String WAIT_OBSERVATION = "twilio.auth.token.wait";

    private final String tokenType;

    private final String description;

    private final Supplier<TokenResponse> fetcher;

    private final TokenManagerOptions options;

    private final Ticker ticker;

    private final Executor renewalExecutor;

    private final AsyncCache<String, Fetch> cache;

    private final ConcurrentMap<String, CompletableFuture<Fetch>> entries;

    private volatile AccessToken current;

    private volatile long renewalNotBefore;

    private volatile int failedRenewals;

    private volatile Instant lastFetchedAt;

    private volatile Failure lastFailure;

    TokenCache(String tokenType, String description, Supplier<TokenResponse> fetcher, TokenManagerOptions options) {
        this.tokenType = tokenType;
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
                renewAhead(token, now);
                return token.value();
            }
        }
        return Observation.createNotStarted(WAIT_OBSERVATION, this.options.observationRegistry())
            .lowCardinalityKeyValue("twilio.auth.token.type", this.tokenType)
            .observe(this::waitForToken);
    }

    private String waitForToken() {
        CompletableFuture<Fetch> created = new CompletableFuture<>();
        CompletableFuture<Fetch> entry = this.cache.get(KEY, (key, executor) -> created);
        if (entry == created) {
            fetchInto(created, Trigger.INITIAL);
        }
        return await(entry);
    }

    String refresh() {
        while (true) {
            CompletableFuture<Fetch> entry = this.entries.get(KEY);
            if (entry != null && !entry.isDone()) {
                return await(entry);
            }
            CompletableFuture<Fetch> fetch = new CompletableFuture<>();
            if (install(entry, fetch)) {
                fetchInto(fetch, Trigger.REFRESH);
                return await(fetch);
            }
        }
    }

    String replace(String rejected) {
        AccessToken token = this.current;
        if (token != null && !token.value().equals(rejected) && token.isUsableAt(this.ticker.read())) {
            return token.value();
        }
        CompletableFuture<Fetch> entry = this.entries.get(KEY);
        if (entry != null && !entry.isDone()) {
            return await(entry);
        }
        return refresh();
    }

    void clear() {
        this.current = null;
        this.cache.synchronous().invalidate(KEY);
    }

    /**
     * Starts one renewal of {@code seen}, unless one is in flight, a failed one is backing off,
     * or another caller already replaced {@code seen}: a caller that read the old token just
     * before a renewal completed must not start a second one.
     */
    private void renewAhead(AccessToken seen, long now) {
        if (this.current != seen) {
            return;
        }
        CompletableFuture<Fetch> entry = this.entries.get(KEY);
        if (entry != null && (!entry.isDone() || entry.join().token() != seen)) {
            return;
        }
        // Read after the entry: a failed renewal sets its back-off before its entry completes.
        if (now - this.renewalNotBefore < 0) {
            return;
        }
        CompletableFuture<Fetch> renewal = new CompletableFuture<>();
        if (install(entry, renewal)) {
            try {
                this.renewalExecutor.execute(() -> fetchInto(renewal, Trigger.RENEWAL));
            }
            catch (RuntimeException ex) {
                backOffRenewals();
                renewal.complete(new Fetch(null, ex));
            }
        }
    }

    /** Replaces a completed entry (or none) by a fetch about to start; false when another caller won. */
    private boolean install(CompletableFuture<Fetch> seen, CompletableFuture<Fetch> fetch) {
        return (seen != null) ? this.entries.replace(KEY, seen, fetch) : this.entries.putIfAbsent(KEY, fetch) == null;
    }

    private static String await(CompletableFuture<Fetch> entry) {
        Fetch fetch = entry.join();
        if (fetch.failure() != null) {
            throw fetch.failure();
        }
        return fetch.token().value();
    }

    /**
     * Runs a fetch, observed, and completes the entry with its outcome. A failed renewal sets
     * its back-off before the entry completes, so no caller can start another renewal in between.
     */
    private void fetchInto(CompletableFuture<Fetch> target, Trigger trigger) {
        TokenFetchContext context = new TokenFetchContext(this.tokenType, trigger.value);
        Observation observation = Observation
            .createNotStarted(null, FETCH_CONVENTION, () -> context, this.options.observationRegistry())
            .start();
        try {
            TokenResponse response = this.fetcher.get();
            long now = this.ticker.read();
            AccessToken token = AccessToken.of(response, now, System.currentTimeMillis(), this.options);
            this.current = token;
            this.failedRenewals = 0;
            this.renewalNotBefore = 0;
            this.lastFetchedAt = Instant.now();
            context.setOutcome("success");
            if (logger.isDebugEnabled()) {
                logger.debug("Fetched an access token for " + this.description + " (" + trigger.value
                        + "), usable until " + token.usableUntilInstant());
            }
            target.complete(new Fetch(token, null));
        }
        catch (RuntimeException | Error ex) {
            RuntimeException failure = (ex instanceof RuntimeException runtime) ? runtime
                    : new TwilioAuthenticationException("Token request for " + this.description + " failed", ex);
            recordFailure(failure, context);
            observation.error(failure);
            if (trigger == Trigger.RENEWAL) {
                backOffRenewals();
            }
            target.complete(new Fetch(null, failure));
        }
        finally {
            observation.stop();
        }
    }

    private void recordFailure(RuntimeException failure, TokenFetchContext context) {
        int status = (failure instanceof TwilioAuthenticationException auth) ? auth.statusCode() : 0;
        Integer code = (failure instanceof TwilioAuthenticationException auth) ? auth.code() : null;
        this.lastFailure = new Failure(Instant.now(), status, code);
        context.setOutcome(outcome(failure, status));
    }

    private static String outcome(Throwable failure, int status) {
        if (status >= 500) {
            return "server_error";
        }
        if (status >= 400) {
            return "client_error";
        }
        if (status > 0) {
            return "invalid_response";
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpTimeoutException || cause instanceof SocketTimeoutException) {
                return "timeout";
            }
        }
        return "io_error";
    }

    TokenStatus status() {
        AccessToken token = this.current;
        Failure failure = this.lastFailure;
        return new TokenStatus(token != null && token.isUsableAt(this.ticker.read()),
                (token != null) ? token.usableUntilInstant() : null, this.lastFetchedAt,
                (failure != null) ? failure.at() : null, (failure != null) ? failure.status() : null,
                (failure != null) ? failure.code() : null);
    }

    private void backOffRenewals() {
        int failures = ++this.failedRenewals;
        long wait = Math.min(Backoff.jittered(this.options.backoff(), failures).toNanos(), MAX_RENEWAL_BACKOFF.toNanos());
        this.renewalNotBefore = this.ticker.read() + wait;
        logger.debug("Renewal ahead of expiry for " + this.description + " failed; the current token stays in use"
                + " and the next attempt waits " + Duration.ofNanos(wait).toMillis() + " ms");
    }

    @Override
    public String toString() {
        return "TokenCache[" + this.description + "]";
    }

    /** Why a token is requested, as observations report it. */
    private enum Trigger {

        INITIAL("initial"), RENEWAL("renewal"), REFRESH("refresh");

        private final String value;

        Trigger(String value) {
            this.value = value;
        }
    }

    /** The last failed token request, without its message. */
    private record Failure(Instant at, int status, Integer code) {
    }

    /**
     * The outcome of one token request. A failure is an outcome too, rather than a failed
     * future, so that it reaches every caller that waited for it and then expires at once.
     */
    private record Fetch(AccessToken token, RuntimeException failure) {
    }

    /** Expires a token at its usable deadline, and a failure at once. */
    private static final class UntilUnusable implements Expiry<String, Fetch> {

        @Override
        public long expireAfterCreate(String key, Fetch fetch, long currentTime) {
            return (fetch.token() != null) ? Math.max(0, fetch.token().usableUntil() - currentTime) : 0;
        }

        @Override
        public long expireAfterUpdate(String key, Fetch fetch, long currentTime, long currentDuration) {
            return expireAfterCreate(key, fetch, currentTime);
        }

        @Override
        public long expireAfterRead(String key, Fetch fetch, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
