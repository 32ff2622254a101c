package io.github.twilioauth.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Faults injected into the token endpoint and the API.
 */
class FaultInjectionTest {

    private static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";

    private static final String AUTH_TOKEN = "auth-token-value";

    private static final String CLIENT_ID = "client-id";

    private static final String CLIENT_SECRET = "client-secret";

    @AutoClose
    private final MockTwilioServer server = new MockTwilioServer().account(ACCOUNT_SID, AUTH_TOKEN)
        .phoneNumbers(ACCOUNT_SID, "+15017122661")
        .oauthApp(CLIENT_ID, CLIENT_SECRET, ACCOUNT_SID)
        .start();

    private final TwilioHttp http = new TwilioHttp();

    @Test
    void failsTheNextTokenRequestsWithStatusThenRecovers() {
        this.server.failNextTokenRequests(2, 503);

        List<Integer> statuses = IntStream.range(0, 3).mapToObj((i) -> requestToken().statusCode()).toList();

        assertThat(statuses).containsExactly(503, 503, 200);
        assertThat(this.server.tokenRequestCount()).isEqualTo(3);
    }

    @Test
    void failsTokenRequestsWithTwilioErrorJson() {
        this.server.failNextTokenRequests(1, 503);

        JsonNode json = TwilioHttp.json(requestToken());

        assertThat(json.get("status").asInt()).isEqualTo(503);
        assertThat(json.get("code").asInt()).isEqualTo(20503);
        assertThat(json.get("message").asString()).isEqualTo("Service Unavailable");
    }

    @Test
    void rejectsTheNextTokenRequestsDespiteValidCredentials() {
        this.server.rejectNextTokenRequests(1);

        HttpResponse<String> rejected = requestToken();

        assertThat(rejected.statusCode()).isEqualTo(400);
        assertThat(TwilioHttp.json(rejected).get("code").asInt()).isEqualTo(322402);
        assertThat(TwilioHttp.json(rejected).get("message").asString()).isEqualTo("Invalid credentials");
        assertThat(requestToken().statusCode()).isEqualTo(200);
    }

