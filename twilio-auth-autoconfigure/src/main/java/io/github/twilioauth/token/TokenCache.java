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
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
 * {@link #state}, replaced only by compare-and-set: the current token, the fetch wanted, the
 * manager's task on the executor, the back-off and what health reports read. Every change is a
 * new {@code State}, so a compare-and-set against the {@code State} a thread read succeeds only
 * if nothing changed since, and a thread that read a newer state never sees an older one: per
 * thread, tokens never go backwards.
 * <ul>
 * <li>With a token before its {@code refreshAt}: {@link #get()} is one volatile read and one
 * ticker read.</li>
 * <li>Between {@code refreshAt} and {@code usableUntil}: callers keep the current token, and the
 * first to find no fetch in flight and no back-off installs a renewal.</li>
 * <li>With no usable token: callers join the fetch in flight, or install one, and wait for it.</li>
 * </ul>
 * A {@link Fetch} is installed by a compare-and-set that finds none, so at most one is wanted at
 * a time. Whoever detaches a fetch from the state completes its future, and nobody else: the
 * task that ran it when it ends (on every path, {@code Throwable} included), {@link #clear()} and
 * {@link #close()}, a waiter that found it past its bound, or whoever takes away the task that was
 * to run it. So every installed fetch is completed once, and no waiter waits longer than
 * {@link TokenManagerSettings#fetchBound()} for it. A fetch detached by {@code clear()} completes
 * with {@link #SUPERSEDED}: its waiters look again, and its token, if one arrives, is dropped, so
 * no caller that starts after {@code clear()} returned gets a token requested before it.
 * <p>
 * <b>One task per manager.</b> Fetches run on the executor, never on a caller's thread, so
 * interrupting a caller fails that caller only; and they run in the manager's one {@link Task}.
 * The compare-and-set that installs a fetch into a state without a task installs a task too, and
 * its caller hands that task to the executor; a fetch installed while the task is queued or
 * running waits for it. The task runs the state's fetch, then the next one installed meanwhile,
 * and takes itself off the state only by a compare-and-set that finds no fetch. So a manager has
 * at most one task on the executor, queued or running, and holds at most one of its threads,
 * whatever {@code clear()} and waiters that give up do. A fetch they abandoned is not cancelled
 * (no HTTP client here can cancel a blocking read), it is counted against its own manager: it
 * sends no retry after it was abandoned, ends when its current attempt does (at most the connect
 * and read timeouts), and the manager's next fetch waits for it, while other managers keep the
 * rest of the executor's threads. A task that has not started when a waiter gives up on its fetch
 * is presumed lost (an executor that drops tasks): the waiter takes it off the state with the
 * fetch, the next fetch brings a new task, and the old one, should it run after all, finds
 * itself replaced and returns at once.
 * <p>
 * <b>Back-off.</b> A failed fetch makes the next one wait: a back-off of the retry delay, doubled
 * with each consecutive failure and at most {@link #MAX_BACKOFF}, jittered. Renewals ahead of
 * expiry wait for it whatever the failure, and meanwhile the current token stays in use. Callers
 * without a usable token wait for it only after a refusal, a 4xx answer of the token endpoint
 * (bad credentials, above all): within the back-off they fail at once with that same exception,
 * so a tenant with a wrong secret costs at most one token request per back-off; after any other
 * failure (5xx or I/O, already retried within the fetch) the next caller tries again at once.
 * {@link #clear()} keeps the back-off: it drops tokens, and the credentials that were refused
 * are still the manager's. A token that Twilio rejects is renewed at once, unless another renewal
 * for a rejection started less than {@link #MIN_REJECTION_RENEWAL_INTERVAL} ago: a persistent
 * 401 costs at most one token request per that interval.
 * <p>
 * <b>Renewal jitter.</b> Each token's renewal point is moved ahead of the refresh-ahead point by
 * up to {@link #RENEWAL_JITTER} of the time to it, at random, never later, so managers that got
 * their tokens together do not renew them together.
 * <p>
 * <b>Tokens shared with other instances.</b> With a {@link TokenStore}, a fetch claims the
 * manager's slot before it requests a token, in {@link #perform}, on the task: it takes a token
 * another instance published when that token is newer than the manager's own and arrived after
 * the last {@link #clear()} (so that the guarantee of {@code clear()} holds across instances, and
 * a token Twilio rejected is never taken back), or else the lease, and then requests a token and
 * publishes it. The fetch is the same for its waiters whichever way it ends: single flight,
 * back-off, bounds and health stay as they are, and {@link #get()} never touches the store. A
 * claim waits at most {@link TokenManagerSettings#leaseWaitBound()} for another instance's lease,
 * pausing on the fetch's future, so a fetch detached meanwhile stops waiting at once and requests
 * nothing.
 */
final class TokenCache {

    private static final Log logger = LogFactory.getLog(TokenCache.class);

    /** Shortest time between two renewals for a rejected token. */
    static final Duration MIN_REJECTION_RENEWAL_INTERVAL = Duration.ofSeconds(10);

    /** Longest back-off after failed token requests. */
    static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

    /** Largest fraction of the time to the refresh-ahead point by which a renewal is moved ahead of it. */
    static final double RENEWAL_JITTER = 0.1;

    private static final TokenFetchObservationConvention FETCH_CONVENTION = new TokenFetchObservationConvention();

    private static final String WAIT_OBSERVATION = "twilio.auth.token.wait";

    private static final String STORE_OBSERVATION = "twilio.auth.token.store";

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

    private final TokenEndpointClient endpoint;

    private final TokenManagerOptions options;

    private final TokenManagerSettings settings;

    private final Ticker ticker;

    private final Executor executor;

    /** The manager's slot in the token store, or {@code null} without a store. */
    private final TokenStore.@Nullable Slot slot;

    /**
     * The whole state. Written only by compare-and-set ({@link #STATE}), each time with a new
     * instance. Invariants: {@code fetch} is the one fetch wanted, or {@code null}; a fetch
     * leaves the state only by {@link #detach}, whose caller completes it; a state with a fetch
     * has a task, which runs it once it gets a thread; {@code token} is the newest token
     * obtained since the last {@link #clear()}; once {@code closed}, nothing else changes.
     */
    @SuppressWarnings("unused")
    private volatile State state = State.EMPTY;

    /**
     * Creates the engine of one manager.
     * @param endpoint posts to the token endpoint
     * @param executor runs the manager's task
     * @param slot where the manager shares its tokens with other instances, or {@code null}
     */
    TokenCache(String tokenType, String description, TokenEndpointClient endpoint, TokenManagerOptions options,
            TokenManagerSettings settings, Executor executor, TokenStore.@Nullable Slot slot) {
        this.tokenType = tokenType;
        this.description = description;
        this.endpoint = endpoint;
        this.options = options;
        this.settings = settings;
        this.ticker = settings.ticker();
        this.executor = executor;
        this.slot = slot;
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
        if (seen.fetch == null && !seen.isBackingOffAt(now) && !seen.closed) {
            install(seen, Trigger.RENEWAL, null);
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
     * @throws TwilioAuthenticationException the last refusal, while its back-off lasts
     */
    private @Nullable String awaitFetch(State seen, Trigger trigger, @Nullable Long rejectedAt) {
        if (seen.closed) {
            throw closed();
        }
        Fetch fetch = seen.fetch;
        if (fetch == null) {
            TwilioAuthenticationException refusal = seen.refusal;
            if (refusal != null && seen.isBackingOffAt(this.ticker.read())) {
                throw refusal;
            }
            fetch = install(seen, trigger, rejectedAt);
            if (fetch == null) {
                return null;
            }
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
        while (!STATE.compareAndSet(this, current, current.cleared(this.ticker.read())));
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

    /**
     * Installs a new fetch in place of {@code seen}, which has none, and a task to run it when
     * {@code seen} has none either; hands that task to the executor.
     * @return the fetch, or {@code null} when the state changed
     */
    private @Nullable Fetch install(State seen, Trigger trigger, @Nullable Long rejectedAt) {
        Fetch fetch = new Fetch(trigger, System.nanoTime(), this.settings.fetchBound());
        Task task = (seen.task == null) ? new Task() : null;
        if (!STATE.compareAndSet(this, seen, seen.with(fetch, task, rejectedAt))) {
            return null;
        }
        if (task != null) {
            dispatch(task);
        }
        return fetch;
    }

    /** Hands a new task to the executor; if that fails, takes it off the state, failing its fetch with the reason. */
    private void dispatch(Task task) {
        try {
            this.executor.execute(task);
        }
        catch (Throwable ex) {
            logger.warn("Could not start a token request for " + this.description + ": " + ex);
            abandon(task, new TwilioAuthenticationException(
                    "Token request for " + this.description + " could not start: " + ex, ex));
        }
    }

    /**
     * Takes a task that will not run, or no longer runs, off the state, and fails the fetch that
     * was waiting for it; nothing when the task is no longer the state's.
     */
    private void abandon(Task task, RuntimeException failure) {
        State current;
        State next;
        do {
            current = this.state;
            if (current.task != task) {
                return;
            }
            next = (current.fetch != null) ? current.failed(failure, this).withoutTask() : current.withoutTask();
        }
        while (!STATE.compareAndSet(this, current, next));
        if (current.fetch != null) {
            current.fetch.future.completeExceptionally(failure);
        }
    }

    /** Marks the task started, unless it is no longer the state's: presumed lost, or the manager closed. */
    private boolean begin(Task task) {
        State current;
        do {
            current = this.state;
            if (current.task != task) {
                return false;
            }
        }
        while (!STATE.compareAndSet(this, current, current.withTaskStarted()));
        return true;
    }

    /**
     * Returns the state's fetch for its task to run, or {@code null} once the task is off the
     * state: taken off here when the state has no fetch, or by someone else before.
     */
    private @Nullable Fetch next(Task task) {
        State current;
        do {
            current = this.state;
            if (current.task != task) {
                return null;
            }
            if (current.fetch != null) {
                return current.fetch;
            }
        }
        while (!STATE.compareAndSet(this, current, current.withoutTask()));
        return null;
    }

    /**
     * Runs one fetch: takes a token from the store, or requests one and publishes it; detaches
     * the fetch with its outcome, whatever is thrown.
     */
    private void perform(Fetch fetch) {
        TokenStore.Claim claim = claim(fetch);
        if (claim != null) {
            SharedToken shared = claim.token();
            if (shared != null) {
                AccessToken token = AccessToken.of(shared, this.ticker.read(), System.currentTimeMillis(),
                        this.settings.refreshAhead(), ThreadLocalRandom.current().nextDouble(RENEWAL_JITTER));
                if (detach(fetch, token) && logger.isDebugEnabled()) {
                    logger.debug("Took the access token of " + this.description + " that another instance requested ("
                            + fetch.trigger.value + "), usable until " + token.usableUntilInstant());
                }
                return;
            }
            if (fetch.future.isDone()) {
                // Detached while the claim waited: nobody wants its token any more.
                release(claim, null);
                return;
            }
        }
        request(fetch, claim);
    }

    /** Requests a token, observed, detaches the fetch with its outcome and publishes the token, whatever is thrown. */
    private void request(Fetch fetch, TokenStore.@Nullable Claim claim) {
        TokenFetchContext context = new TokenFetchContext(this.tokenType, fetch.trigger.value, this.settings.tenant());
        Observation observation = Observation.NOOP;
        RuntimeException failure = null;
        AccessToken token = null;
        try {
            observation = start(Observation.createNotStarted(null, FETCH_CONVENTION, () -> context,
                    this.settings.observationRegistry()));
            // The one place a token is requested.
            TokenResponse response = this.endpoint.fetch(fetch.installedAt, fetch::pause);
            token = AccessToken.of(response, this.ticker.read(), System.currentTimeMillis(),
                    this.options.cacheTtl(), this.settings.refreshAhead(),
                    ThreadLocalRandom.current().nextDouble(RENEWAL_JITTER));
            context.setOutcome("success");
            if (detach(fetch, token) && logger.isDebugEnabled()) {
                logger.debug("Fetched an access token for " + this.description + " (" + fetch.trigger.value
                        + "), usable until " + token.usableUntilInstant());
            }
        }
        catch (Throwable ex) {
            failure = (ex instanceof RuntimeException runtime) ? runtime
                    : new TwilioAuthenticationException("Token request for " + this.description + " failed: " + ex, ex);
            context.setOutcome(outcome(failure));
            fail(fetch, failure, false);
        }
        finally {
            if (claim != null) {
                // Published even when clear() superseded the fetch: the token is new to other instances.
                release(claim, token);
            }
        }
        stop(observation, failure);
    }

    /**
     * Claims the manager's slot in the store, observed.
     * @return the claim, or {@code null} without a store or when it failed
     */
    private TokenStore.@Nullable Claim claim(Fetch fetch) {
        TokenStore.Slot slot = this.slot;
        if (slot == null) {
            return null;
        }
        State seen = this.state;
        AccessToken current = seen.token;
        Long clearedAt = seen.clearedAt;
        Observation observation = start(Observation.createNotStarted(STORE_OBSERVATION,
                this.settings.observationRegistry()).lowCardinalityKeyValue(TenantTag.KEY, this.settings.tenant())
            .lowCardinalityKeyValue("twilio.auth.token.type", this.tokenType)
            .lowCardinalityKeyValue("trigger", fetch.trigger.value));
        TokenStore.Claim claim = null;
        try {
            claim = slot.claim((shared) -> wanted(shared, current, clearedAt), this.settings.leaseWaitBound(),
                    fetch::pause);
        }
        catch (RuntimeException ex) {
            logger.warn("The token store failed; " + this.description + " requests a token of its own: " + ex);
        }
        TokenStore.Claim claimed = claim;
        quietly(() -> observation.lowCardinalityKeyValue("result", result(claimed))
            .lowCardinalityKeyValue("lease", lease(claimed)));
        quietly(observation::stop);
        return claim;
    }

    /**
     * Whether a token from the store would do: still usable, newer than the manager's own, and
     * requested after the last {@link #clear()}.
     */
    private boolean wanted(SharedToken shared, @Nullable AccessToken current, @Nullable Long clearedAt) {
        if (shared.usableUntil() - this.ticker.read() <= 0) {
            return false;
        }
        if (clearedAt != null && shared.receivedAt() - clearedAt <= 0) {
            return false;
        }
        return current == null || (!shared.value().equals(current.value())
                && shared.usableUntil() - current.usableUntil() > 0);
    }

    /** Publishes a token under a claim, or releases it without; a store that throws changes nothing. */
    private void release(TokenStore.Claim claim, @Nullable AccessToken token) {
        try {
            if (token != null) {
                claim.publish(token.toShared());
            }
            else {
                claim.release();
            }
        }
        catch (RuntimeException ex) {
            logger.warn("The token store failed to " + ((token != null) ? "publish" : "release") + " a claim of "
                    + this.description + ": " + ex);
        }
    }

    private static String result(TokenStore.@Nullable Claim claim) {
        if (claim != null && claim.token() != null) {
            return "hit";
        }
        return (claim != null && claim.leased()) ? "miss" : "fallback";
    }

    private static String lease(TokenStore.@Nullable Claim claim) {
        if (claim != null && claim.leased()) {
            return "won";
        }
        return (claim != null && claim.waited()) ? "lost" : "none";
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
     * Detaches a fetch from the state with its failure and completes its future. The back-off
     * is set in the same step, so no caller can start another fetch in between.
     * @param presumeTaskLost whether to take the task off the state too if it has not started
     * @return whether the fetch was still attached; if not, whoever detached it completed it
     */
    private boolean fail(Fetch fetch, RuntimeException failure, boolean presumeTaskLost) {
        State next = detach(fetch, (current) -> {
            State failed = current.failed(failure, this);
            return (presumeTaskLost && !current.taskStarted) ? failed.withoutTask() : failed;
        });
        if (next == null) {
            return false;
        }
        fetch.future.completeExceptionally(failure);
        if (fetch.trigger == Trigger.RENEWAL && logger.isDebugEnabled()) {
            logger.debug("Renewal ahead of expiry for " + this.description + " failed; the current token stays"
                    + " in use and the next attempt waits "
                    + Duration.ofNanos(next.notBefore - this.ticker.read()).toMillis() + " ms");
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
                if (!fail(fetch, new TwilioAuthenticationException("Token request for " + this.description
                        + " did not complete within " + this.settings.fetchBound().toMillis() + " ms", 0, null),
                        true)) {
                    // Detached by another thread, which completes it next.
                    Thread.onSpinWait();
                }
            }
        }
    }

    /** Returns the ticker reading before which no fetch starts after the given number of consecutive failures. */
    private long backoffUntil(int failures) {
        return this.ticker.read() + Math.min(Backoff.jittered(this.settings.retry().delay(), failures).toNanos(),
                MAX_BACKOFF.toNanos());
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

    /**
     * Starts an observation; a handler that throws a {@code RuntimeException} never stops a
     * token request. An {@code Error} is not caught: it fails the request that started the
     * observation, which reports it.
     */
    private static Observation start(Observation observation) {
        try {
            return observation.start();
        }
        catch (RuntimeException ex) {
            logger.warn("An observation handler failed; token requests go on without this observation: " + ex);
            return Observation.NOOP;
        }
    }

    private static void stop(Observation observation, @Nullable RuntimeException failure) {
        if (failure != null) {
            quietly(() -> observation.error(failure));
        }
        quietly(observation::stop);
    }

    /**
     * Reports to observation handlers once the outcome is settled: whatever they throw changes
     * nothing, and is logged.
     */
    private static void quietly(Runnable observationCall) {
        try {
            observationCall.run();
        }
        catch (Throwable ex) {
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

    /**
     * The manager's one task on the executor: runs the state's fetches one after another, and
     * ends once it finds none. If anything escapes, it takes itself off the state, failing the
     * fetch that was waiting for it, so no fetch waits for a task that is gone.
     */
    private final class Task implements Runnable {

        @Override
        public void run() {
            if (!begin(this)) {
                return;
            }
            try {
                for (Fetch fetch = next(this); fetch != null; fetch = next(this)) {
                    perform(fetch);
                }
            }
            catch (Throwable ex) {
                abandon(this, new TwilioAuthenticationException(
                        "Token request for " + TokenCache.this.description + " failed: " + ex, ex));
                throw ex;
            }
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

        Fetch(Trigger trigger, long installedAt, Duration bound) {
            this.trigger = trigger;
            this.installedAt = installedAt;
            this.waitUntil = installedAt + bound.toNanos();
        }

        /**
         * Waits before a retry of this fetch's token request.
         * @return whether to retry: {@code false} when the fetch was detached meanwhile, so no
         * one wants its token any more, or the thread was interrupted
         */
        boolean pause(Duration wait) {
            try {
                this.future.get(wait.toNanos(), TimeUnit.NANOSECONDS);
                return false;
            }
            catch (TimeoutException ex) {
                return true;
            }
            catch (ExecutionException ex) {
                return false;
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return false;
            }
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
     * @param fetch the fetch wanted, in flight or waiting for the task, or {@code null}
     * @param task the manager's task on the executor, queued or running, or {@code null}
     * @param taskStarted whether {@code task} has started running
     * @param failures consecutive failed fetches
     * @param notBefore ticker reading before which no fetch starts, after a failed one
     * @param refusal the last failure when it was a refusal of the token endpoint (a 4xx): thrown
     * to callers without a usable token until {@code notBefore}; else {@code null}
     * @param lastRejectionRenewal ticker reading when the last renewal for a rejected token started,
     * or {@code null}
     * @param lastFetchedAt when a token last arrived, for health reports
     * @param lastFailure the last failed token request, for health reports
     * @param clearedAt ticker reading of the last {@link #clear()}, or {@code null}: a token from
     * the store must have arrived after it
     * @param closed whether the manager is closed: nothing is fetched any more
     */
    private record State(@Nullable AccessToken token, @Nullable Fetch fetch, @Nullable Task task, boolean taskStarted,
            int failures, long notBefore, @Nullable TwilioAuthenticationException refusal,
            @Nullable Long lastRejectionRenewal, @Nullable Instant lastFetchedAt, @Nullable Failure lastFailure,
            @Nullable Long clearedAt, boolean closed) {

        static final State EMPTY = new State(null, null, null, false, 0, 0, null, null, null, null, null, false);

        boolean isBackingOffAt(long now) {
            return this.failures > 0 && now - this.notBefore < 0;
        }

        State with(Fetch fetch, @Nullable Task newTask, @Nullable Long rejectedAt) {
            return new State(this.token, fetch, (newTask != null) ? newTask : this.task,
                    newTask == null && this.taskStarted, this.failures, this.notBefore, this.refusal,
                    (rejectedAt != null) ? rejectedAt : this.lastRejectionRenewal, this.lastFetchedAt,
                    this.lastFailure, this.clearedAt, this.closed);
        }

        State withTaskStarted() {
            return new State(this.token, this.fetch, this.task, true, this.failures, this.notBefore, this.refusal,
                    this.lastRejectionRenewal, this.lastFetchedAt, this.lastFailure, this.clearedAt, this.closed);
        }

        State withoutTask() {
            return new State(this.token, this.fetch, null, false, this.failures, this.notBefore, this.refusal,
                    this.lastRejectionRenewal, this.lastFetchedAt, this.lastFailure, this.clearedAt, this.closed);
        }

        State fetched(AccessToken token) {
            return new State(token, null, this.task, this.taskStarted, 0, 0, null, this.lastRejectionRenewal,
                    Instant.now(), this.lastFailure, this.clearedAt, false);
        }

        State failed(RuntimeException failure, TokenCache cache) {
            int failed = this.failures + 1;
            TwilioAuthenticationException refused = (failure instanceof TwilioAuthenticationException auth
                    && auth.statusCode() >= 400 && auth.statusCode() < 500) ? auth : null;
            return new State(this.token, null, this.task, this.taskStarted, failed, cache.backoffUntil(failed),
                    refused, this.lastRejectionRenewal, this.lastFetchedAt, Failure.of(failure), this.clearedAt,
                    this.closed);
        }

        State cleared(long now) {
            return new State(null, null, this.task, this.taskStarted, this.failures, this.notBefore, this.refusal,
                    this.lastRejectionRenewal, this.lastFetchedAt, this.lastFailure, now, false);
        }

        State asClosed() {
            return new State(null, null, null, false, this.failures, this.notBefore, this.refusal,
                    this.lastRejectionRenewal, this.lastFetchedAt, this.lastFailure, this.clearedAt, true);
        }
    }
}
