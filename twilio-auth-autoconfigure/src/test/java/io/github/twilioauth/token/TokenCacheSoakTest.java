package io.github.twilioauth.token;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.github.twilioauth.TwilioAuthenticationException;
import io.github.twilioauth.TwilioRetryPolicy;
import io.github.twilioauth.test.MockTwilioServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A soak of the token engine alone: 16 threads call {@code getToken()} on one manager for 20
 * seconds, back to back, while tokens live 2 seconds (1 usable second, renewed after 0.8 s),
 * 5% of token requests fail at random, and another thread clears the token at random intervals.
 * <p>
 * The soak runs once, before the tests; each test checks one property of its outcome. Each
 * thread records the tokens it got, in order, and how long its slowest call took.
 */
@Tag("soak")
class TokenCacheSoakTest {

    static final String ACCOUNT_SID = "AC" + "e".repeat(32);

    static final String CLIENT_ID = "OQ" + "e".repeat(32);

    static final String CLIENT_SECRET = "soak-engine-client-secret";

    static final int THREADS = 16;

    static final Duration RUN_FOR = Duration.ofSeconds(20);

    static final Duration TOKEN_LIFETIME = Duration.ofSeconds(2);

    static final double TOKEN_FAILURE_RATE = 0.05;

    static final MockTwilioServer server = new MockTwilioServer();

    static final TokenManagerSettings settings = TokenManagerSettings.builder()
        .retry(TwilioRetryPolicy.builder().maxRetries(0).timeout(Duration.ofSeconds(2)).build())
        .connectTimeout(Duration.ofSeconds(1))
        .readTimeout(Duration.ofSeconds(1))
        .build();

    static final List<List<String>> tokensByThread = new ArrayList<>();

    static final AtomicLong slowestCallNanos = new AtomicLong();

    static final AtomicLong calls = new AtomicLong();

    static final AtomicInteger clears = new AtomicInteger();

    static final ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();

    @BeforeAll
    static void soak() throws Exception {
        server.oauthApp(CLIENT_ID, CLIENT_SECRET, ACCOUNT_SID).tokenLifetime(TOKEN_LIFETIME).start();
        server.failTokenRequestsRandomly(TOKEN_FAILURE_RATE, 4242);
        ExecutorService threads = Executors.newFixedThreadPool(THREADS + 1);
        try (ApiTokenManager manager = new ApiTokenManager(TokenManagerOptions.builder()
            .clientId(CLIENT_ID)
            .clientSecret(CLIENT_SECRET)
            .tokenUrl(server.tokenUrl())
            .build(), settings)) {
            CountDownLatch start = new CountDownLatch(1);
            long deadline = System.nanoTime() + RUN_FOR.toNanos();
            List<Future<?>> workers = new ArrayList<>();
            for (int thread = 0; thread < THREADS; thread++) {
                List<String> tokens = new ArrayList<>();
                tokensByThread.add(tokens);
                workers.add(threads.submit(() -> {
                    start.await();
                    callUntil(manager, deadline, tokens);
                    return null;
                }));
            }
            workers.add(threads.submit(() -> {
                start.await();
                clearAtRandomUntil(manager, deadline);
                return null;
            }));
            start.countDown();
            for (Future<?> worker : workers) {
                worker.get(RUN_FOR.toSeconds() + 60, TimeUnit.SECONDS);
            }
        }
        finally {
            threads.shutdownNow();
        }
    }

    /** Calls back to back, noting each token that differs from the last and the slowest call. */
    private static void callUntil(ApiTokenManager manager, long deadline, List<String> tokens) {
        String last = null;
        long slowest = 0;
        long count = 0;
        while (System.nanoTime() - deadline < 0) {
            long started = System.nanoTime();
            try {
                String token = manager.getToken();
                if (token != last) {
                    tokens.add(token);
                    last = token;
                }
            }
            catch (RuntimeException ex) {
                failures.add(ex);
            }
            slowest = Math.max(slowest, System.nanoTime() - started);
            count++;
        }
        slowestCallNanos.accumulateAndGet(slowest, Math::max);
        calls.addAndGet(count);
    }

    private static void clearAtRandomUntil(ApiTokenManager manager, long deadline) throws InterruptedException {
        while (System.nanoTime() - deadline < 0) {
            TimeUnit.MILLISECONDS.sleep(ThreadLocalRandom.current().nextLong(200, 2_000));
            manager.clearToken();
            clears.incrementAndGet();
        }
    }

    @AfterAll
    static void closeServer() {
        server.close();
    }

    @Test
    void tokensNeverGoBackwardsOnAnyThread() {
        Map<String, Integer> requestOrder = new HashMap<>();
        List<String> issued = server.issuedTokens();
        for (int i = 0; i < issued.size(); i++) {
            requestOrder.put(issued.get(i), i);
        }
        for (List<String> tokens : tokensByThread) {
            assertThat(tokens).isNotEmpty().allSatisfy((token) -> assertThat(requestOrder).containsKey(token));
            assertThat(tokens.stream().map(requestOrder::get).toList()).isSorted();
        }
    }

    @Test
    void noCallerWaitedPastTheBound() {
        assertThat(Duration.ofNanos(slowestCallNanos.get())).isLessThan(settings.fetchBound());
    }

    @Test
    void tokensWereRenewedAndClearedManyTimes() {
        assertThat(clears.get()).isGreaterThan(5);
        assertThat(server.issuedTokens()).hasSizeGreaterThan(20);
        assertThat(calls.get()).isGreaterThan(THREADS * 1_000L);
    }

    @Test
    void onlyTheInjectedTokenFailuresReachedCallers() {
        assertThat(failures).allSatisfy((failure) -> assertThat(failure).isInstanceOf(TwilioAuthenticationException.class)
            .satisfies((ex) -> assertThat(((TwilioAuthenticationException) ex).statusCode()).isEqualTo(500)));
    }
}