    @Test
    void failsTokenRequestsWith429WithoutRetryAfter() {
        this.server.failNextTokenRequests(1, 429);

        HttpResponse<String> response = requestToken();

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).isEmpty();
    }

    @Test
    void failsTokenRequestsWith429AndRetryAfter() {
        this.server.failNextTokenRequestsWithRetryAfter(1, Duration.ofSeconds(7));

        HttpResponse<String> response = requestToken();

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(TwilioHttp.json(response).get("code").asInt()).isEqualTo(20429);
        assertThat(requestToken().statusCode()).isEqualTo(200);
    }

    @Test
    void roundsRetryAfterUpToWholeSeconds() {
        this.server.failNextTokenRequestsWithRetryAfter(1, Duration.ofMillis(1500));

        assertThat(requestToken().headers().firstValue("Retry-After")).hasValue("2");
    }

    @Test
    void answersTheNextTokenRequestWithTheGivenRawResponse() {
        this.server.respondToNextTokenRequest(200, "application/json", "{\"access_token\":");

        HttpResponse<String> response = requestToken();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.body()).isEqualTo("{\"access_token\":");
    }

    @Test
    void answersQueuedRawResponsesInOrder() {
        this.server.respondToNextTokenRequest(502, "text/html", "<html>Bad gateway</html>");
        this.server.respondToNextTokenRequest(200, "application/json", "{}");

        assertThat(requestToken().body()).isEqualTo("<html>Bad gateway</html>");
        assertThat(requestToken().body()).isEqualTo("{}");
        assertThat(requestToken().statusCode()).isEqualTo(200);
    }

    @Test
    void delaysTokenResponsesByTheLatency() {
        Duration latency = Duration.ofMillis(300);
        this.server.tokenLatency(latency);
        long started = System.nanoTime();

        HttpResponse<String> response = requestToken();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(latency);
    }

    @Test
    void holdsTokenRequestsUntilReleased() throws InterruptedException {
        TokenGate gate = this.server.holdTokenRequests();
        List<CompletableFuture<HttpResponse<String>>> responses = IntStream.range(0, 8)
            .mapToObj((i) -> this.http.postFormAsync(this.server.tokenUrl(), null, "grant_type", "client_credentials",
                    "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET))
            .toList();

        assertThat(gate.awaitWaiting(8, Duration.ofSeconds(10))).isTrue();
        assertThat(gate.waiting()).isEqualTo(8);
        assertThat(responses).noneMatch(CompletableFuture::isDone);
        assertThat(this.server.tokenRequestCount()).isEqualTo(8);

        gate.release();

        assertThat(responses.stream().map(CompletableFuture::join))
            .allSatisfy((response) -> assertThat(response.statusCode()).isEqualTo(200));
        assertThat(gate.waiting()).isZero();
    }

    @Test
    void stopsHoldingOnceReleased() {
        this.server.holdTokenRequests().release();

        assertThat(requestToken().statusCode()).isEqualTo(200);
    }

    @Test
    void awaitWaitingGivesUpAfterTheTimeout() throws InterruptedException {
        TokenGate gate = this.server.holdTokenRequests();

        assertThat(gate.awaitWaiting(1, Duration.ofMillis(50))).isFalse();
    }

    @Test
    void holdingTwiceReturnsTheSameGate() {
        assertThat(this.server.holdTokenRequests()).isSameAs(this.server.holdTokenRequests());
    }

    @Test
    void rejectsTheNextApiRequestsDespiteValidCredentials() {
        this.server.rejectNextApiRequests(1);

        HttpResponse<String> rejected = listMessages();

        assertThat(rejected.statusCode()).isEqualTo(401);
        assertThat(TwilioHttp.json(rejected).get("code").asInt()).isEqualTo(20003);
        assertThat(rejected.headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(listMessages().statusCode()).isEqualTo(200);
    }

    @Test
    void failsTheNextApiRequestsBeforeCreatingMessages() {
        this.server.failNextApiRequests(2, 500);

        List<Integer> statuses = IntStream.range(0, 3).mapToObj((i) -> createMessage().statusCode()).toList();

        assertThat(statuses).containsExactly(500, 500, 201);
        assertThat(this.server.messages()).hasSize(1);
        assertThat(this.server.requests()).hasSize(3);
    }

    @Test
    void failsApiRequestsWith429WithoutRetryAfter() {
        this.server.failNextApiRequests(1, 429);

        HttpResponse<String> response = listMessages();

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).isEmpty();
        assertThat(TwilioHttp.json(response).get("code").asInt()).isEqualTo(20429);
    }

    @Test
    void failsApiRequestsWith429AndRetryAfter() {
        this.server.failNextApiRequestsWithRetryAfter(1, Duration.ofSeconds(3));

        HttpResponse<String> response = listMessages();

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("3");
        assertThat(TwilioHttp.json(response).get("code").asInt()).isEqualTo(20429);
    }

    @Test
    void delaysApiResponsesByTheLatency() {
        Duration latency = Duration.ofMillis(300);
        this.server.apiLatency(latency);
        long started = System.nanoTime();

        HttpResponse<String> response = listMessages();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(latency);
    }

    @Test
    void leavesTheNextTokenRequestsUnansweredUntilReset() {
        this.server.hangNextTokenRequests(1);
        CompletableFuture<HttpResponse<String>> hung = requestTokenAsync();
        await().atMost(Duration.ofSeconds(10)).until(() -> this.server.tokenRequestCount() == 1);

        assertThat(requestToken().statusCode()).isEqualTo(200);
        assertThat(hung).isNotDone();

        this.server.reset();

        assertThat(hung).failsWithin(Duration.ofSeconds(10))
            .withThrowableOfType(ExecutionException.class)
            .withCauseInstanceOf(IOException.class);
    }

    @Test
    void leavesTheNextApiRequestsUnansweredAndUnprocessedUntilClosed() {
        this.server.hangNextApiRequests(1);
        CompletableFuture<HttpResponse<String>> hung = this.http.postFormAsync(messagesUrl(),
                TwilioHttp.basic(ACCOUNT_SID, AUTH_TOKEN), "To", "+15558675310", "From", "+15017122661", "Body",
                "Hung");
        await().atMost(Duration.ofSeconds(10)).until(() -> this.server.requests().size() == 1);

        assertThat(createMessage().statusCode()).isEqualTo(201);
        assertThat(hung).isNotDone();
        assertThat(this.server.messages()).extracting(SentMessage::body).containsExactly("Hello");

        this.server.close();

        assertThat(hung).failsWithin(Duration.ofSeconds(10))
            .withThrowableOfType(ExecutionException.class)
            .withCauseInstanceOf(IOException.class);
    }

    @Test
    void closedPortUrlRefusesConnections() {
        String url = MockTwilioServer.closedPortUrl();

        assertThat(url).startsWith("http://127.0.0.1:");
        assertThatExceptionOfType(UncheckedIOException.class).isThrownBy(() -> this.http.get(url + "/v2/token", null))
            .withCauseInstanceOf(ConnectException.class);
    }

    @Test
    void resetForgetsRecordingsFaultsAndMessagesButKeepsRegistrations() {
        createMessage();
        requestToken();
        this.server.failNextTokenRequests(1, 500);
        this.server.failNextApiRequests(1, 500);
        this.server.tokenLatency(Duration.ofSeconds(30));

        this.server.reset();

        assertThat(this.server.tokenRequests()).isEmpty();
        assertThat(this.server.requests()).isEmpty();
        assertThat(this.server.messages()).isEmpty();
        assertThat(requestToken().statusCode()).isEqualTo(200);
        assertThat(createMessage().statusCode()).isEqualTo(201);
    }

    @Test
    void resetReleasesHeldTokenRequests() throws InterruptedException {
        TokenGate gate = this.server.holdTokenRequests();
        CompletableFuture<HttpResponse<String>> response = this.http.postFormAsync(this.server.tokenUrl(), null,
                "grant_type", "client_credentials", "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET);
        assertThat(gate.awaitWaiting(1, Duration.ofSeconds(10))).isTrue();

        this.server.reset();

        assertThat(response.join().statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> requestToken() {
        return this.http.requestToken(this.server, CLIENT_ID, CLIENT_SECRET);
    }

    private CompletableFuture<HttpResponse<String>> requestTokenAsync() {
        return this.http.postFormAsync(this.server.tokenUrl(), null, "grant_type", "client_credentials", "client_id",
                CLIENT_ID, "client_secret", CLIENT_SECRET);
    }

    private HttpResponse<String> listMessages() {
        return this.http.get(messagesUrl(), TwilioHttp.basic(ACCOUNT_SID, AUTH_TOKEN));
    }

    private HttpResponse<String> createMessage() {
        return this.http.postForm(messagesUrl(), TwilioHttp.basic(ACCOUNT_SID, AUTH_TOKEN), "To", "+15558675310",
                "From", "+15017122661", "Body", "Hello");
    }

    private String messagesUrl() {
        return this.server.baseUrl() + "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";
    }
}
