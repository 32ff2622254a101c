package io.github.twilioauth.token;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.twilioauth.test.MockTwilioServer;
import io.github.twilioauth.test.TokenGate;
import io.github.twilioauth.testsupport.FakeTicker;
import io.github.twilioauth.testsupport.MockTwilioOAuthApp;
import io.github.twilioauth.testsupport.Retries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Renewal ahead of expiry, single-flight fetching and independence of managers.
 */
class TokenConcurrencyTest {

    static final String ACCOUNT_SID = ApiTokenManagerTest.ACCOUNT_SID;

    static final String CLIENT_ID = ApiTokenManagerTest.CLIENT_ID;

    static final String CLIENT_SECRET = ApiTokenManagerTest.CLIENT_SECRET;

    /** Usable life of a one-hour token: its lifetime less the 30 s safety margin. */
    static final Duration USABLE = Duration.ofHours(1).minusSeconds(30);

    @RegisterExtension
    static final MockTwilioOAuthApp app = new MockTwilioOAuthApp(ACCOUNT_SID, CLIENT_ID, CLIENT_SECRET);

    private final FakeTicker ticker = new FakeTicker();

    private final ExecutorService threads = Executors.newCachedThreadPool();

    private final MockTwilioServer server = app.server();

    @AfterEach
    void stopThreads() {
        this.threads.shutdownNow();
    }

    private TokenManagerSettings.Builder settings() {
        return TokenManagerSettings.builder().ticker(this.ticker).retry(Retries.attempts(1));
    }

    @Test
    void renewsAheadOfExpiryWhileHandingOutTheCurrentToken() throws Exception {
        ApiTokenManager manager = new ApiTokenManager(app.options().build(), settings().build());
        String first = manager.getToken();
        this.ticker.advance(Duration.ofNanos((long) (USABLE.toNanos() * 0.8)).plusSeconds(1));
        TokenGate gate = this.server.holdTokenRequests();
        assertThat(manager.getToken()).isSameAs(first);
        assertThat(gate.awaitWaiting(1, Duration.ofSeconds(5))).isTrue();
        for (int i = 0; i < 100; i++) {
            assertThat(manager.getToken()).isSameAs(first);
        }
        assertThat(this.server.tokenRequestCount()).isEqualTo(2);
        gate.release();
        await().atMost(Duration.ofSeconds(5)).until(() -> !manager.getToken().equals(first));
        assertThat(this.server.tokenRequestCount()).isEqualTo(2);
    }

    @Test
    void doesNotRenewBeforeATenthAheadOfTheRefreshAheadFraction() {
        ApiTokenManager manager = new ApiTokenManager(app.options().build(), settings().build());
        String first = manager.getToken();
        this.ticker.advance(Duration.ofNanos((long) (USABLE.toNanos() * 0.8 * 0.9)).minusSeconds(1));
        assertThat(manager.getToken()).isSameAs(first);
        assertThat(this.server.tokenRequestCount()).isEqualTo(1);
    }

    @Test
    void managersStartedTogetherRenewAtSpreadTimesNoneAfterTheRefreshAheadPoint() {
        List<ApiTokenManager> managers = new ArrayList<>();
        Map<ApiTokenManager, String> firstTokens = new HashMap<>();
        for (int i = 0; i < 40; i++) {
            ApiTokenManager manager = new ApiTokenManager(app.options().build(),
                    settings().executor(Runnable::run).build());
            managers.add(manager);
            firstTokens.put(manager, manager.getToken());
        }
        long start = this.ticker.read();
        Map<ApiTokenManager, Integer> renewedAtPercent = new HashMap<>();

        for (int percent = 60; percent <= 80; percent++) {
            long at = start + (long) (USABLE.toNanos() * (percent / 100.0));
            this.ticker.advance(Duration.ofNanos(at - this.ticker.read()));
            for (ApiTokenManager manager : managers) {
                manager.getToken();
                if (!manager.getToken().equals(firstTokens.get(manager))) {
                    renewedAtPercent.putIfAbsent(manager, percent);
                }
            }
        }

        assertThat(renewedAtPercent).as("managers renewed by the refresh-ahead point").hasSize(managers.size());
        assertThat(renewedAtPercent.values()).as("when, in percent of the usable life")
            .allSatisfy((percent) -> assertThat(percent).isBetween(72, 80));
        assertThat(Set.copyOf(renewedAtPercent.values())).as("distinct moments").hasSizeGreaterThanOrEqualTo(3);
        assertThat(this.server.tokenRequestCount()).isEqualTo(2 * managers.size());
    }

