package io.github.twilioauth.token;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongFunction;
import java.util.function.UnaryOperator;

import io.micrometer.observation.Observation;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.github.twilioauth.Backoff;
import io.github.twilioauth.TwilioAuthenticationException;
import io.github.twilioauth.observation.TenantTag;
import org.jspecify.annotations.Nullable;

/**
 * The token engine behind the built-in token managers: one instance per manager, so managers
 * share no lock and never wait for each other.
 * <p>
 * <b>Implementation notes.</b> Everything a manager knows is one immutable {@link State} in
 * {@link #state}, replaced only by compare-and-set: the current token, the fetch in flight, the
 * renewal back-off and what health reports read. Every change is a new {@code State}, so a
 * compare-and-set against the {@code State} a thread read succeeds only if nothing changed since,
 * and a thread that read a newer state never sees an older one: per thread, tokens never go
 * backwards.
 * <ul>
 * <li>With a token before its {@code refreshAt}: {@link #get()} is one volatile read and one
 * ticker read.</li>
 * <li>Between {@code refreshAt} and {@code usableUntil}: callers keep the current token, and the
 * first to find no fetch in flight and no back-off installs a renewal and hands it to the
 * executor.</li>
 * <li>With no usable token: callers join the fetch in flight, or install one, and wait for it.</li>
 * </ul>
 * A {@link Fetch} is installed by a compare-and-set that finds none, so there is at most one
 * token request in flight. It runs on the executor, never on a caller's thread, so interrupting
 * a caller fails that caller only. Whoever detaches a fetch from the state completes its future,
 * and nobody else: the fetch itself when it ends (on every path, {@code Throwable} included),
 * the caller whose hand-over to the executor failed, {@link #clear()} and {@link #close()}, or a
 * waiter that found the fetch past its bound. So every installed fetch is completed once, and
 * no waiter waits longer than {@link TokenManagerSettings#fetchBound()} for it. A fetch detached
 * by {@code clear()} completes with {@link #SUPERSEDED}: its waiters look again, and its token, if
 * one arrives, is dropped, so no caller that starts after {@code clear()} returned gets a token
 * requested before it.
 * <p>
 * A failed renewal leaves the current token in use; the next one waits for a back-off that
 * doubles with each consecutive failure. A token that Twilio rejects is renewed at once, unless
 * another renewal for a rejection started less than {@link #MIN_REJECTION_RENEWAL_INTERVAL} ago:
 * a persistent 401 costs at most one token request per that interval.
 */
final class TokenCache {

    private static final Log logger = LogFactory.getLog(TokenCache.class);

    /** Shortest time between two renewals for a rejected token. */
    static final Duration MIN_REJECTION_RENEWAL_INTERVAL = Duration.ofSeconds(10);

    private static final Duration MAX_RENEWAL_BACKOFF = Duration.ofMinutes(1);

    private static final TokenFetchObservationConvention FETCH_CONVENTION = new TokenFetchObservationConvention();

    private static final String WAIT_OBSERVATION = "twilio.auth.token.wait";

