package io.github.twilioauth.webhook.request;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.twilioauth.test.webhook.TwilioWebhookSigner;
import io.github.twilioauth.webhook.TwilioWebhookAccount;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One web stack over real HTTP: each typed request bound with {@code @ModelAttribute} from the
 * parameters Twilio documents for its webhook, with parameters no record names beside them, and
 * the {@link TwilioWebhookAccount} of the request.
 * <p>
 * A subclass per stack is a {@code @SpringBootTest} on a random port of {@link App}, with
 * a single account and a tenant {@code acme}, each with its Auth Token.
 */
public abstract class AbstractTypedRequestEndToEndTest {

    static final String ACCOUNT_SID = "AC00000000000000000000000000000e2e";

    static final String AUTH_TOKEN = "typed-requests-auth-token";

    static final String ACME_SID = "AC00000000000000000000000000000a01";

    static final String ACME_TOKEN = "acme-auth-token";

    private static final String MESSAGE_SID = "SM1f0e8ae6ade43cb3c0ce4525424e404f";

    private static final String MESSAGING_SERVICE_SID = "MG3a9e2d2e5e2f4b7e8f9a0b1c2d3e4f56";

    private static final String CALL_SID = "CA5f9b4a4d6e4b0a3e2c1d0f9e8d7c6b5a";

    private static final String RECORDING_SID = "RE557ce644e5ab84fa21cc21112e22c485";

    private static final URI RECORDING_URL = URI.create(
            "https://api.twilio.com/2010-04-01/Accounts/" + ACCOUNT_SID + "/Recordings/" + RECORDING_SID);

    @Autowired
    private TypedWebhookController controller;

    @LocalServerPort
    private int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void forget() {
        this.controller.bound.set(null);
        this.controller.account.set(null);
    }

    @Test
    void bindsAnInboundMessageFromTheParametersTwilioSends() throws Exception {
        int status = post("/inbound-message", AUTH_TOKEN, "ToCountry", "US", "ToState", "CA", "SmsMessageSid",
                MESSAGE_SID, "NumMedia", "0", "ToCity", "SAN FRANCISCO", "FromZip", "03049", "SmsSid", MESSAGE_SID,
                "FromState", "NH", "SmsStatus", "received", "FromCity", "NASHUA", "Body", "Ahoy! Where is my parcel?",
                "FromCountry", "US", "To", "+15005550006", "MessagingServiceSid", MESSAGING_SERVICE_SID, "ToZip",
                "94105", "NumSegments", "1", "ReferralNumMedia", "0", "MessageSid", MESSAGE_SID, "AccountSid",
                ACCOUNT_SID, "From", "+15558675310", "ApiVersion", "2010-04-01", "ParameterTwilioAddsLater", "yes");

        assertThat(status).isEqualTo(200);
        assertThat(this.controller.bound.get()).isEqualTo(new InboundMessage(MESSAGE_SID, ACCOUNT_SID,
                MESSAGING_SERVICE_SID, "+15558675310", "+15005550006", "Ahoy! Where is my parcel?", 0, 1,
                MessageStatus.RECEIVED, "2010-04-01", null, "NASHUA", "NH", "03049", "US", "SAN FRANCISCO", "CA",
                "94105", "US"));
    }

    @Test
    void bindsAnInboundMessageOfMediaOnlyWithItsOptOutKeyword() throws Exception {
        int status = post("/inbound-message", AUTH_TOKEN, "MessageSid", "MM" + MESSAGE_SID.substring(2), "AccountSid",
                ACCOUNT_SID, "From", "whatsapp:+15558675310", "To", "whatsapp:+15005550006", "Body", "", "NumMedia",
                "1", "NumSegments", "1", "MediaContentType0", "image/jpeg", "MediaUrl0",
                "https://api.twilio.com/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages/MM1/Media/ME1", "ProfileName",
                "Ahoy", "WaId", "15558675310", "OptOutType", "STOP", "SmsStatus", "received", "ApiVersion",
                "2010-04-01");

        assertThat(status).isEqualTo(200);
        assertThat(this.controller.bound.get()).isEqualTo(new InboundMessage("MM" + MESSAGE_SID.substring(2),
                ACCOUNT_SID, null, "whatsapp:+15558675310", "whatsapp:+15005550006", "", 1, 1, MessageStatus.RECEIVED,
                "2010-04-01", "STOP", null, null, null, null, null, null, null, null));
    }

