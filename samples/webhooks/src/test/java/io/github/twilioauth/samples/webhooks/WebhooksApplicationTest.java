package io.github.twilioauth.samples.webhooks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.twilioauth.client.Message;
import io.github.twilioauth.client.MessageCreateRequest;
import io.github.twilioauth.client.TwilioClient;
import io.github.twilioauth.test.AutoConfigureMockTwilio;
import io.github.twilioauth.test.MockTwilioServer;
import io.github.twilioauth.test.StatusCallbackDelivery;
import io.github.twilioauth.test.webhook.TwilioWebhookParameters;
import io.github.twilioauth.test.webhook.TwilioWebhookSigner;
import io.github.twilioauth.webhook.request.InboundMessage;
import io.github.twilioauth.webhook.request.MessageStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The sample over real HTTP on loopback: the stand-in's signed status callbacks are bound and
 * recorded, forged webhooks are refused, a signed inbound SMS gets the TwiML of twilio-java's
 * builder.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "sample.demo=false")
@AutoConfigureMockTwilio
class WebhooksApplicationTest {

    private static final String ACCOUNT_SID = "AC00000000000000000000000000000001";

    private static final String AUTH_TOKEN = "webhooks-demo-auth-token";

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Autowired
    private TwilioClient twilio;

    @Autowired
    private MockTwilioServer server;

    @Autowired
    private DeliveryReports reports;

    @LocalServerPort
    private int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void reset() {
        this.server.reset();
    }

    @Test
    void recordsTheStandInsSignedStatusCallbacks() throws InterruptedException {
        Message sent = send();

        assertThat(this.server.awaitStatusCallbacks(3, TIMEOUT))
            .extracting(StatusCallbackDelivery::status, StatusCallbackDelivery::responseStatus)
            .containsExactly(tuple("queued", 200), tuple("sent", 200), tuple("delivered", 200));
        assertThat(this.reports.statuses(sent.sid())).containsExactly("queued", "sent", "delivered");
    }

    @Test
    void recordsAFailedDeliveryWithItsErrorCode() throws InterruptedException {
        this.server.failNextMessages(1, "undelivered", 30003);
        Message sent = send();

        assertThat(this.server.awaitStatusCallbacks(3, TIMEOUT)).extracting(StatusCallbackDelivery::responseStatus)
            .containsExactly(200, 200, 200);
        assertThat(this.reports.statuses(sent.sid())).containsExactly("queued", "sent", "undelivered (error 30003)");
    }

    @Test
    void refusesAForgedStatusCallback() throws Exception {
        int before = this.reports.count();
        String form = "MessageSid=SM00000000000000000000000000000000&MessageStatus=delivered&AccountSid=" + ACCOUNT_SID;

        assertThat(post("/status", form, "Zm9yZ2VkIHNpZ25hdHVyZQ==").statusCode()).isEqualTo(403);
        assertThat(post("/status", form, null).statusCode()).isEqualTo(403);
        assertThat(this.reports.count()).isEqualTo(before);
    }

    @Test
    void repliesToASignedInboundSmsWithTwiml() throws Exception {
        Map<String, List<String>> sms = TwilioWebhookParameters.of(inboundSms("Where is <my> parcel?"));
        String signature = TwilioWebhookSigner.signature(AUTH_TOKEN, url("/sms"), sms);

        HttpResponse<String> reply = post("/sms", TwilioWebhookSigner.formBody(sms), signature);

        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(reply.headers().firstValue("Content-Type")).hasValue("application/xml;charset=UTF-8");
        assertThat(reply.body()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Response><Message>Thanks +15558675310, we got: Where is &lt;my&gt; parcel?</Message></Response>");
    }

    @Test
    void refusesAnInboundSmsSignedWithAnotherToken() throws Exception {
        Map<String, List<String>> sms = TwilioWebhookParameters.of(inboundSms("Hi"));
        String signature = TwilioWebhookSigner.signature("not-the-auth-token", url("/sms"), sms);

        HttpResponse<String> reply = post("/sms", TwilioWebhookSigner.formBody(sms), signature);

        assertThat(reply.statusCode()).isEqualTo(403);
        assertThat(reply.body()).isEmpty();
    }

    private static InboundMessage inboundSms(String body) {
        return new InboundMessage("SM1f0e8ae6ade43cb3c0ce4525424e404f", ACCOUNT_SID, null, "+15558675310",
                "+15005550006", body, 0, 1, MessageStatus.RECEIVED, "2010-04-01", null, null, null, null, null, null,
                null, null, null);
    }

    private Message send() {
        return this.twilio.messages()
            .create(MessageCreateRequest.builder()
                .to("+15558675310")
                .from("+15005550006")
                .body("Your order has shipped")
                .statusCallback(url("/status"))
                .build());
    }

    private String url(String path) {
        return "http://127.0.0.1:" + this.port + path;
    }

    private HttpResponse<String> post(String path, String form, String signature) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form));
        if (signature != null) {
            request.header("X-Twilio-Signature", signature);
        }
        return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
