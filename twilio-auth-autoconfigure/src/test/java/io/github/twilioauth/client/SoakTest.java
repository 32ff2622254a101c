package io.github.twilioauth.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.github.twilioauth.TwilioException;
import io.github.twilioauth.credential.ClientCredentialProviderBuilder;
import io.github.twilioauth.test.MockTwilioServer;
import io.github.twilioauth.test.RecordedRequest;
import io.github.twilioauth.test.SentMessage;
import io.github.twilioauth.token.ApiTokenManager;
import io.github.twilioauth.token.TokenManagerOptions;
import io.github.twilioauth.token.TokenManagerSettings;
import io.github.twilioauth.testsupport.Retries;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.InterceptingClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bounded soak: 32 threads send, fetch and list messages through one {@link TwilioClient}
 * with client credentials for about 20 seconds, while the token endpoint fails 20% of token
 * requests at random and every token is usable for 1.7 seconds only, so that it is
 * renewed several times under load.
 * <p>
 * Why no call may fail. A token fetch makes up to 3 attempts, so it fails only on 3 failed
 * token requests in a row. The stand-in draws the outcome of the n-th token request from a
 * random sequence of {@link #SEED}, and the token manager never has two token requests in
 * flight, so the n-th token request of the run always gets the n-th draw, whatever the timing
 * of the threads. The first 400 draws of seed 257 (a run makes about 15 token requests) hold
 * single and double failures (draws 2, 4 and 5 fail) but never three in a row: every fetch
 * succeeds, and so does every call, in every run.
 * <p>
 * The soak runs once, before the tests; each test checks one property of its outcome.
 */
@Tag("soak")
class SoakTest {

    static final String ACCOUNT_SID = "AC" + "c".repeat(32);

    static final String CLIENT_ID = "OQ" + "c".repeat(32);

    static final String CLIENT_SECRET = "soak-client-secret";

    static final int THREADS = 32;

    static final Duration RUN_FOR = Duration.ofSeconds(20);

    static final int MAX_CALLS_PER_THREAD = 3_000;

    static final double TOKEN_FAILURE_RATE = 0.2;

    static final long SEED = 257;

    /** A token lives 3 s and is used until 1.3 s (a tenth, plus 1 s) before it expires: 1.7 usable seconds. */
    static final Duration TOKEN_LIFETIME = Duration.ofSeconds(3);

    /** The longest time between renewals: 80% (refresh-ahead) of 1.7 usable seconds. */
    static final Duration LONGEST_RENEWAL_INTERVAL = Duration.ofMillis(1360);

    static final MockTwilioServer server = new MockTwilioServer();

    static final Outcome outcome = new Outcome();

    @BeforeAll
    static void soak() throws Exception {
        server.oauthApp(CLIENT_ID, CLIENT_SECRET, ACCOUNT_SID).tokenLifetime(TOKEN_LIFETIME).start();
        server.failTokenRequestsRandomly(TOKEN_FAILURE_RATE, SEED);
        ExecutorService renewals = Executors.newSingleThreadExecutor();
        Messages messages = client(renewals).messages();
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> workers = new ArrayList<>();
            for (int thread = 0; thread < THREADS; thread++) {
                int id = thread;
                workers.add(threads.submit(() -> {
                    start.await();
                    callUntilTheDeadline(messages, id, System.nanoTime() + RUN_FOR.toNanos());
                    return null;
                }));
            }
            long started = System.nanoTime();
            start.countDown();
            for (Future<?> worker : workers) {
                worker.get(RUN_FOR.toSeconds() + 60, TimeUnit.SECONDS);
            }
            outcome.duration = Duration.ofNanos(System.nanoTime() - started);
            // A renewal started by a last call may still be in flight: let it finish.
            renewals.shutdown();
            assertThat(renewals.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        finally {
            threads.shutdownNow();
            renewals.shutdownNow();
        }
    }

    @AfterAll
    static void closeServer() {
        server.close();
    }

    private static TwilioClient client(Executor renewals) {
        // Token requests go through a client that records the status of each answer.
        RestClient tokenClient = RestClient.builder().requestFactory(new JdkClientHttpRequestFactory())
            .requestFactory(new JdkClientHttpRequestFactory())
            .requestInterceptor((request, body, execution) -> {
                var response = execution.execute(request, body);
                outcome.tokenStatuses.add(response.getStatusCode().value());
                return response;
            })
            .build();
        ApiTokenManager tokens = new ApiTokenManager(
                TokenManagerOptions.builder()
                    .clientId(CLIENT_ID)
                    .clientSecret(CLIENT_SECRET)
                    .tokenUrl(server.tokenUrl())
                    .build(),
                TokenManagerSettings.builder()
                    .retry(Retries.attempts(3, Duration.ofMillis(20)))
                    .executor(renewals)
                    .restClient(tokenClient)
                    .build());
        // API calls go through a request factory that records each request Twilio answers 401, under the
        // auth interceptor, which retries it once with a renewed token.
        ClientHttpRequestFactory api = new InterceptingClientHttpRequestFactory(new JdkClientHttpRequestFactory(),
                List.of((request, body, execution) -> {
                    ClientHttpResponse response = execution.execute(request, body);
                    if (response.getStatusCode().value() == 401) {
                        outcome.rejected.add(request.getMethod().name());
                    }
                    return response;
                }));
        return TwilioClient.create(RestClient.builder().requestFactory(api),
                new ClientCredentialProviderBuilder().setTokenManager(tokens).build(),
                new TwilioEndpoints(server.baseUrl(), null, null), ACCOUNT_SID);
    }

    /** Creates, fetches and lists in turn, until the deadline or the call limit. */
    private static void callUntilTheDeadline(Messages messages, int thread, long deadline) {
        List<Message> created = new ArrayList<>();
        for (int call = 0; call < MAX_CALLS_PER_THREAD && System.nanoTime() - deadline < 0; call++) {
            try {
                switch (call % 4) {
                    case 0, 1 -> {
                        String body = "soak " + thread + "-" + call;
                        Message message = messages.create("+15558675310", "+15005550006", body);
                        created.add(message);
                        outcome.created.put(body, message.sid());
                    }
                    case 2 -> {
                        Message sent = created.get(call % created.size());
                        assertThat(messages.fetch(sent.sid()).body()).isEqualTo(sent.body());
                        outcome.fetched.incrementAndGet();
                    }
                    default -> {
                        assertThat(messages.list(10).limit(3).count()).isPositive();
                        outcome.listed.incrementAndGet();
                    }
                }
            }
            catch (TwilioException ex) {
                outcome.failures.add(ex);
            }
            catch (RuntimeException ex) {
                outcome.unexpected.add(ex);
            }
        }
    }

    @Test
    void everyCallThatFailsFailsWithATwilioExceptionWithAMessage() {
        assertThat(outcome.unexpected).isEmpty();
        assertThat(outcome.failures).allSatisfy((failure) -> assertThat(failure.getMessage()).isNotBlank());
    }

    @Test
    void noCallFailsWhileEveryTokenFetchCanSucceedWithinItsAttempts() {
        assertThat(outcome.failures).extracting(Throwable::getMessage).isEmpty();
        assertThat(outcome.calls()).isGreaterThan(THREADS * 4);
    }

    @Test
    void tokenRequestsFailedAtRandomAndWereRetried() {
        assertThat(outcome.failedTokenRequests()).isPositive();
        assertThat(outcome.tokenStatuses).containsOnly(200, 500);
    }

    @Test
    void noMessageIsSentTwice() {
        List<SentMessage> sent = server.messages();
        assertThat(sent).hasSize(outcome.created.size());
        assertThat(sent).extracting(SentMessage::body).doesNotHaveDuplicates()
            .containsExactlyInAnyOrderElementsOf(outcome.created.keySet());
        assertThat(sent).extracting(SentMessage::sid).containsExactlyInAnyOrderElementsOf(outcome.created.values());
    }

    /**
     * A request whose token expired on its way (the machine may be loaded enough to hold a request
     * past the second and a half a token is still used for) is answered 401 and sent once more with
     * a renewed token, as the README promises: those, and only those, reach Twilio twice.
     */
    @Test
    void everyCallReachesTwilioOnceAndOnceMoreOnlyAfterA401() {
        List<RecordedRequest> requests = server.requests();
        long rejectedPosts = outcome.rejected.stream().filter("POST"::equals).count();
        assertThat(requests).filteredOn((request) -> request.method().equals("POST"))
            .hasSize(outcome.created.size() + (int) rejectedPosts);
        assertThat(requests).hasSize(outcome.calls() + outcome.rejected.size());
        assertThat(requests).allSatisfy((request) -> {
            assertThat(request.authScheme()).isEqualTo("Bearer");
            assertThat(request.principal()).isEqualTo(ACCOUNT_SID);
        });
    }

    @Test
    void tokensAreRenewedSeveralTimesUnderLoad() {
        int shortestPossibleRenewals = (int) (outcome.duration.toMillis() / 3_000);
        assertThat(outcome.successfulTokenRequests()).isGreaterThanOrEqualTo(Math.max(4, shortestPossibleRenewals - 1));
    }

    @Test
    void tokenRequestsStayAtAboutOnePerRenewal() {
        double renewals = (double) outcome.duration.toMillis() / LONGEST_RENEWAL_INTERVAL.toMillis() + 1;
        assertThat(server.tokenRequestCount()).isEqualTo(outcome.tokenStatuses.size())
            .isLessThanOrEqualTo((int) (renewals * 1.5) + outcome.failedTokenRequests());
    }

    /** What the soak did. */
    static final class Outcome {

        final Map<String, String> created = new ConcurrentHashMap<>();

        final AtomicInteger fetched = new AtomicInteger();

        final AtomicInteger listed = new AtomicInteger();

        final Queue<TwilioException> failures = new ConcurrentLinkedQueue<>();

        final Queue<RuntimeException> unexpected = new ConcurrentLinkedQueue<>();

        final Queue<Integer> tokenStatuses = new ConcurrentLinkedQueue<>();

        /** The method of each API request Twilio answered 401. */
        final Queue<String> rejected = new ConcurrentLinkedQueue<>();

        volatile Duration duration = Duration.ZERO;

        int calls() {
            return this.created.size() + this.fetched.get() + this.listed.get();
        }

        int successfulTokenRequests() {
            return (int) this.tokenStatuses.stream().filter((status) -> status == 200).count();
        }

        int failedTokenRequests() {
            return this.tokenStatuses.size() - successfulTokenRequests();
        }
    }
}