    @Test
    void bindsAMessageStatusCallbackWithItsErrorCode() throws Exception {
        int status = post("/message-status", AUTH_TOKEN, "AccountSid", ACCOUNT_SID, "ApiVersion", "2010-04-01",
                "ChannelInstallSid", "XEcc20d939f803ee381f2442185d0d5dc5", "ChannelPrefix", "sms", "ChannelToAddress",
                "+1555867XXXX", "ErrorCode", "30003", "From", "+15005550006", "MessageSid", MESSAGE_SID,
                "MessageStatus", "undelivered", "MessagingServiceSid", MESSAGING_SERVICE_SID, "RawDlrDoneDate",
                "2407301501", "SmsSid", MESSAGE_SID, "SmsStatus", "undelivered", "StructuredMessage", "false", "To",
                "+15558675310");

        assertThat(status).isEqualTo(200);
        assertThat(this.controller.bound.get()).isEqualTo(new MessageStatusCallback(MESSAGE_SID, ACCOUNT_SID,
                MESSAGING_SERVICE_SID, "+15005550006", "+15558675310", MessageStatus.UNDELIVERED, 30003, "2010-04-01",
                "2407301501"));
    }

    @Test
    void keepsAStatusTwilioAddsLaterAsItWasSent() throws Exception {
        int status = post("/message-status", AUTH_TOKEN, "AccountSid", ACCOUNT_SID, "MessageSid", MESSAGE_SID,
                "MessageStatus", "pending_review", "To", "+15558675310");

        assertThat(status).isEqualTo(200);
        MessageStatusCallback callback = (MessageStatusCallback) this.controller.bound.get();
        assertThat(callback.status()).isEqualTo(new MessageStatus("pending_review"))
            .isNotIn(MessageStatus.QUEUED, MessageStatus.SENT, MessageStatus.DELIVERED, MessageStatus.FAILED);
        assertThat(callback.status().value()).isEqualTo("pending_review");
        assertThat(callback.errorCode()).isNull();
    }

    @Test
    void bindsAnInboundCallFromTheParametersTwilioSends() throws Exception {
        int status = post("/inbound-call", AUTH_TOKEN, "AccountSid", ACCOUNT_SID, "ApiVersion", "2010-04-01",
                "CallSid", CALL_SID, "CallStatus", "ringing", "CallToken", "%7B%22parentCallInfoToken%22%3A%22eyJ%7D",
                "Called", "+15005550006", "CalledCity", "SAN FRANCISCO", "CalledCountry", "US", "CalledState", "CA",
                "CalledZip", "94105", "Caller", "+15558675310", "CallerCity", "NASHUA", "CallerCountry", "US",
                "CallerName", "ALICE", "CallerState", "NH", "CallerZip", "03049", "Direction", "inbound", "From",
                "+15558675310", "FromCity", "NASHUA", "FromCountry", "US", "FromState", "NH", "FromZip", "03049",
                "StirVerstat", "TN-Validation-Passed-A", "To", "+15005550006", "ToCity", "SAN FRANCISCO", "ToCountry",
                "US", "ToState", "CA", "ToZip", "94105");

        assertThat(status).isEqualTo(200);
        assertThat(this.controller.bound.get()).isEqualTo(new InboundCall(CALL_SID, ACCOUNT_SID, "+15558675310",
                "+15005550006", CallStatus.RINGING, CallDirection.INBOUND, "2010-04-01", null, "ALICE", null, "NASHUA",
                "NH", "03049", "US", "SAN FRANCISCO", "CA", "94105", "US"));
    }

