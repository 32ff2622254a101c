package io.github.twilioauth.token;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.twilioauth.TwilioAuthenticationException;
import io.github.twilioauth.TwilioRetryPolicy;
import io.github.twilioauth.test.MockTwilioServer;
import io.github.twilioauth.test.TokenGate;
import io.github.twilioauth.testsupport.MockTwilioOAuthApp;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Managers sharing one token executor never take each other's threads: a manager has at most
 * one task on the executor, queued or running, whatever {@code clearToken()} and waiters that
 * give up do, so a fetch it abandoned counts against it alone. Over real HTTP against the
 * stand-in, a second stand-in playing a token endpoint that hangs.
 */
class TokenIsolationTest {

    static final String ACCOUNT_SID = ApiTokenManagerTest.ACCOUNT_SID;

    static final String CLIENT_ID = ApiTokenManagerTest.CLIENT_ID;

    static final String CLIENT_SECRET = ApiTokenManagerTest.CLIENT_SECRET;

    /** How long a test waits for something that must happen before calling it stuck. */
    static final Duration BLOCKED = Duration.ofSeconds(10);

    /** A read timeout far beyond {@link #BLOCKED}: a request held at a gate stays in flight for the whole test. */
    static final Duration LONG_READ = Duration.ofMinutes(2);

    @RegisterExtension
    static final MockTwilioOAuthApp app = new MockTwilioOAuthApp(ACCOUNT_SID, CLIENT_ID, CLIENT_SECRET);

    private final MockTwilioServer server = app.server();

    private final List<CachingTokenManager> managers = new ArrayList<>();

    private final List<ExecutorService> executors = new ArrayList<>();

    private final List<TokenGate> gates = new ArrayList<>();

    @AfterEach
    void closeEverything() {
        this.managers.forEach(CachingTokenManager::close);
        this.gates.forEach(TokenGate::release);
        this.executors.forEach(ExecutorService::shutdownNow);
    }

    private CountingExecutor sharedExecutor(int threads) {
        ExecutorService executor = TokenExecutors.create(threads);
        this.executors.add(executor);
        return new CountingExecutor((ThreadPoolExecutor) executor);
    }

    private ApiTokenManager manager(TokenManagerOptions options, TokenManagerSettings settings) {
        ApiTokenManager manager = new ApiTokenManager(options, settings);
        this.managers.add(manager);
        return manager;
    }

    private TokenGate hold(MockTwilioServer server) {
        TokenGate gate = server.holdTokenRequests();
        this.gates.add(gate);
        return gate;
    }

    private static TokenManagerSettings.Builder settings(Executor executor) {
        return TokenManagerSettings.builder().executor(executor).readTimeout(LONG_READ);
    }

    @Test
    void clearTokenWhileARequestHangsNeverPutsASecondRequestOfTheManagerInFlight() throws Exception {
        CountingExecutor executor = sharedExecutor(4);
        ApiTokenManager manager = manager(app.options().build(), settings(executor).build());
        TokenGate gate = hold(this.server);
        List<Waiter> waiters = new ArrayList<>(List.of(Waiter.start(manager)));
        assertThat(gate.awaitWaiting(1, BLOCKED)).isTrue();

        for (int clear = 0; clear < 3; clear++) {
            manager.clearToken();
            waiters.add(Waiter.start(manager));
        }

        assertThat(executor.executions).as("tasks handed to the executor").hasValue(1);
        assertThat(gate.waiting()).as("token requests in flight").isEqualTo(1);
        gate.release();
        for (Waiter waiter : waiters) {
            assertThat(waiter.token()).isEqualTo(this.server.issuedTokens().get(1));
        }
        assertThat(this.server.tokenRequestCount()).isEqualTo(2);
    }

    @Test
    void tenantsWhoseTokenEndpointHangsHoldOneThreadEachAndLeaveTheRestToAHealthyTenant() throws Exception {
        CountingExecutor executor = sharedExecutor(3);
        try (MockTwilioServer stalled = new MockTwilioServer().start()) {
            TokenGate hang = hold(stalled);
            List<ApiTokenManager> hanging = new ArrayList<>();
            for (int tenant = 0; tenant < 2; tenant++) {
                String clientId = "OQ" + String.format("%032d", tenant);
                stalled.oauthApp(clientId, CLIENT_SECRET, ACCOUNT_SID);
                ApiTokenManager manager = manager(
                        app.options().clientId(clientId).tokenUrl(stalled.tokenUrl()).build(),
                        settings(executor).build());
                Waiter.start(manager);
                hanging.add(manager);
            }
            assertThat(hang.awaitWaiting(2, BLOCKED)).isTrue();
            for (ApiTokenManager manager : hanging) {
                for (int clear = 0; clear < 2; clear++) {
                    manager.clearToken();
                    Waiter.start(manager);
                }
            }
            ApiTokenManager healthy = manager(app.options().build(), settings(executor).build());

            Future<String> token = CompletableFuture.supplyAsync(healthy::getToken);

            assertThat(token.get(BLOCKED.toSeconds(), TimeUnit.SECONDS)).isEqualTo(this.server.issuedTokens().get(0));
            assertThat(hang.waiting()).as("token requests in flight to the endpoint that hangs").isEqualTo(2);
            assertThat(executor.executions).as("tasks handed to the executor, one per manager").hasValue(3);
        }
    }

