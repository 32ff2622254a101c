package io.github.twilioauth.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.twilioauth.TwilioAuthenticationException;
import io.github.twilioauth.TwilioRetryPolicy;
import io.github.twilioauth.test.MockTwilioServer;
import io.github.twilioauth.test.TokenGate;
import io.github.twilioauth.testsupport.FakeTicker;
import io.github.twilioauth.testsupport.Jwts;
import io.github.twilioauth.testsupport.MockTwilioOAuthApp;
import io.github.twilioauth.testsupport.Retries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * The token engine under faults, over real HTTP against the stand-in: every installed fetch
 * completes whatever its executor or observation handlers do, waits are bounded and answer
 * interrupts, {@link TokenCache#clear()} is never undone by a fetch it superseded, short and
 * skewed lifetimes are cached, and a persistent 401 costs a bounded number of token requests.
 */
class TokenCacheTest {

    static final String ACCOUNT_SID = ApiTokenManagerTest.ACCOUNT_SID;

    static final String CLIENT_ID = ApiTokenManagerTest.CLIENT_ID;

    static final String CLIENT_SECRET = ApiTokenManagerTest.CLIENT_SECRET;

    /** Usable life of a one-hour token: its lifetime less the 30 s safety margin. */
    static final Duration USABLE = Duration.ofHours(1).minusSeconds(30);

    /** How long a test waits for a call that must not block before calling it blocked. */
    static final Duration BLOCKED = Duration.ofSeconds(10);

    @RegisterExtension
    static final MockTwilioOAuthApp app = new MockTwilioOAuthApp(ACCOUNT_SID, CLIENT_ID, CLIENT_SECRET);

    private final FakeTicker ticker = new FakeTicker();

    private final ExecutorService threads = Executors.newCachedThreadPool();

    private final List<CachingTokenManager> managers = new ArrayList<>();

    private final MockTwilioServer server = app.server();

    @AfterEach
    void closeManagersAndThreads() {
        this.managers.forEach(CachingTokenManager::close);
        this.threads.shutdownNow();
    }

    private TokenManagerSettings.Builder settings() {
        return TokenManagerSettings.builder().ticker(this.ticker).retry(Retries.attempts(1));
    }

    private ApiTokenManager manager(TokenManagerSettings.Builder settings) {
        ApiTokenManager manager = new ApiTokenManager(app.options().build(), settings.build());
        this.managers.add(manager);
        return manager;
    }

    /** Calls on another thread, failing the test if the call blocks. */
    private <T> T within(Callable<T> call) throws Exception {
        Future<T> result = this.threads.submit(call);
        try {
            return result.get(BLOCKED.toSeconds(), TimeUnit.SECONDS);
        }
        catch (TimeoutException ex) {
            result.cancel(true);
            return fail("The call was still blocked after " + BLOCKED);
        }
        catch (ExecutionException ex) {
            throw (Exception) ex.getCause();
        }
    }

    private static boolean isWaiting(Thread thread) {
        return thread.getState() == Thread.State.WAITING || thread.getState() == Thread.State.TIMED_WAITING;
    }

    private void enterRenewalWindow() {
        this.ticker.advance(Duration.ofNanos((long) (USABLE.toNanos() * 0.9)));
    }

    @Test
    void executorThatRejectsFailsTheCallerAtOnceAndTheNextCallerTriesAgain() throws Exception {
        ExecutorService shutDown = Executors.newSingleThreadExecutor();
        shutDown.shutdown();
        ApiTokenManager manager = manager(settings().executor(shutDown));

        for (int call = 0; call < 2; call++) {
            assertThatExceptionOfType(TwilioAuthenticationException.class).isThrownBy(() -> within(manager::getToken))
                .withMessageContaining("could not start")
                .withCauseInstanceOf(RejectedExecutionException.class);
        }
        assertThat(this.server.tokenRequestCount()).isZero();
    }

    @Test
    void executorThatThrowsAnErrorFailsThatFetchOnly() throws Exception {
        AtomicBoolean fail = new AtomicBoolean(true);
        Executor failingOnce = (task) -> {
            if (fail.getAndSet(false)) {
                throw new OutOfMemoryError("unable to create native thread: possibly out of memory");
            }
            this.threads.execute(task);
        };
        ApiTokenManager manager = manager(settings().executor(failingOnce));

        assertThatExceptionOfType(TwilioAuthenticationException.class).isThrownBy(() -> within(manager::getToken))
            .withCauseInstanceOf(OutOfMemoryError.class);
        assertThat(within(manager::getToken)).isNotBlank();
        assertThat(this.server.tokenRequestCount()).isEqualTo(1);
    }

    @Test
    void renewalThatCannotStartKeepsTheCurrentTokenAndIsTriedAgainAfterItsBackoff() throws Exception {
        AtomicInteger executions = new AtomicInteger();
        Executor failingSecond = (task) -> {
            if (executions.incrementAndGet() == 2) {
                throw new OutOfMemoryError("unable to create native thread: possibly out of memory");
            }
            task.run();
        };
        ApiTokenManager manager = manager(settings().executor(failingSecond)
            .retry(TwilioRetryPolicy.builder().maxRetries(0).delay(Duration.ofSeconds(1)).build()));
        String first = manager.getToken();
        enterRenewalWindow();

        assertThat(within(manager::getToken)).isSameAs(first);
        assertThat(within(manager::getToken)).isSameAs(first);
        assertThat(executions).hasValue(2);
        this.ticker.advance(Duration.ofMinutes(1));
        assertThat(within(manager::getToken)).isSameAs(first);
        assertThat(within(manager::getToken)).isNotEqualTo(first);
        assertThat(executions).hasValue(3);
        assertThat(this.server.tokenRequestCount()).isEqualTo(2);
    }

    @Test
    void executorThatDiscardsFetchesLeavesNoCallerWaitingPastTheBound() throws Exception {
        AtomicReference<Executor> executor = new AtomicReference<>((task) -> {
        });
        TokenManagerSettings.Builder settings = settings().executor((task) -> executor.get().execute(task))
            .retry(TwilioRetryPolicy.builder().maxRetries(0).timeout(Duration.ofMillis(200)).build())
            .connectTimeout(Duration.ofMillis(100))
            .readTimeout(Duration.ofMillis(100));
        ApiTokenManager manager = manager(settings);
        Duration bound = settings.build().fetchBound();

        for (int call = 0; call < 2; call++) {
            long started = System.nanoTime();
            assertThatExceptionOfType(TwilioAuthenticationException.class).isThrownBy(() -> within(manager::getToken))
                .withMessageContaining("did not complete within " + bound.toMillis() + " ms");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(bound)
                .isLessThan(BLOCKED);
        }
        executor.set(this.threads);
        assertThat(within(manager::getToken)).isNotBlank();
        assertThat(this.server.tokenRequestCount()).isEqualTo(1);
    }

    @Test
    void observationHandlerThatThrowsNeverStopsATokenRequest() throws Exception {
        ObservationRegistry broken = ObservationRegistry.create();
        broken.observationConfig().observationHandler(new ObservationHandler<>() {

            @Override
            public void onStart(Observation.Context context) {
                throw new IllegalStateException("broken observation handler");
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }
        });
        ApiTokenManager manager = manager(settings().observationRegistry(broken));

        assertThat(within(manager::getToken)).isNotBlank();
        assertThat(this.server.tokenRequestCount()).isEqualTo(1);
    }

    @Test
    void waiterThatIsInterruptedFailsAtOnceKeepingItsFlagWhileTheFetchGoesOn() throws Exception {
        ApiTokenManager manager = manager(settings());
        TokenGate gate = this.server.holdTokenRequests();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicBoolean interruptedAfterwards = new AtomicBoolean();
        CountDownLatch done = new CountDownLatch(1);
        Thread waiter = new Thread(() -> {
            try {
                manager.getToken();
            }
            catch (Throwable ex) {
                failure.set(ex);
                interruptedAfterwards.set(Thread.currentThread().isInterrupted());
            }
            done.countDown();
        });
        waiter.start();
        assertThat(gate.awaitWaiting(1, BLOCKED)).isTrue();
        await().atMost(BLOCKED).until(() -> isWaiting(waiter));

        waiter.interrupt();

        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(failure.get()).isInstanceOf(TwilioAuthenticationException.class)
            .hasMessageContaining("Interrupted while waiting for a token")
            .hasCauseInstanceOf(InterruptedException.class);
        assertThat(interruptedAfterwards).isTrue();
        gate.release();
        assertThat(within(manager::getToken)).isNotBlank();
        assertThat(this.server.tokenRequestCount()).isEqualTo(1);
    }

    @Test
    void interruptingTheCallerThatStartedAFetchFailsOnlyThatCaller() throws Exception {
        ApiTokenManager manager = manager(settings());
        TokenGate gate = this.server.holdTokenRequests();
        Future<String> first = this.threads.submit(manager::getToken);
        assertThat(gate.awaitWaiting(1, BLOCKED)).isTrue();
        List<Thread> others = new ArrayList<>();
        Set<String> tokens = ConcurrentHashMap.newKeySet();
        AtomicInteger failures = new AtomicInteger();
        for (int i = 0; i < 40; i++) {
            Thread other = new Thread(() -> {
                try {
                    tokens.add(manager.getToken());
                }
                catch (RuntimeException ex) {
                    failures.incrementAndGet();
                }
            });
            others.add(other);
            other.start();
        }
        await().atMost(BLOCKED).until(() -> others.stream().allMatch(TokenCacheTest::isWaiting));

        first.cancel(true);
        gate.release();

        for (Thread other : others) {
            other.join(BLOCKED.toMillis());
        }
        assertThat(failures).hasValue(0);
        assertThat(tokens).hasSize(1);
        assertThat(this.server.tokenRequestCount()).isEqualTo(1);
    }

    @Test
    void clearTokenIsNeverUndoneByTheRenewalItSuperseded() throws Exception {
        ApiTokenManager manager = manager(settings());
        String first = manager.getToken();
        enterRenewalWindow();
        TokenGate gate = this.server.holdTokenRequests();
        assertThat(manager.getToken()).isSameAs(first);
        assertThat(gate.awaitWaiting(1, BLOCKED)).as("the renewal is in flight").isTrue();

        manager.clearToken();
        AtomicReference<Thread> caller = new AtomicReference<>();
        Future<String> afterClear = this.threads.submit(() -> {
            caller.set(Thread.currentThread());
            return manager.getToken();
        });
        await().atMost(BLOCKED).until(() -> caller.get() != null && isWaiting(caller.get()));
        assertThat(gate.waiting()).as("token requests in flight: the renewal only").isEqualTo(1);
        gate.release();
        String fetchedAfterClear = afterClear.get(BLOCKED.toSeconds(), TimeUnit.SECONDS);

        List<String> issued = this.server.issuedTokens();
        assertThat(issued).hasSize(3).containsExactly(first, issued.get(1), fetchedAfterClear);
        for (int i = 0; i < 100; i++) {
            assertThat(manager.getToken()).isEqualTo(fetchedAfterClear);
        }
        assertThat(within(manager::getToken)).isEqualTo(fetchedAfterClear);
    }

    @Test
    void cacheTtlOfTwentySecondsIsCached() {
        ApiTokenManager manager = new ApiTokenManager(app.options().cacheTtl(Duration.ofSeconds(20)).build(),
                settings().executor(Runnable::run).build());
        this.managers.add(manager);

        assertHundredCallsMakeOneRequest(manager);
        this.ticker.advance(Duration.ofSeconds(17));
        assertThat(manager.getToken()).isNotBlank();
        assertThat(this.server.tokenRequestCount()).isEqualTo(2);
    }

    @Test
    void expiresInOfTwentyFiveSecondsIsCached() {
        this.server.tokenLifetime(Duration.ofSeconds(25));
        ApiTokenManager manager = manager(settings().executor(Runnable::run));

        assertHundredCallsMakeOneRequest(manager);
    }

    @Test
    void jwtExpAlreadyPastByTheLocalClockIsMeasuredFromArrival() {
        this.server.clock(Clock.offset(Clock.systemUTC(), Duration.ofHours(-2)));
        ApiTokenManager manager = manager(settings().executor(Runnable::run));

        assertHundredCallsMakeOneRequest(manager);
        assertThat(manager.status().usableUntil()).isAfter(Instant.now().plus(Duration.ofMinutes(59)));
    }

    @Test
    void jwtIssuedAnHourAheadOfTheLocalClockIsUsedForItsLifetimeFromArrival() throws Exception {
        long anHourAhead = System.currentTimeMillis() / 1000 + 3600;
        String jwt = Jwts.withIatAndExp(anHourAhead, anHourAhead + 600);
        this.server.respondToNextTokenRequest(200, "application/json",
                "{\"access_token\":\"" + jwt + "\",\"token_type\":\"Bearer\"}");
        ApiTokenManager manager = manager(settings().executor(Runnable::run).refreshAhead(1));
        Instant before = Instant.now();

        assertThat(manager.getToken()).isEqualTo(jwt);

        // Ten minutes less the safety margin of 30 s, from arrival; by exp on the local clock it would be 70 minutes.
        Duration usable = Duration.ofSeconds(570);
        assertThat(manager.status().usableUntil()).isBetween(before.plus(usable), Instant.now().plus(usable));
        this.ticker.advance(usable.minusSeconds(1));
        assertThat(manager.status().tokenValid()).isTrue();
        this.ticker.advance(Duration.ofSeconds(1));
        assertThat(manager.status().tokenValid()).isFalse();
        assertThat(this.server.tokenRequestCount()).isEqualTo(1);
        assertThat(manager.getToken()).isNotEqualTo(jwt);
        assertThat(this.server.tokenRequestCount()).isEqualTo(2);
    }

    private void assertHundredCallsMakeOneRequest(ApiTokenManager manager) {
        String first = manager.getToken();
        for (int i = 0; i < 99; i++) {
            assertThat(manager.getToken()).isSameAs(first);
        }
        assertThat(this.server.tokenRequestCount()).isEqualTo(1);
    }

    @Test
    void persistentRejectionRenewsAtMostOnceEveryTenSeconds() {
        ApiTokenManager manager = manager(settings().executor(Runnable::run));
        String first = manager.getToken();

        assertThat(manager.refreshToken(first)).isNotEqualTo(first);
        String renewed = manager.getToken();
        for (int i = 0; i < 100; i++) {
            assertThat(manager.refreshToken(renewed)).isSameAs(renewed);
        }
        assertThat(this.server.tokenRequestCount()).isEqualTo(2);
        this.ticker.advance(TokenCache.MIN_REJECTION_RENEWAL_INTERVAL);
        assertThat(manager.refreshToken(renewed)).isNotEqualTo(renewed);
        assertThat(this.server.tokenRequestCount()).isEqualTo(3);
    }

    @Test
    void refusedFetchFailsEveryCallWithinItsBackoffAtOnceWithTheSameExceptionAndNoTokenRequest() {
        ApiTokenManager manager = managerWithAWrongSecret();

        TwilioAuthenticationException refusal = catchThrowableOfType(TwilioAuthenticationException.class,
                manager::getToken);

        assertThat(refusal.statusCode()).isEqualTo(400);
        assertThat(refusal.code()).isEqualTo(322402);
        for (int call = 1; call < 50; call++) {
            assertThat(catchThrowable(manager::getToken)).isSameAs(refusal);
        }
        assertThat(catchThrowable(manager::refreshToken)).isSameAs(refusal);
        assertThat(this.server.tokenRequestCount()).isEqualTo(1);
        assertThat(manager.status().lastFailureStatus()).isEqualTo(400);
    }

    @Test
    void unauthorizedFetchBacksOffAndTheFirstCallAfterTheBackoffTriesAgain() {
        this.server.failNextTokenRequests(1, 401);
        ApiTokenManager manager = manager(settings().executor(Runnable::run).retry(retryDelay(Duration.ofSeconds(1))));
        TwilioAuthenticationException refusal = catchThrowableOfType(TwilioAuthenticationException.class,
                manager::getToken);
        assertThat(refusal.statusCode()).isEqualTo(401);

        this.ticker.advance(Duration.ofMillis(900));
        assertThat(catchThrowable(manager::getToken)).isSameAs(refusal);
        this.ticker.advance(Duration.ofMillis(1100));

        assertThat(manager.getToken()).isEqualTo(this.server.issuedTokens().get(0));
        assertThat(this.server.tokenRequestCount()).isEqualTo(2);
    }

    @Test
    void refusalBackoffDoublesWithEachRefusalUpToAMinute() {
        ApiTokenManager manager = managerWithAWrongSecret();
        catchThrowable(manager::getToken);
        // After n refusals, the next request waits between half and all of 2^n seconds, at most a minute.
        for (int refusals = 1; refusals < 12; refusals++) {
            long fullSeconds = Math.min(1L << refusals, 60);
            long leastSeconds = Math.min(1L << (refusals - 1), 60);
            this.ticker.advance(Duration.ofSeconds(leastSeconds).minusMillis(1));
            catchThrowable(manager::getToken);
            assertThat(this.server.tokenRequestCount()).as("token requests after %d refusals", refusals)
                .isEqualTo(refusals);
            this.ticker.advance(Duration.ofSeconds(fullSeconds - leastSeconds).plusMillis(1));
            catchThrowable(manager::getToken);
            assertThat(this.server.tokenRequestCount()).as("token requests after %d refusals", refusals)
                .isEqualTo(refusals + 1);
        }
    }

    @Test
    void clearTokenKeepsTheRefusalBackoff() {
        ApiTokenManager manager = managerWithAWrongSecret();
        Throwable refusal = catchThrowable(manager::getToken);

        manager.clearToken();

        assertThat(catchThrowable(manager::getToken)).isSameAs(refusal);
        assertThat(this.server.tokenRequestCount()).isEqualTo(1);
    }

    @Test
    void serverErrorsAfterEveryRetryLetTheNextCallerTryAgainAtOnce() {
        this.server.failNextTokenRequests(1, 500);
        ApiTokenManager manager = manager(settings().executor(Runnable::run).retry(retryDelay(Duration.ofSeconds(1))));

        assertThatExceptionOfType(TwilioAuthenticationException.class).isThrownBy(manager::getToken)
            .satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(500));

        assertThat(manager.getToken()).isNotBlank();
        assertThat(this.server.tokenRequestCount()).isEqualTo(2);
    }

    /** A manager whose secret the token endpoint refuses, fetching on the caller's thread, first back-off 1 to 2 s. */
    private ApiTokenManager managerWithAWrongSecret() {
        ApiTokenManager manager = new ApiTokenManager(app.options().clientSecret("wrong-secret-value").build(),
                settings().executor(Runnable::run).retry(retryDelay(Duration.ofSeconds(1))).build());
        this.managers.add(manager);
        return manager;
    }

    private static TwilioRetryPolicy retryDelay(Duration delay) {
        return TwilioRetryPolicy.builder().maxRetries(0).delay(delay).build();
    }

    @Test
    void errorThrownByAnObservationHandlerFailsTheTokenRequestAndShowsInTheStatus() throws Exception {
        AtomicBoolean broken = new AtomicBoolean(true);
        ApiTokenManager manager = manager(settings().observationRegistry(failingFetchObservations(broken)));

        assertThatExceptionOfType(TwilioAuthenticationException.class).isThrownBy(() -> within(manager::getToken))
            .withCauseInstanceOf(ServiceConfigurationError.class);
        assertThat(manager.status().lastFailureAt()).isNotNull();
        assertThat(manager.status().lastFailureStatus()).isZero();
        broken.set(false);
        assertThat(within(manager::getToken)).isNotBlank();
        assertThat(this.server.tokenRequestCount()).isEqualTo(1);
    }

    @Test
    void errorThrownByAnObservationHandlerOnARenewalFailsThatRenewalWhichIsTriedAgainAfterItsBackoff()
            throws Exception {
        AtomicBoolean broken = new AtomicBoolean(false);
        ApiTokenManager manager = manager(settings().observationRegistry(failingFetchObservations(broken)));
        String first = within(manager::getToken);
        enterRenewalWindow();
        broken.set(true);

        assertThat(within(manager::getToken)).isSameAs(first);

        await().atMost(BLOCKED).until(() -> manager.status().lastFailureAt() != null);
        assertThat(within(manager::getToken)).isSameAs(first);
        broken.set(false);
        this.ticker.advance(Duration.ofMinutes(1));
        assertThat(within(manager::getToken)).isSameAs(first);
        await().atMost(BLOCKED).until(() -> !manager.getToken().equals(first));
        assertThat(this.server.tokenRequestCount()).isEqualTo(2);
    }

    /** Observations whose handler throws an {@link Error} when a token request starts, while {@code broken}. */
    private static ObservationRegistry failingFetchObservations(AtomicBoolean broken) {
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new ObservationHandler<>() {

            @Override
            public void onStart(Observation.Context context) {
                if (broken.get()) {
                    throw new ServiceConfigurationError("broken observation handler");
                }
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return context instanceof TokenFetchContext;
            }
        });
        return registry;
    }

    @Test
    void closedManagerFailsAtOnceAndRequestsNoToken() throws Exception {
        ApiTokenManager manager = manager(settings());
        manager.getToken();

        manager.close();

        assertThatExceptionOfType(TwilioAuthenticationException.class).isThrownBy(() -> within(manager::getToken))
            .withMessageContaining("is closed");
        assertThatExceptionOfType(TwilioAuthenticationException.class)
            .isThrownBy(() -> within(manager::refreshToken));
        assertThat(this.server.tokenRequestCount()).isEqualTo(1);
    }

    @Test
    void closeFailsTheCallersWaitingForAFetch() throws Exception {
        ApiTokenManager manager = manager(settings());
        TokenGate gate = this.server.holdTokenRequests();
        Future<String> waiting = this.threads.submit(manager::getToken);
        assertThat(gate.awaitWaiting(1, BLOCKED)).isTrue();

        manager.close();

        assertThatExceptionOfType(ExecutionException.class)
            .isThrownBy(() -> waiting.get(BLOCKED.toSeconds(), TimeUnit.SECONDS))
            .withCauseInstanceOf(TwilioAuthenticationException.class)
            .withMessageContaining("is closed");
        gate.release();
    }
}
