package io.github.twilioauth.samples.webhooks;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.twilioauth.client.Message;
import io.github.twilioauth.client.MessageCreateRequest;
import io.github.twilioauth.client.TwilioClient;
import io.github.twilioauth.test.MockTwilioServer;
import io.github.twilioauth.test.StatusCallbackDelivery;
import io.github.twilioauth.test.webhook.TwilioWebhookParameters;
import io.github.twilioauth.test.webhook.TwilioWebhookSigner;
import io.github.twilioauth.webhook.request.InboundMessage;
import io.github.twilioauth.webhook.request.MessageStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Shows the loop at startup: sends a message whose status callbacks come back to this
 * application, and, against the local stand-in, waits for them, posts a forged callback and a
 * signed inbound SMS, and prints what happened.
 */
@Component
@ConditionalOnBooleanProperty("sample.demo")
class WebhookDemo implements ApplicationRunner {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** The SID of the inbound SMS the demo posts as Twilio would. */
    private static final String INBOUND_SID = "SM1f0e8ae6ade43cb3c0ce4525424e404f";

    private final TwilioClient twilio;

    private final WebhooksProperties properties;

    private final DeliveryReports reports;

    private final Environment environment;

    private final ObjectProvider<MockTwilioServer> localTwilio;

    private final HttpClient http = HttpClient.newHttpClient();

    WebhookDemo(TwilioClient twilio, WebhooksProperties properties, DeliveryReports reports, Environment environment,
            ObjectProvider<MockTwilioServer> localTwilio) {
        this.twilio = twilio;
        this.properties = properties;
        this.reports = reports;
        this.environment = environment;
        this.localTwilio = localTwilio;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException, InterruptedException {
        PrintStream out = System.out;
        String publicUrl = publicUrl();
        MockTwilioServer local = this.localTwilio.getIfAvailable();
        out.println("Twilio: " + ((local != null) ? "local stand-in at " + local.baseUrl() : "api.twilio.com"));
        out.println("Webhooks: " + publicUrl + "/sms (inbound SMS), " + publicUrl + "/status (status callbacks)");
        Message sent = this.twilio.messages()
            .create(MessageCreateRequest.builder()
                .to(this.properties.to())
                .from(this.properties.from())
                .body("Your order has shipped")
                .statusCallback(publicUrl + "/status")
                .build());
        out.println("Sent message " + sent.sid() + " with StatusCallback " + publicUrl + "/status");
        if (local == null) {
            out.println("Waiting for Twilio's webhooks; stop with Ctrl+C.");
            return;
        }
        for (StatusCallbackDelivery delivery : local.awaitStatusCallbacks(3, TIMEOUT)) {
            out.println("Signed status callback '" + delivery.status() + "': answered " + delivery.responseStatus());
        }
        out.println("Recorded for " + sent.sid() + ": " + String.join(", ", this.reports.statuses(sent.sid())));
        String forged = "MessageSid=" + sent.sid() + "&MessageStatus=failed&AccountSid="
                + this.environment.getProperty("twilio.account-sid");
        out.println("Forged status callback: answered " + post(publicUrl + "/status", forged, "Zm9yZ2VkIHNpZ25hdHVyZQ==").statusCode());
        String accountSid = this.environment.getRequiredProperty("twilio.account-sid");
        Map<String, List<String>> sms = TwilioWebhookParameters.of(new InboundMessage(INBOUND_SID, accountSid, null,
                this.properties.to(), this.properties.from(), "Where is my parcel?", 0, 1, MessageStatus.RECEIVED,
                "2010-04-01", null, null, null, null, null, null, null, null, null));
        String signature = TwilioWebhookSigner.signature(local.authToken(accountSid), publicUrl + "/sms", sms);
        HttpResponse<String> reply = post(publicUrl + "/sms", TwilioWebhookSigner.formBody(sms), signature);
        out.println("Signed inbound SMS: answered " + reply.statusCode() + " with TwiML " + reply.body().replace("\n", ""));
    }

    private String publicUrl() {
        String publicUrl = this.properties.publicUrl();
        if (publicUrl != null && !publicUrl.isBlank()) {
            return publicUrl.replaceAll("/+$", "");
        }
        return "http://127.0.0.1:" + this.environment.getRequiredProperty("local.server.port");
    }

    private HttpResponse<String> post(String url, String form, String signature) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-Twilio-Signature", signature)
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
        return this.http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
