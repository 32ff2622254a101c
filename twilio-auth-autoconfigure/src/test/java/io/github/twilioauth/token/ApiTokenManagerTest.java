package io.github.twilioauth.token;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.github.twilioauth.TwilioAuthenticationException;
import io.github.twilioauth.test.MockTwilioServer;
import io.github.twilioauth.test.TokenGate;
import io.github.twilioauth.testsupport.FakeTicker;
import io.github.twilioauth.testsupport.MockTwilioOAuthApp;
import io.github.twilioauth.testsupport.Jwts;
import io.github.twilioauth.testsupport.Retries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Token fetching, caching and expiry of the built-in managers, against a token endpoint on loopback.
 */
class ApiTokenManagerTest {

    static final String ACCOUNT_SID = "AC" + "0".repeat(31) + "1";

    static final String CLIENT_ID = "OQ" + "a".repeat(32);

    static final String CLIENT_SECRET = "s3cr3t-client-value";

    @RegisterExtension
    static final MockTwilioOAuthApp app = new MockTwilioOAuthApp(ACCOUNT_SID, CLIENT_ID, CLIENT_SECRET);

    private final FakeTicker ticker = new FakeTicker();

    private final MockTwilioServer server = app.server();

    private TokenManagerSettings.Builder settings() {
        return TokenManagerSettings.builder().ticker(this.ticker).executor(Runnable::run).retry(Retries.attempts(3));
    }

    private ApiTokenManager manager() {
        return new ApiTokenManager(app.options().build(), settings().build());
    }