    @Test
    void bindsACallStatusCallbackWithItsRfc2822Timestamp() throws Exception {
        int status = post("/call-status", AUTH_TOKEN, "AccountSid", ACCOUNT_SID, "ApiVersion", "2010-04-01",
                "CallDuration", "42", "CallSid", CALL_SID, "CallStatus", "completed", "CallbackSource",
                "call-progress-events", "Called", "+15558675310", "Caller", "+15005550006", "Direction", "outbound-api",
                "Duration", "1", "From", "+15005550006", "ParentCallSid", "CA0f9b4a4d6e4b0a3e2c1d0f9e8d7c6b5a",
                "RecordingDuration", "40", "RecordingSid", RECORDING_SID, "RecordingUrl", RECORDING_URL.toString(),
                "SequenceNumber", "3", "SipResponseCode", "200", "Timestamp", "Tue, 30 Jul 2024 15:01:02 +0000", "To",
                "+15558675310");

        assertThat(status).isEqualTo(200);
        assertThat(this.controller.bound.get()).isEqualTo(new CallStatusCallback(CALL_SID, ACCOUNT_SID,
                "+15005550006", "+15558675310", CallStatus.COMPLETED, CallDirection.OUTBOUND_API, "2010-04-01", null,
                null, "CA0f9b4a4d6e4b0a3e2c1d0f9e8d7c6b5a", 42, Instant.parse("2024-07-30T15:01:02Z"),
                "call-progress-events", 3, RECORDING_SID, RECORDING_URL, 40));
    }

    @Test
    void bindsARecordingStatusCallbackWithItsRfc2822StartTime() throws Exception {
        int status = post("/recording-status", AUTH_TOKEN, "AccountSid", ACCOUNT_SID, "CallSid", CALL_SID,
                "ErrorCode", "0", "RecordingChannels", "2", "RecordingDuration", "40", "RecordingSid", RECORDING_SID,
                "RecordingSource", "OutboundAPI", "RecordingStartTime", "Tue, 30 Jul 2024 15:00:20 +0000",
                "RecordingStatus", "completed", "RecordingTrack", "both", "RecordingUrl", RECORDING_URL.toString(),
                "RecordingEncryptionDetails", "none");

        assertThat(status).isEqualTo(200);
        assertThat(this.controller.bound.get()).isEqualTo(new RecordingStatusCallback(ACCOUNT_SID, CALL_SID,
                RECORDING_SID, RECORDING_URL, RecordingStatus.COMPLETED, 40, 2, Instant.parse("2024-07-30T15:00:20Z"),
                "OutboundAPI", "both", 0, null));
    }

    @Test
    void namesTheTenantWhoseAuthTokenValidatedTheRequest() throws Exception {
        assertThat(post("/message-status", ACME_TOKEN, "AccountSid", ACME_SID, "MessageSid", MESSAGE_SID,
                "MessageStatus", "sent", "To", "+15558675310")).isEqualTo(200);
        assertThat(this.controller.account.get()).isEqualTo(new TwilioWebhookAccount(ACME_SID, "acme"));

        assertThat(post("/message-status", AUTH_TOKEN, "AccountSid", ACCOUNT_SID, "MessageSid", MESSAGE_SID,
                "MessageStatus", "sent", "To", "+15558675310")).isEqualTo(200);
        assertThat(this.controller.account.get()).isEqualTo(new TwilioWebhookAccount(ACCOUNT_SID, null));
    }

    @Test
    void aTenantsRequestSignedWithAnotherTokenReachesNoHandler() throws Exception {
        assertThat(post("/message-status", AUTH_TOKEN, "AccountSid", ACME_SID, "MessageSid", MESSAGE_SID,
                "MessageStatus", "sent", "To", "+15558675310")).isEqualTo(403);
        assertThat(this.controller.bound.get()).isNull();
        assertThat(this.controller.account.get()).isNull();
    }

    private int post(String path, String authToken, String... namesAndValues) throws IOException, InterruptedException {
        Map<String, List<String>> form = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.computeIfAbsent(namesAndValues[i], (name) -> new ArrayList<>()).add(namesAndValues[i + 1]);
        }
        String url = "http://127.0.0.1:" + this.port + path;
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header(TwilioWebhookSigner.SIGNATURE_HEADER, TwilioWebhookSigner.signature(authToken, url, form))
            .POST(HttpRequest.BodyPublishers.ofString(TwilioWebhookSigner.formBody(form)))
            .build();
        return this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /**
     * The application: auto-configuration and the {@link TypedWebhookController}.
     */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(TypedWebhookController.class)
    public static class App {

    }
}
