package io.github.twilioauth.sdk.twiml;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.twilioauth.test.webhook.TwilioWebhookParameters;
import io.github.twilioauth.test.webhook.TwilioWebhookSigner;
import io.github.twilioauth.webhook.request.CallDirection;
import io.github.twilioauth.webhook.request.CallStatus;
import io.github.twilioauth.webhook.request.InboundCall;
import io.github.twilioauth.webhook.request.InboundMessage;
import io.github.twilioauth.webhook.request.MessageStatus;
import io.github.twilioauth.webhook.request.MessageStatusCallback;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One web stack over real HTTP: {@code @TwilioWebhook} handlers that return twilio-java's TwiML
 * answer its XML as {@code application/xml}; those that answer TwiML and return nothing answer
 * {@code <Response/>}; a status callback's handler that returns nothing answers nothing.
 * <p>
 * A subclass per stack is a {@code @SpringBootTest} on a random port of {@link App}, with
 * {@link #ACCOUNT_SID} and {@link #AUTH_TOKEN}.
 */
public abstract class AbstractTwimlEndToEndTest {

    /** The account of the application. */
    public static final String ACCOUNT_SID = "AC00000000000000000000000000000001";

    /** Its Auth Token, which signs its webhooks. */
    public static final String AUTH_TOKEN = "twiml-auth-token";

    /** An inbound SMS whose text needs escaping in XML. */
    protected static final InboundMessage MESSAGE = new InboundMessage("SM1", ACCOUNT_SID, null, "+15558675310",
            "+15005550006", "Where is <my> parcel?", 0, 1, MessageStatus.RECEIVED, "2010-04-01", null, null, null, null,
            null, null, null, null, null);

    /** An inbound call. */
    protected static final InboundCall CALL = new InboundCall("CA1", ACCOUNT_SID, "+15558675310", "+15005550006",
            CallStatus.RINGING, CallDirection.INBOUND, "2010-04-01", null, null, null, null, null, null, null, null,
            null, null, null);

    @LocalServerPort
    private int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void answersTheXmlOfAMessagingResponse() throws Exception {
        assertAnswersTwiml(post("/sms", MESSAGE),
                "<Response><Message>Thanks +15558675310, we got: Where is &lt;my&gt; parcel?</Message></Response>");
    }

    @Test
    void answersTheXmlOfAVoiceResponse() throws Exception {
        assertAnswersTwiml(post("/voice", CALL), "<Response><Say>Hello +15558675310</Say></Response>");
    }

    @Test
    void aVoidHandlerOfAnInboundMessageAnswersAnEmptyResponse() throws Exception {
        assertAnswersTwiml(post("/sms-ignored", MESSAGE), "<Response/>");
    }

    @Test
    void aTwimlHandlerReturningNullAnswersAnEmptyResponse() throws Exception {
        assertAnswersTwiml(post("/voice-null", CALL), "<Response/>");
    }

    @Test
    void aResponseEntityOfTwimlKeepsItsHeadersAndAnswersItsXml() throws Exception {
        HttpResponse<String> answer = post("/voice-entity", CALL);

        assertAnswersTwiml(answer, "<Response><Say>Hello</Say></Response>");
        assertThat(answer.headers().firstValue("X-Call")).hasValue("CA1");
    }

    @Test
    void aStatusCallbackHandlerReturningNothingAnswersNoBody() throws Exception {
        HttpResponse<String> answer = post("/status", new MessageStatusCallback("SM1", ACCOUNT_SID, null,
                "+15005550006", "+15558675310", MessageStatus.DELIVERED, null, "2010-04-01", null));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).isEmpty();
        assertThat(answer.body()).isEmpty();
    }

    /**
     * Asserts that an answer is TwiML.
     * @param answer the answer
     * @param twiml the TwiML it must be, after the XML prolog
     */
    protected static void assertAnswersTwiml(HttpResponse<String> answer, String twiml) {
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/xml;charset=UTF-8");
        assertThat(answer.body()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + twiml);
    }

    /**
     * Posts a typed request signed as Twilio would.
     * @param path the path of the handler
     * @param request the request
     * @return the answer
     */
    protected HttpResponse<String> post(String path, Record request) throws IOException, InterruptedException {
        String url = "http://127.0.0.1:" + this.port + path;
        Map<String, List<String>> form = TwilioWebhookParameters.of(request);
        return this.http.send(HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header(TwilioWebhookSigner.SIGNATURE_HEADER, TwilioWebhookSigner.signature(AUTH_TOKEN, url, form))
            .POST(HttpRequest.BodyPublishers.ofString(TwilioWebhookSigner.formBody(form)))
            .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /**
     * The application: auto-configuration and the {@link TwimlWebhookController}.
     */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(TwimlWebhookController.class)
    public static class App {

    }
}