    @Test
    void postsClientCredentialsAsFormFields() {
        manager().getToken();
        assertThat(this.server.tokenRequests()).singleElement().satisfies((request) -> {
            assertThat(request.contentType()).startsWith("application/x-www-form-urlencoded");
            assertThat(request.form()).containsExactlyInAnyOrderEntriesOf(Map.of("grant_type", "client_credentials",
                    "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET));
        });
    }

    @Test
    void returnsTheAccessTokenOfTheResponse() {
        String token = manager().getToken();
        assertThat(token.split("\\.")).hasSize(3);
    }

    @Test
    void reusesTokenUntilItIsAboutToExpire() {
        ApiTokenManager manager = manager();
        String first = manager.getToken();
        this.ticker.advance(Duration.ofMinutes(10));
        assertThat(manager.getToken()).isSameAs(first);
        assertThat(this.server.tokenRequestCount()).isEqualTo(1);
    }

    @Test
    void fetchesANewTokenThirtySecondsBeforeExpiry() {
        ApiTokenManager manager = manager();
        String first = manager.getToken();
        this.ticker.advance(Duration.ofHours(1).minusSeconds(30));
        String second = manager.getToken();
        assertThat(second).isNotEqualTo(first);
        assertThat(this.server.tokenRequestCount()).isEqualTo(2);
    }

    @Test
    void cacheTtlShortensTheLifetime() {
        ApiTokenManager manager = new ApiTokenManager(app.options().cacheTtl(Duration.ofMinutes(5)).build(),
                settings().build());
        String first = manager.getToken();
        this.ticker.advance(Duration.ofMinutes(5).minusSeconds(31));
        assertThat(manager.getToken()).isSameAs(first);
        this.ticker.advance(Duration.ofSeconds(1));
        assertThat(manager.getToken()).isNotEqualTo(first);
        assertThat(this.server.tokenRequestCount()).isEqualTo(2);
    }

    @ParameterizedTest(name = "JWT lifetime {0} s, expires_in {1} s")
    @CsvSource({ "3600, 600", "600, 3600" })
    void theShorterOfExpiresInAndTheJwtLifetimeBoundsTheToken(long jwtLifetime, long expiresIn) {
        long now = System.currentTimeMillis() / 1000;
        String jwt = Jwts.withIatAndExp(now, now + jwtLifetime);
        this.server.respondToNextTokenRequest(200, "application/json", Jwts.tokenBody(jwt, String.valueOf(expiresIn)));
        ApiTokenManager manager = manager();
        assertThat(manager.getToken()).isEqualTo(jwt);
        this.ticker.advance(Duration.ofSeconds(569));
        assertThat(manager.getToken()).isEqualTo(jwt);
        this.ticker.advance(Duration.ofSeconds(1));
        assertThat(manager.getToken()).isNotEqualTo(jwt);
    }

    @Test
    void acceptsStatus201FromOlderTokenEndpoints() {
        String jwt = Jwts.withExp(System.currentTimeMillis() / 1000 + 3600);
        this.server.respondToNextTokenRequest(201, "application/json", Jwts.tokenBody(jwt, "3600"));
        assertThat(manager().getToken()).isEqualTo(jwt);
    }

    @Test
    void clearTokenMakesTheNextCallFetch() {
        ApiTokenManager manager = manager();
        String first = manager.getToken();
        manager.clearToken();
        assertThat(manager.getToken()).isNotEqualTo(first);
        assertThat(this.server.tokenRequestCount()).isEqualTo(2);
    }

    @Test
    void refreshTokenFetchesANewTokenNow() {
        ApiTokenManager manager = manager();
        String first = manager.getToken();
        String refreshed = manager.refreshToken();
        assertThat(refreshed).isNotEqualTo(first);
        assertThat(manager.getToken()).isSameAs(refreshed);
        assertThat(this.server.tokenRequestCount()).isEqualTo(2);
    }

    @Test
    void replacingARejectedTokenThatWasAlreadyReplacedMakesNoRequest() {
        ApiTokenManager manager = manager();
        String rejected = manager.getToken();
        String replacement = manager.refreshToken(rejected);
        assertThat(manager.refreshToken(rejected)).isSameAs(replacement);
        assertThat(this.server.tokenRequestCount()).isEqualTo(2);
    }

    @Test
    void wrongSecretFailsWithStatusAndTwilioCodeWithoutRetry() {
        ApiTokenManager manager = new ApiTokenManager(app.options().clientSecret("wrong-secret-value").build(),
                settings().build());
        assertThatExceptionOfType(TwilioAuthenticationException.class).isThrownBy(manager::getToken)
            .satisfies((ex) -> {
                assertThat(ex.statusCode()).isEqualTo(400);
                assertThat(ex.code()).isEqualTo(322402);
                assertThat(ex.getMessage()).contains("400", "322402").doesNotContain("wrong-secret-value");
            });
        assertThat(this.server.tokenRequestCount()).isEqualTo(1);
    }

    @Test
    void refusedFetchIsTriedAgainByTheFirstCallerAfterItsBackoff() {
        this.server.rejectNextTokenRequests(1);
        ApiTokenManager manager = manager();
        assertThatExceptionOfType(TwilioAuthenticationException.class).isThrownBy(manager::getToken);
        // The retry delay of Retries.attempts, 1 ms, doubled once.
        this.ticker.advance(Duration.ofMillis(2));
        assertThat(manager.getToken()).isNotBlank();
        assertThat(this.server.tokenRequestCount()).isEqualTo(2);
    }

    @Test
    void orgsTokenManagerFetchesOrganizationTokens() {
        String orgSid = "OR" + "b".repeat(32);
        this.server.organization(orgSid, "org-client", "org-secret-value", ACCOUNT_SID);
        OrgsTokenManager manager = new OrgsTokenManager(
                app.options().clientId("org-client").clientSecret("org-secret-value").build(), settings().build());
        assertThat(Jwts.subject(manager.getToken())).isEqualTo(orgSid);
    }

    @Test
    void optionsMadeWithTheirFiveArgumentConstructorFetchAndCacheTokens() {
        TokenManagerOptions options = new TokenManagerOptions(TokenManagerOptions.CLIENT_CREDENTIALS, CLIENT_ID,
                CLIENT_SECRET, this.server.tokenUrl(), Duration.ofMinutes(5));
        ApiTokenManager manager = new ApiTokenManager(options, settings().build());

        String first = manager.getToken();

        assertThat(first).isEqualTo(this.server.issuedTokens().get(0));
        assertThat(this.server.tokenRequests()).singleElement()
            .satisfies((request) -> assertThat(request.form()).containsExactlyInAnyOrderEntriesOf(
                    Map.of("grant_type", "client_credentials", "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET)));
        this.ticker.advance(Duration.ofMinutes(5).minusSeconds(31));
        assertThat(manager.getToken()).isSameAs(first);
        this.ticker.advance(Duration.ofSeconds(1));
        assertThat(manager.getToken()).isNotEqualTo(first);
        assertThat(this.server.tokenRequestCount()).isEqualTo(2);
    }

    @Test
    void managersBuiltByHandShareTheDefaultExecutorAndHttpClientStartingNoThreadOfTheirOwn() throws Exception {
        Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
        List<ApiTokenManager> managers = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            managers.add(new ApiTokenManager(app.options().build()));
        }
        assertThat(clientThreadsStartedSince(before)).as("threads started by building 100 managers").isEmpty();

        ExecutorService callers = Executors.newFixedThreadPool(8, (task) -> new Thread(task, "caller"));
        try {
            for (Future<String> token : callers.invokeAll(managers.stream()
                .map((manager) -> (Callable<String>) manager::getToken)
                .toList())) {
                assertThat(token.get()).isNotBlank();
            }
        }
        finally {
            callers.shutdownNow();
        }

        assertThat(this.server.tokenRequestCount()).isEqualTo(100);
        assertThat(clientThreadsStartedSince(before)).as("threads started by 100 managers fetching their tokens")
            .hasSizeLessThanOrEqualTo(TokenDefaults.CONCURRENCY_LIMIT)
            .allSatisfy((thread) -> assertThat(thread.getName()).startsWith(TokenDefaults.THREAD_NAME_PREFIX)
                .startsWith(TokenExecutors.THREAD_NAME_PREFIX));
        managers.get(0).close();
        assertThat(managers.get(1).refreshToken()).as("another manager after one was closed").isNotBlank();
    }

    @Test
    void tokenRequestsInFlightOfManagersBuiltByHandCostOneThreadEach() throws Exception {
        Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
        TokenGate gate = this.server.holdTokenRequests();
        ExecutorService callers = Executors.newFixedThreadPool(6, (task) -> new Thread(task, "caller"));
        try {
            List<Future<String>> tokens = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                tokens.add(callers.submit(new ApiTokenManager(app.options().build())::getToken));
            }
            assertThat(gate.awaitWaiting(6, Duration.ofSeconds(10))).isTrue();

            assertThat(Thread.getAllStackTraces().entrySet().stream()
                .filter((thread) -> Arrays.stream(thread.getValue())
                    .anyMatch((frame) -> frame.getClassName().equals(TokenEndpointClient.class.getName())))
                .map(Map.Entry::getKey)).as("threads sending a token request")
                .hasSize(6)
                .allSatisfy((thread) -> assertThat(thread.getName()).startsWith(TokenDefaults.THREAD_NAME_PREFIX));
            assertThat(clientThreadsStartedSince(before)).as("threads started while 6 token requests are in flight")
                .allSatisfy((thread) -> assertThat(thread.getName()).startsWith(TokenDefaults.THREAD_NAME_PREFIX));
            gate.release();
            for (Future<String> token : tokens) {
                assertThat(token.get(10, TimeUnit.SECONDS)).isNotBlank();
            }
        }
        finally {
            gate.release();
            callers.shutdownNow();
        }
    }

    @Test
    void threadsOfTheDefaultExecutorEndWhenIdle() {
        new ApiTokenManager(app.options().build()).getToken();
        List<Thread> tokenThreads = Thread.getAllStackTraces()
            .keySet()
            .stream()
            .filter((thread) -> thread.getName().startsWith(TokenDefaults.THREAD_NAME_PREFIX))
            .toList();
        assertThat(tokenThreads).isNotEmpty().allMatch(Thread::isDaemon);

        // They end after 30 s idle.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(tokenThreads).noneMatch(Thread::isAlive));
    }

    /**
     * Threads started since a snapshot on this side of the wire: neither the stand-in's, which
     * serve the requests, nor the callers' pool, nor the JDK's one keep-alive timer of
     * {@code HttpURLConnection}.
     */
    private static List<Thread> clientThreadsStartedSince(Set<Thread> before) {
        return Thread.getAllStackTraces()
            .keySet()
            .stream()
            .filter((thread) -> !before.contains(thread))
            .filter((thread) -> !thread.getName().startsWith("mock-twilio-")
                    && !thread.getName().equals("caller") && !thread.getName().equals("Keep-Alive-Timer"))
            .toList();
    }

    @Test
    void toStringMasksTheClientSecret() {
        assertThat(manager().toString()).contains(CLIENT_ID).doesNotContain(CLIENT_SECRET);
    }

    @Test
    void missingClientSecretIsRejectedNamingTheField() {
        assertThatExceptionOfType(IllegalArgumentException.class)
            .isThrownBy(() -> new ApiTokenManager(app.options().clientSecret(" ").build(), settings().build()))
            .withMessageContaining("clientSecret");
    }
}
