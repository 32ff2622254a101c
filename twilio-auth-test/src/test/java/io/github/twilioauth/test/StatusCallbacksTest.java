package io.github.twilioauth.test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.twilioauth.test.webhook.TwilioWebhookSigner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The stand-in's status callbacks: what it posts to a message's {@code StatusCallback}, signed
 * as Twilio signs, received here by a plain JDK server on loopback.
 */
class StatusCallbacksTest {

    private static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";

    private static final String AUTH_TOKEN = "auth-token-value";

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final MockTwilioServer server = new MockTwilioServer().account(ACCOUNT_SID, AUTH_TOKEN)
        .phoneNumbers(ACCOUNT_SID, "+15017122661")
        .start();

    private final Receiver receiver = new Receiver(200);

    private final TwilioHttp http = new TwilioHttp();

    @AfterEach
    void close() {
        this.server.close();
        this.receiver.close();
    }

    @Test
    void postsQueuedSentAndDeliveredInOrderSignedWithTheAccountsAuthToken() throws InterruptedException {
        String sid = send(ACCOUNT_SID, TwilioHttp.basic(ACCOUNT_SID, AUTH_TOKEN));

        List<StatusCallbackDelivery> deliveries = this.server.awaitStatusCallbacks(3, TIMEOUT);

        assertThat(deliveries).extracting(StatusCallbackDelivery::messageSid, StatusCallbackDelivery::status,
                StatusCallbackDelivery::responseStatus)
            .containsExactly(tuple(sid, "queued", 200), tuple(sid, "sent", 200), tuple(sid, "delivered", 200));
        assertThat(this.receiver.received).hasSize(3).allSatisfy((request) -> {
            assertThat(request.contentType()).isEqualTo("application/x-www-form-urlencoded");
            assertThat(request.signature())
                .isEqualTo(TwilioWebhookSigner.signature(AUTH_TOKEN, this.receiver.url(), request.form()));
        });
        assertThat(this.receiver.received.peek().form()).containsOnlyKeys("AccountSid", "ApiVersion", "From",
                "MessageSid", "MessageStatus", "SmsSid", "SmsStatus", "To")
            .containsEntry("AccountSid", List.of(ACCOUNT_SID))
            .containsEntry("SmsSid", List.of(sid))
            .containsEntry("From", List.of("+15017122661"))
            .containsEntry("To", List.of("+15558675310"))
            .containsEntry("ApiVersion", List.of("2010-04-01"));
    }

    @Test
    void endsAQueuedFailureWithItsErrorCode() throws InterruptedException {
        this.server.failNextMessages(1, "failed", 30008);
        this.server.failNextMessages(1, "undelivered", 30003);
        send(ACCOUNT_SID, TwilioHttp.basic(ACCOUNT_SID, AUTH_TOKEN));
        send(ACCOUNT_SID, TwilioHttp.basic(ACCOUNT_SID, AUTH_TOKEN));
        send(ACCOUNT_SID, TwilioHttp.basic(ACCOUNT_SID, AUTH_TOKEN));

        List<StatusCallbackDelivery> deliveries = this.server.awaitStatusCallbacks(8, TIMEOUT);

        assertThat(deliveries).extracting(StatusCallbackDelivery::status)
            .containsExactly("queued", "failed", "queued", "sent", "undelivered", "queued", "sent", "delivered");
        assertThat(deliveries.get(1).parameters()).containsEntry("ErrorCode", "30008");
        assertThat(deliveries.get(4).parameters()).containsEntry("ErrorCode", "30003");
        assertThat(deliveries).filteredOn((delivery) -> delivery.parameters().containsKey("ErrorCode")).hasSize(2);
    }

    @Test
    void recordsTheApplicationsAnswer() throws InterruptedException {
        Receiver refusing = new Receiver(403);
        try {
            send(ACCOUNT_SID, TwilioHttp.basic(ACCOUNT_SID, AUTH_TOKEN), refusing.url());
            assertThat(this.server.awaitStatusCallbacks(3, TIMEOUT)).extracting(StatusCallbackDelivery::responseStatus)
                .containsExactly(403, 403, 403);
        }
        finally {
            refusing.close();
        }
    }