    @Test
    void refreshAheadFractionIsConfigurable() {
        ApiTokenManager manager = new ApiTokenManager(app.options().build(), settings().refreshAhead(0.5).build());
        String first = manager.getToken();
        this.ticker.advance(USABLE.dividedBy(2).plusSeconds(1));
        assertThat(manager.getToken()).isSameAs(first);
        await().atMost(Duration.ofSeconds(5)).until(() -> !manager.getToken().equals(first));
        assertThat(this.server.tokenRequestCount()).isEqualTo(2);
    }

    @Test
    void failedRenewalKeepsTheCurrentTokenAndBacksOff() {
        ApiTokenManager manager = new ApiTokenManager(app.options().build(), settings().build());
        String first = manager.getToken();
        this.ticker.advance(Duration.ofNanos((long) (USABLE.toNanos() * 0.9)));
        this.server.failNextTokenRequests(1, 500);
        assertThat(manager.getToken()).isSameAs(first);
        await().atMost(Duration.ofSeconds(5)).until(() -> manager.status().lastFailureStatus() != null);
        for (int i = 0; i < 50; i++) {
            assertThat(manager.getToken()).isSameAs(first);
        }
        assertThat(this.server.tokenRequestCount()).isEqualTo(2);
        this.ticker.advance(Duration.ofMinutes(1));
        assertThat(manager.getToken()).isSameAs(first);
        await().atMost(Duration.ofSeconds(5)).until(() -> !manager.getToken().equals(first));
        assertThat(this.server.tokenRequestCount()).isEqualTo(3);
    }

    @Test
    void concurrentFirstCallersShareOneTokenRequest() throws Exception {
        ApiTokenManager manager = new ApiTokenManager(app.options().build(), settings().build());
        TokenGate gate = this.server.holdTokenRequests();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> tokens = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            tokens.add(this.threads.submit(() -> {
                start.await();
                return manager.getToken();
            }));
        }
        start.countDown();
        assertThat(gate.awaitWaiting(1, Duration.ofSeconds(5))).isTrue();
        gate.release();
        Set<String> distinct = ConcurrentHashMap.newKeySet();
        for (Future<String> token : tokens) {
            distinct.add(token.get(10, TimeUnit.SECONDS));
        }
        assertThat(distinct).hasSize(1);
        assertThat(this.server.tokenRequestCount()).isEqualTo(1);
    }

    @Test
    void concurrentCallersAfterExpiryShareOneTokenRequest() throws Exception {
        ApiTokenManager manager = new ApiTokenManager(app.options().build(), settings().build());
        String first = manager.getToken();
        this.ticker.advance(Duration.ofHours(1));
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> tokens = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            tokens.add(this.threads.submit(() -> {
                start.await();
                return manager.getToken();
            }));
        }
        start.countDown();
        for (Future<String> token : tokens) {
            assertThat(token.get(10, TimeUnit.SECONDS)).isNotEqualTo(first);
        }
        assertThat(this.server.tokenRequestCount()).isEqualTo(2);
    }

    @Test
    void concurrentRefreshesShareOneTokenRequest() throws Exception {
        ApiTokenManager manager = new ApiTokenManager(app.options().build(), settings().build());
        String rejected = manager.getToken();
        TokenGate gate = this.server.holdTokenRequests();
        List<Future<String>> tokens = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            tokens.add(this.threads.submit(() -> manager.refreshToken(rejected)));
        }
        assertThat(gate.awaitWaiting(1, Duration.ofSeconds(5))).isTrue();
        gate.release();
        for (Future<String> token : tokens) {
            assertThat(token.get(10, TimeUnit.SECONDS)).isNotEqualTo(rejected);
        }
        assertThat(this.server.tokenRequestCount()).isEqualTo(2);
    }

    @Test
    void managersFetchInParallelWithoutASharedLock() throws Exception {
        List<ApiTokenManager> managers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String clientId = "OQ" + String.format("%032d", i);
            this.server.oauthApp(clientId, CLIENT_SECRET, ACCOUNT_SID);
            managers.add(new ApiTokenManager(app.options().clientId(clientId).build(), settings().build()));
        }
        TokenGate gate = this.server.holdTokenRequests();
        List<Future<String>> tokens = new ArrayList<>();
        for (ApiTokenManager manager : managers) {
            tokens.add(this.threads.submit(manager::getToken));
        }
        assertThat(gate.awaitWaiting(20, Duration.ofSeconds(10))).as("all 20 token requests in flight at once")
            .isTrue();
        gate.release();
        for (Future<String> token : tokens) {
            assertThat(token.get(10, TimeUnit.SECONDS)).isNotBlank();
        }
        assertThat(this.server.tokenRequestCount()).isEqualTo(20);
    }
}