    @Test
    void waiterThatGivesUpNeverPutsASecondRequestOfTheManagerInFlight() throws Exception {
        CountingExecutor executor = sharedExecutor(4);
        // The shared client reads for longer than the settings say, so a request outlives its waiters' bound.
        SimpleClientHttpRequestFactory slowToGiveUp = new SimpleClientHttpRequestFactory();
        slowToGiveUp.setReadTimeout(LONG_READ);
        TokenManagerSettings settings = settings(executor)
            .retry(TwilioRetryPolicy.builder().maxRetries(0).timeout(Duration.ofSeconds(1)).build())
            .connectTimeout(Duration.ofMillis(100))
            .readTimeout(Duration.ofMillis(100))
            .restClient(RestClient.builder().requestFactory(slowToGiveUp).build())
            .build();
        ApiTokenManager manager = manager(app.options().build(), settings);
        TokenGate gate = hold(this.server);

        for (int call = 0; call < 2; call++) {
            assertThatExceptionOfType(TwilioAuthenticationException.class).isThrownBy(manager::getToken)
                .withMessageContaining("did not complete within " + settings.fetchBound().toMillis() + " ms");
        }

        assertThat(executor.executions).as("tasks handed to the executor").hasValue(1);
        assertThat(gate.waiting()).as("token requests in flight").isEqualTo(1);
        gate.release();
        assertThat(CompletableFuture.supplyAsync(manager::getToken).get(BLOCKED.toSeconds(), TimeUnit.SECONDS))
            .isEqualTo(this.server.issuedTokens().get(1));
        assertThat(this.server.tokenRequestCount()).isEqualTo(2);
    }

    @Test
    void executorQueueHoldsAtMostOneTaskPerManagerWhateverClearTokenDoes() throws Exception {
        CountingExecutor executor = sharedExecutor(1);
        ApiTokenManager manager = manager(app.options().build(), settings(executor).build());
        TokenGate gate = hold(this.server);
        Waiter.start(manager);
        assertThat(gate.awaitWaiting(1, BLOCKED)).isTrue();

        for (int clear = 0; clear < 200; clear++) {
            manager.clearToken();
            Waiter.start(manager);
        }

        assertThat(executor.pool.getQueue()).as("tasks queued").isEmpty();
        assertThat(executor.executions).as("tasks handed to the executor").hasValue(1);
        ApiTokenManager other = manager(app.options().build(), settings(executor).build());
        Waiter.start(other);
        assertThat(executor.pool.getQueue()).as("tasks queued").hasSize(1);
    }

    /**
     * A thread waiting for a token; {@link #start} returns once it waits, so a fetch of the
     * manager is in flight or queued.
     */
    private static final class Waiter {

        private final CompletableFuture<String> token = new CompletableFuture<>();

        private final Thread thread;

        private Waiter(ApiTokenManager manager) {
            this.thread = new Thread(() -> {
                try {
                    this.token.complete(manager.getToken());
                }
                catch (Throwable ex) {
                    this.token.completeExceptionally(ex);
                }
            });
            this.thread.setDaemon(true);
        }

        static Waiter start(ApiTokenManager manager) {
            Waiter waiter = new Waiter(manager);
            waiter.thread.start();
            await().atMost(BLOCKED)
                .until(() -> waiter.thread.getState() == Thread.State.TIMED_WAITING || waiter.token.isDone());
            return waiter;
        }

        String token() throws Exception {
            return this.token.get(BLOCKED.toSeconds(), TimeUnit.SECONDS);
        }
    }

    /** The shared executor, counting the tasks handed to it. */
    private static final class CountingExecutor implements Executor {

        private final ThreadPoolExecutor pool;

        private final AtomicInteger executions = new AtomicInteger();

        CountingExecutor(ThreadPoolExecutor pool) {
            this.pool = pool;
        }

        @Override
        public void execute(Runnable task) {
            this.executions.incrementAndGet();
            this.pool.execute(task);
        }
    }
}
