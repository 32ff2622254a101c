package io.github.twilioauth.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.twilioauth.client.Message;
import io.github.twilioauth.client.MessageCreateRequest;
import io.github.twilioauth.client.TwilioClient;
import io.github.twilioauth.test.MockTwilioServer;
import io.github.twilioauth.test.StatusCallbackDelivery;
import io.github.twilioauth.test.webhook.TwilioWebhookSigner;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * One web stack over real HTTP: the stand-in posts signed status callbacks to a
 * {@code @TwilioWebhook} endpoint of the application; forged ones are refused.
 * <p>
 * A subclass per stack is a {@code @SpringBootTest} on a random port with
 * {@code @AutoConfigureMockTwilio} and {@link #ACCOUNT_SID} and {@link #AUTH_TOKEN} as the
 * application's Twilio credentials, of {@link App} and its own {@code @TwilioWebhook}
 * controller of {@code POST /status}, which records each callback in the {@link StatusLog}.
 */
public abstract class AbstractStatusCallbackEndToEndTest {

    /** The account of the application. */
    public static final String ACCOUNT_SID = "AC00000000000000000000000000000e2e";

    /** The Auth Token of the application's account, which signs its webhooks. */
    public static final String AUTH_TOKEN = "end-to-end-auth-token";

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Autowired
    private TwilioClient twilio;

    @Autowired
    private MockTwilioServer server;

    @Autowired
    private StatusLog statuses;

    @LocalServerPort
    private int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void clear() {
        this.server.reset();
        this.statuses.received.clear();
    }

    @Test
    void acceptsTheStandInsSignedStatusCallbacks() throws InterruptedException {
        String sid = send().sid();

        List<StatusCallbackDelivery> deliveries = this.server.awaitStatusCallbacks(3, TIMEOUT);

        assertThat(deliveries).extracting(StatusCallbackDelivery::messageSid, StatusCallbackDelivery::status,
                StatusCallbackDelivery::responseStatus)
            .containsExactly(tuple(sid, "queued", 200), tuple(sid, "sent", 200), tuple(sid, "delivered", 200));
        assertThat(this.statuses.received).containsExactly(sid + " queued", sid + " sent", sid + " delivered");
    }

    @Test
    void acceptsAFailureCallbackWithItsErrorCode() throws InterruptedException {
        this.server.failNextMessages(1, "undelivered", 30003);
        String sid = send().sid();

        List<StatusCallbackDelivery> deliveries = this.server.awaitStatusCallbacks(3, TIMEOUT);

        assertThat(deliveries).extracting(StatusCallbackDelivery::status, StatusCallbackDelivery::responseStatus)
            .containsExactly(tuple("queued", 200), tuple("sent", 200), tuple("undelivered", 200));
        assertThat(deliveries.get(2).parameters()).containsEntry("ErrorCode", "30003");
        assertThat(this.statuses.received).last().isEqualTo(sid + " undelivered 30003");
    }

    @Test
    void refusesAForgedCallback() throws Exception {
        String form = "MessageSid=SM00000000000000000000000000000000&MessageStatus=delivered&AccountSid=" + ACCOUNT_SID;

        assertThat(post(statusUrl(), form, "Zm9yZ2VkIHNpZ25hdHVyZQ==")).isEqualTo(403);
        assertThat(post(statusUrl(), form, null)).isEqualTo(403);
        assertThat(this.statuses.received).isEmpty();
    }

    @Test
    void refusesASignatureReplayedOnAnotherUrl() throws Exception {
        Map<String, List<String>> form = Map.of("MessageSid", List.of("SM00000000000000000000000000000000"),
                "MessageStatus", List.of("delivered"), "AccountSid", List.of(ACCOUNT_SID));
        String signature = TwilioWebhookSigner.signature(AUTH_TOKEN, statusUrl(), form);

        assertThat(post(statusUrl(), TwilioWebhookSigner.formBody(form), signature)).isEqualTo(200);
        assertThat(post(statusUrl() + "?replayed=1", TwilioWebhookSigner.formBody(form), signature)).isEqualTo(403);
        assertThat(this.statuses.received).hasSize(1);
    }

    @Test
    void acceptsSignedJsonAndTheHandlerReadsItsBody() throws Exception {
        String json = "{\"FlowSid\":\"FW123\",\"Note\":\"caf\u00e9\"}";
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String url = TwilioWebhookSigner.withBodySha256("http://127.0.0.1:" + this.port + "/studio", body);
        String signature = TwilioWebhookSigner.signature(AUTH_TOKEN, url, Map.of());

        HttpResponse<String> accepted = postJson(url, body, signature);
        HttpResponse<String> tampered = postJson(url, "{\"FlowSid\":\"FW666\"}".getBytes(), signature);

        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(accepted.body()).isEqualTo(json);
        assertThat(tampered.statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> postJson(String url, byte[] body, String signature)
            throws IOException, InterruptedException {
        return this.http.send(HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .header("X-Twilio-Signature", signature)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private Message send() {
        return this.twilio.messages()
            .create(MessageCreateRequest.builder()
                .to("+15558675310")
                .from("+15005550006")
                .body("Your order has shipped")
                .statusCallback(statusUrl())
                .build());
    }

    private String statusUrl() {
        return "http://127.0.0.1:" + this.port + "/status";
    }

    private int post(String url, String form, String signature) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form));
        if (signature != null) {
            request.header("X-Twilio-Signature", signature);
        }
        return this.http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /**
     * The application, but for the controller of {@code POST /status}.
     */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import({ StackNeutralWebhookController.class, StatusLog.class })
    public static class App {

    }

    /**
     * The status callbacks the application received, in order.
     */
    public static class StatusLog {

        final List<String> received = new CopyOnWriteArrayList<>();

        /**
         * Records a callback as its message SID, its status and its error code if it has one.
         * @param messageSid the {@code MessageSid} parameter
         * @param status the {@code MessageStatus} parameter
         * @param errorCode the {@code ErrorCode} parameter, or {@code null}
         */
        public void record(String messageSid, String status, String errorCode) {
            this.received.add(messageSid + " " + status + ((errorCode != null) ? " " + errorCode : ""));
        }

    }
}
