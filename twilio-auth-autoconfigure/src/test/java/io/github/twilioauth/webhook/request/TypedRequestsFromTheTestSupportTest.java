package io.github.twilioauth.webhook.request;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.twilioauth.autoconfigure.webhook.TwilioWebhookAutoConfiguration;
import io.github.twilioauth.test.webhook.TwilioSignatureRequestPostProcessor;
import io.github.twilioauth.test.webhook.TwilioWebhookTestClient;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Each typed request sent by the test module's MockMvc post-processor and WebTestClient support
 * reaches the handler as the same record: what a test sends is what Twilio would.
 */
class TypedRequestsFromTheTestSupportTest {

    private static final String ACCOUNT_SID = "AC00000000000000000000000000000001";

    private static final String TOKEN = "typed-test-support-token";

    private static final URI RECORDING_URL = URI
        .create("https://api.twilio.com/2010-04-01/Accounts/" + ACCOUNT_SID + "/Recordings/RE1");

    /** One request of each type, by the path of its handler. */
    private static final Map<String, Record> REQUESTS = Map.of(
            "/inbound-message", new InboundMessage("SM1", ACCOUNT_SID, "MG1", "+15558675310",
                    "+15005550006", "Où est mon colis ? <now> & then", 0, 1, MessageStatus.RECEIVED, "2010-04-01",
                    null, "NASHUA", "NH", "03049", "US", null, null, null, null),
            "/message-status", new MessageStatusCallback("SM1", ACCOUNT_SID, null, "+15005550006",
                    "+15558675310", new MessageStatus("pending_review"), 30003, "2010-04-01", "2407301501"),
            "/inbound-call", new InboundCall("CA1", ACCOUNT_SID, "client:alice", "+15005550006",
                    CallStatus.RINGING, CallDirection.INBOUND, "2010-04-01", "+15551230000", "ALICE", null, null,
                    null, null, null, null, null, null, null),
            "/call-status", new CallStatusCallback("CA1", ACCOUNT_SID, "+15005550006",
                    "+15558675310", CallStatus.COMPLETED, CallDirection.OUTBOUND_DIAL, "2010-04-01", null, null,
                    "CA0", 42, Instant.parse("2024-07-30T15:01:02Z"), "call-progress-events", 3, "RE1",
                    RECORDING_URL, 40),
            "/recording-status", new RecordingStatusCallback(ACCOUNT_SID, "CA1", "RE1", RECORDING_URL,
                    RecordingStatus.ABSENT, 0, 1, Instant.parse("2024-07-09T08:07:06Z"), "RecordVerb", "inbound",
                    16101, null));

    @Test
    void mockMvcSendsTheRecordsTheHandlersBind() {
        new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DispatcherServletAutoConfiguration.class,
                    WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
                    TwilioWebhookAutoConfiguration.class))
            .withUserConfiguration(TypedWebhookController.class)
            .withPropertyValues("twilio.webhook.auth-token=" + TOKEN)
            .run((context) -> {
                MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
                for (Map.Entry<String, Record> request : REQUESTS.entrySet()) {
                    mvc.perform(post(request.getKey())
                        .with(TwilioSignatureRequestPostProcessor.signedByTwilio(TOKEN).form(request.getValue())))
                        .andExpect(status().isOk());
                    assertThat(context.getBean(TypedWebhookController.class).bound.get()).as(request.getKey())
                        .isEqualTo(request.getValue());
                }
            });
    }

    @Test
    void webTestClientSendsTheRecordsTheHandlersBind() {
        new ReactiveWebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CodecsAutoConfiguration.class, WebFluxAutoConfiguration.class,
                    HttpHandlerAutoConfiguration.class, TwilioWebhookAutoConfiguration.class))
            .withUserConfiguration(TypedWebhookController.class)
            .withPropertyValues("twilio.webhook.auth-token=" + TOKEN)
            .run((context) -> {
                TwilioWebhookTestClient twilio = TwilioWebhookTestClient
                    .of(WebTestClient.bindToApplicationContext(context).build(), TOKEN);
                for (Map.Entry<String, Record> request : REQUESTS.entrySet()) {
                    twilio.postForm(request.getKey(), request.getValue()).exchange().expectStatus().isOk();
                    assertThat(context.getBean(TypedWebhookController.class).bound.get()).as(request.getKey())
                        .isEqualTo(request.getValue());
                }
            });
    }
}