    @Test
    void signsForAnAccountKnownOnlyThroughAnOAuthAppWithAGeneratedAuthToken() throws InterruptedException {
        String oauthAccount = "AC00000000000000000000000000000001";
        this.server.oauthApp("OQ00000000000000000000000000000001", "client-secret", oauthAccount)
            .phoneNumbers(oauthAccount, "+15017122661");
        String token = this.http.accessToken(this.server, "OQ00000000000000000000000000000001", "client-secret");
        send(oauthAccount, TwilioHttp.bearer(token));

        this.server.awaitStatusCallbacks(3, TIMEOUT);

        String authToken = this.server.authToken(oauthAccount);
        assertThat(authToken).hasSize(32).isEqualTo(this.server.authToken(oauthAccount));
        assertThat(this.receiver.received).allSatisfy((request) -> assertThat(request.signature())
            .isEqualTo(TwilioWebhookSigner.signature(authToken, this.receiver.url(), request.form())));
        assertThat(this.http.postForm(messagesUrl(oauthAccount), TwilioHttp.basic(oauthAccount, authToken), "To",
                "+15558675310", "From", "+15005550006", "Body", "Hi").statusCode()).isEqualTo(201);
    }

    @Test
    void postsNothingForAMessageWithoutStatusCallback() throws InterruptedException {
        this.http.postForm(messagesUrl(ACCOUNT_SID), TwilioHttp.basic(ACCOUNT_SID, AUTH_TOKEN), "To", "+15558675310",
                "From", "+15017122661", "Body", "No callback");
        send(ACCOUNT_SID, TwilioHttp.basic(ACCOUNT_SID, AUTH_TOKEN));

        assertThat(this.server.awaitStatusCallbacks(3, TIMEOUT)).hasSize(3);
        assertThat(this.server.messages()).hasSize(2);
        assertThat(this.server.statusCallbacks()).hasSize(3);
    }

    @Test
    void waitingForMoreCallbacksThanPostedTimesOut() {
        assertThatIllegalStateException().isThrownBy(() -> this.server.awaitStatusCallbacks(1, Duration.ofMillis(50)))
            .withMessageContaining("0 delivered");
    }

    @Test
    void resetForgetsDeliveries() throws InterruptedException {
        send(ACCOUNT_SID, TwilioHttp.basic(ACCOUNT_SID, AUTH_TOKEN));
        this.server.awaitStatusCallbacks(3, TIMEOUT);

        this.server.reset();

        assertThat(this.server.statusCallbacks()).isEmpty();
    }

    @Test
    void acceptsOnlyFailedOrUndeliveredAsFailures() {
        assertThatIllegalArgumentException().isThrownBy(() -> this.server.failNextMessages(1, "delivered", 30003));
    }

    private String send(String accountSid, String authorization) {
        return send(accountSid, authorization, this.receiver.url());
    }

    private String send(String accountSid, String authorization, String statusCallback) {
        var response = this.http.postForm(messagesUrl(accountSid), authorization, "To", "+15558675310", "From",
                "+15017122661", "Body", "Hello", "StatusCallback", statusCallback);
        assertThat(response.statusCode()).isEqualTo(201);
        return TwilioHttp.json(response).get("sid").asString();
    }

    private String messagesUrl(String accountSid) {
        return this.server.baseUrl() + "/2010-04-01/Accounts/" + accountSid + "/Messages.json";
    }

    /**
     * An application's status callback endpoint: records what it receives, answers a fixed status.
     */
    private static final class Receiver {

        final Queue<Received> received = new ConcurrentLinkedQueue<>();

        private final HttpServer server;

        Receiver(int status) {
            try {
                this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            }
            catch (IOException ex) {
                throw new IllegalStateException(ex);
            }
            this.server.createContext("/status", (exchange) -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                Map<String, List<String>> form = new LinkedHashMap<>(FormData.parse(body));
                this.received.add(new Received(exchange.getRequestHeaders().getFirst("Content-Type"),
                        exchange.getRequestHeaders().getFirst("X-Twilio-Signature"), form));
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            this.server.start();
        }

        String url() {
            return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/status";
        }

        void close() {
            this.server.stop(0);
        }
    }

    private record Received(String contentType, String signature, Map<String, List<String>> form) {
    }
}