    /** Completes a fetch that {@link #clear()} detached: its waiters look at the state again. */
    private static final RuntimeException SUPERSEDED = new RuntimeException("superseded", null, false, false) {
    };

    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(TokenCache.class, "state", State.class);
        }
        catch (ReflectiveOperationException ex) {
            throw new ExceptionInInitializerError(ex);
        }
    }

    private final String tokenType;

    private final String description;

    private final LongFunction<TokenResponse> fetcher;

    private final TokenManagerOptions options;

    private final TokenManagerSettings settings;

    private final Ticker ticker;

    private final Executor executor;

    /**
     * The whole state. Written only by compare-and-set ({@link #STATE}), each time with a new
     * instance. Invariants: {@code fetch} is the one fetch in flight, or {@code null}; a fetch
     * leaves the state only in {@link #detach}, whose caller completes it; {@code token} is the
     * newest token obtained since the last {@link #clear()}; once {@code closed}, nothing else
     * changes.
     */
    @SuppressWarnings("unused")
    private volatile State state = State.EMPTY;

    /**
     * Creates the engine of one manager.
     * @param fetcher posts to the token endpoint, retrying within the retry timeout from the given
     * {@link System#nanoTime()}
     * @param executor runs the fetches
     */
    TokenCache(String tokenType, String description, LongFunction<TokenResponse> fetcher, TokenManagerOptions options,
            TokenManagerSettings settings, Executor executor) {
        this.tokenType = tokenType;
        this.description = description;
        this.fetcher = fetcher;
        this.options = options;
        this.settings = settings;
        this.ticker = settings.ticker();
        this.executor = executor;
    }

    String get() {
        State current = this.state;
        AccessToken token = current.token;
        if (token != null) {
            long now = this.ticker.read();
            if (now - token.refreshAt() < 0) {
                return token.value();
            }
            if (token.isUsableAt(now)) {
                renewAhead(current, now);
                return token.value();
            }
        }
        return waitForToken();
    }

    /** Starts a renewal unless one is in flight or backing off, or the state changed since the caller read it. */
    private void renewAhead(State seen, long now) {
        boolean backingOff = seen.failedRenewals > 0 && now - seen.renewalNotBefore < 0;
        if (seen.fetch == null && !backingOff && !seen.closed) {
            Fetch renewal = install(seen, Trigger.RENEWAL, null);
            if (renewal != null) {
                dispatch(renewal);
            }
        }
    }

    private String waitForToken() {
        Observation observation = start(Observation.createNotStarted(WAIT_OBSERVATION,
                this.settings.observationRegistry()).lowCardinalityKeyValue(TenantTag.KEY, this.settings.tenant())
            .lowCardinalityKeyValue("twilio.auth.token.type", this.tokenType));
        try {
            while (true) {
                State current = this.state;
                AccessToken token = current.token;
                if (token != null && token.isUsableAt(this.ticker.read())) {
                    return token.value();
                }
                String value = awaitFetch(current, Trigger.INITIAL, null);
                if (value != null) {
                    return value;
                }
            }
        }
        catch (RuntimeException ex) {
            quietly(() -> observation.error(ex));
            throw ex;
        }
        finally {
            quietly(observation::stop);
        }
    }

    String refresh() {
        while (true) {
            String value = awaitFetch(this.state, Trigger.REFRESH, null);
            if (value != null) {
                return value;
            }
        }
    }

    String replace(String rejected) {
        while (true) {
            State current = this.state;
            AccessToken token = current.token;
            long now = this.ticker.read();
            boolean isCurrent = token != null && token.value().equals(rejected);
            if (token != null && !isCurrent && token.isUsableAt(now)) {
                return token.value();
            }
            if (token != null && isCurrent && token.isUsableAt(now) && current.fetch == null
                    && current.lastRejectionRenewal != null
                    && now - current.lastRejectionRenewal - MIN_REJECTION_RENEWAL_INTERVAL.toNanos() < 0) {
                logger.debug("Twilio rejected the token of " + this.description + " again less than "
                        + MIN_REJECTION_RENEWAL_INTERVAL.toSeconds() + " s after the last renewal for a rejection;"
                        + " not renewing it yet");
                return rejected;
            }
            String value = awaitFetch(current, Trigger.REFRESH, isCurrent ? now : null);
            if (value != null) {
                return value;
            }
        }
    }

    /**
     * Joins the fetch in flight of {@code seen}, or installs one, and waits for its token.
     * @param rejectedAt when the fetch renews a rejected token, the ticker reading to record as
     * the last renewal for a rejection, else {@code null}
     * @return the token, or {@code null} when the state changed first or the fetch was superseded:
     * the caller looks again
     */
    private @Nullable String awaitFetch(State seen, Trigger trigger, @Nullable Long rejectedAt) {
        if (seen.closed) {
            throw closed();
        }
        Fetch fetch = seen.fetch;
        if (fetch == null) {
            fetch = install(seen, trigger, rejectedAt);
            if (fetch == null) {
                return null;
            }
            dispatch(fetch);
        }
        return await(fetch);
    }

    void clear() {
        State current;
        do {
            current = this.state;
            if (current.closed) {
                return;
            }
        }
        while (!STATE.compareAndSet(this, current, current.cleared()));
        if (current.fetch != null) {
            current.fetch.future.completeExceptionally(SUPERSEDED);
        }
    }

    void close() {
        State current;
        do {
            current = this.state;
            if (current.closed) {
                return;
            }
        }
        while (!STATE.compareAndSet(this, current, current.asClosed()));
        if (current.fetch != null) {
            current.fetch.future.completeExceptionally(closed());
        }
    }

    private TwilioAuthenticationException closed() {
        return new TwilioAuthenticationException("The token manager of " + this.description + " is closed", 0, null);
    }

    /** Installs a new fetch in place of {@code seen}, which has none; {@code null} when the state changed. */
    private @Nullable Fetch install(State seen, Trigger trigger, @Nullable Long rejectedAt) {
        Fetch fetch = new Fetch(trigger, System.nanoTime(), this.settings);
        return STATE.compareAndSet(this, seen, seen.with(fetch, rejectedAt)) ? fetch : null;
    }

    /** Hands a fetch to the executor; if that fails, fails the fetch with the reason. */
    private void dispatch(Fetch fetch) {
        try {
            this.executor.execute(() -> run(fetch));
        }
        catch (Throwable ex) {
            logger.warn("Could not start a token request for " + this.description + ": " + ex);
            detach(fetch, new TwilioAuthenticationException(
                    "Token request for " + this.description + " could not start: " + ex, ex));
        }
    }

    /** Runs a fetch on the executor, observed, and detaches it with its outcome. */
    private void run(Fetch fetch) {
        if (this.state.fetch != fetch) {
            return;
        }
        TokenFetchContext context = new TokenFetchContext(this.tokenType, fetch.trigger.value, this.settings.tenant());
        Observation observation = start(Observation.createNotStarted(null, FETCH_CONVENTION, () -> context,
                this.settings.observationRegistry()));
        try {
            TokenResponse response = this.fetcher.apply(fetch.installedAt);
            AccessToken token = AccessToken.of(response, this.ticker.read(), System.currentTimeMillis(),
                    this.options.cacheTtl(), this.settings.refreshAhead());
            context.setOutcome("success");
            if (detach(fetch, token) && logger.isDebugEnabled()) {
                logger.debug("Fetched an access token for " + this.description + " (" + fetch.trigger.value
                        + "), usable until " + token.usableUntilInstant());
            }
        }
        catch (Throwable ex) {
            RuntimeException failure = (ex instanceof RuntimeException runtime) ? runtime
                    : new TwilioAuthenticationException("Token request for " + this.description + " failed: " + ex, ex);
            context.setOutcome(outcome(failure));
            quietly(() -> observation.error(failure));
            detach(fetch, failure);
        }
        finally {
            quietly(observation::stop);
        }
    }

    /**
     * Detaches a fetch from the state with its token and completes its future.
     * @return whether the fetch was still attached; if not, whoever detached it completed it
     */
    private boolean detach(Fetch fetch, AccessToken token) {
        if (detach(fetch, (current) -> current.fetched(token)) == null) {
            return false;
        }
        fetch.future.complete(token);
        return true;
    }

    /**
     * Detaches a fetch from the state with its failure and completes its future. A failed renewal
     * sets its back-off in the same step, so no caller can start another renewal in between.
     * @return whether the fetch was still attached; if not, whoever detached it completed it
     */
    private boolean detach(Fetch fetch, RuntimeException failure) {
        State next = detach(fetch, (current) -> current.failed(failure, fetch.trigger, this));
        if (next == null) {
            return false;
        }
        fetch.future.completeExceptionally(failure);
        if (fetch.trigger == Trigger.RENEWAL && logger.isDebugEnabled()) {
            logger.debug("Renewal ahead of expiry for " + this.description + " failed; the current token stays"
                    + " in use and the next attempt waits "
                    + Duration.ofNanos(next.renewalNotBefore - this.ticker.read()).toMillis() + " ms");
        }
        return true;
    }

    /**
     * Detaches a fetch from the state, replacing the state by its outcome: the one place a fetch
     * ends. Its caller completes the fetch's future.
     * @return the new state, or {@code null} when the fetch was no longer attached
     */
    private @Nullable State detach(Fetch fetch, UnaryOperator<State> outcome) {
        State current;
        State next;
        do {
            current = this.state;
            if (current.fetch != fetch) {
                return null;
            }
            next = outcome.apply(current);
        }
        while (!STATE.compareAndSet(this, current, next));
        return next;
    }

    /** Waits for a fetch, at most until its bound; {@code null} when it was superseded by {@link #clear()}. */
    private @Nullable String await(Fetch fetch) {
        while (true) {
            try {
                long remaining = fetch.waitUntil - System.nanoTime();
                return fetch.future.get(Math.max(remaining, 0), TimeUnit.NANOSECONDS).value();
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new TwilioAuthenticationException("Interrupted while waiting for a token for " + this.description,
                        ex);
            }
            catch (ExecutionException ex) {
                if (ex.getCause() == SUPERSEDED) {
                    return null;
                }
                throw (RuntimeException) ex.getCause();
            }
            catch (TimeoutException ex) {
                if (!detach(fetch, new TwilioAuthenticationException("Token request for " + this.description
                        + " did not complete within " + this.settings.fetchBound().toMillis() + " ms", 0, null))) {
                    // Detached by another thread, which completes it next.
                    Thread.onSpinWait();
                }
            }
        }
    }

    /** Returns the ticker reading before which no renewal starts after the given number of failed ones. */
    private long renewalNotBefore(int failures) {
        return this.ticker.read()
                + Math.min(Backoff.jittered(this.settings.retry().delay(), failures).toNanos(),
                        MAX_RENEWAL_BACKOFF.toNanos());
    }

    private static String outcome(RuntimeException failure) {
        int status = (failure instanceof TwilioAuthenticationException auth) ? auth.statusCode() : 0;
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

    /** Starts an observation; a failing observation handler never stops a token request. */
    private static Observation start(Observation observation) {
        try {
            return observation.start();
        }
        catch (RuntimeException ex) {
            logger.warn("An observation handler failed; token requests go on without this observation: " + ex);
            return Observation.NOOP;
        }
    }

    private static void quietly(Runnable observationCall) {
        try {
            observationCall.run();
        }
        catch (RuntimeException ex) {
            logger.warn("An observation handler failed: " + ex);
        }
    }

    TokenStatus status() {
        State current = this.state;
        AccessToken token = current.token;
        Failure failure = current.lastFailure;
        return new TokenStatus(token != null && token.isUsableAt(this.ticker.read()),
                (token != null) ? token.usableUntilInstant() : null, current.lastFetchedAt,
                (failure != null) ? failure.at() : null, (failure != null) ? failure.status() : null,
                (failure != null) ? failure.code() : null);
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

    /** One token request, retries included, and the future its waiters wait on. */
    private static final class Fetch {

        private final Trigger trigger;

        /** {@link System#nanoTime()} when the fetch was installed: its retry timeout counts from it. */
        private final long installedAt;

        /** {@link System#nanoTime()} after which waiters stop waiting and detach the fetch. */
        private final long waitUntil;

        private final CompletableFuture<AccessToken> future = new CompletableFuture<>();

        Fetch(Trigger trigger, long installedAt, TokenManagerSettings settings) {
            this.trigger = trigger;
            this.installedAt = installedAt;
            this.waitUntil = installedAt + settings.fetchBound().toNanos();
        }
    }

    /** The last failed token request, without its message. */
    private record Failure(Instant at, int status, @Nullable Integer code) {

        static Failure of(RuntimeException failure) {
            if (failure instanceof TwilioAuthenticationException auth) {
                return new Failure(Instant.now(), auth.statusCode(), auth.code());
            }
            return new Failure(Instant.now(), 0, null);
        }
    }

    /**
     * Everything a manager knows, immutable; see {@link #state} for the invariants.
     *
     * @param token the newest token since the last clear, usable or not, or {@code null}
     * @param fetch the fetch in flight, or {@code null}
     * @param failedRenewals consecutive failed renewals ahead of expiry
     * @param renewalNotBefore ticker reading before which no renewal ahead of expiry starts, after a
     * failed one
     * @param lastRejectionRenewal ticker reading when the last renewal for a rejected token started,
     * or {@code null}
     * @param lastFetchedAt when a token last arrived, for health reports
     * @param lastFailure the last failed token request, for health reports
     * @param closed whether the manager is closed: nothing is fetched any more
     */
    private record State(@Nullable AccessToken token, @Nullable Fetch fetch, int failedRenewals,
            long renewalNotBefore, @Nullable Long lastRejectionRenewal, @Nullable Instant lastFetchedAt,
            @Nullable Failure lastFailure, boolean closed) {

        static final State EMPTY = new State(null, null, 0, 0, null, null, null, false);

        State with(Fetch fetch, @Nullable Long rejectedAt) {
            return new State(this.token, fetch, this.failedRenewals, this.renewalNotBefore,
                    (rejectedAt != null) ? rejectedAt : this.lastRejectionRenewal, this.lastFetchedAt,
                    this.lastFailure, this.closed);
        }

        State fetched(AccessToken token) {
            return new State(token, null, 0, 0, this.lastRejectionRenewal, Instant.now(), this.lastFailure, false);
        }

        State failed(RuntimeException failure, Trigger trigger, TokenCache cache) {
            boolean renewal = trigger == Trigger.RENEWAL;
            int failures = renewal ? this.failedRenewals + 1 : this.failedRenewals;
            long notBefore = renewal ? cache.renewalNotBefore(failures) : this.renewalNotBefore;
            return new State(this.token, null, failures, notBefore, this.lastRejectionRenewal, this.lastFetchedAt,
                    Failure.of(failure), this.closed);
        }

        State cleared() {
            return new State(null, null, 0, 0, this.lastRejectionRenewal, this.lastFetchedAt, this.lastFailure,
                    false);
        }

        State asClosed() {
            return new State(null, null, this.failedRenewals, this.renewalNotBefore, this.lastRejectionRenewal,
                    this.lastFetchedAt, this.lastFailure, true);
        }
    }
}
