package io.github.twilioauth.sdk.twiml;

import com.twilio.twiml.MessagingResponse;
import com.twilio.twiml.messaging.Message;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import io.github.twilioauth.webhook.TwilioWebhook;
import io.github.twilioauth.webhook.request.InboundMessage;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Spring WebFlux on Reactor Netty: TwiML answers, also of handlers that return a {@code Mono}.
 */
@SpringBootTest(classes = { AbstractTwimlEndToEndTest.App.class, ReactiveTwimlEndToEndTest.MonoController.class },
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "twilio.account-sid=" + AbstractTwimlEndToEndTest.ACCOUNT_SID,
                "twilio.auth.auth-token=" + AbstractTwimlEndToEndTest.AUTH_TOKEN,
                "spring.main.web-application-type=reactive" })
class ReactiveTwimlEndToEndTest extends AbstractTwimlEndToEndTest {

    @Test
    void answersTheXmlOfAMonoOfTwiml() throws Exception {
        assertAnswersTwiml(post("/mono/sms", MESSAGE), "<Response><Message>Later</Message></Response>");
    }

    @Test
    void anEmptyMonoOfTwimlAnswersAnEmptyResponse() throws Exception {
        assertAnswersTwiml(post("/mono/sms-empty", MESSAGE), "<Response/>");
    }

    @Test
    void aMonoOfVoidOfAnInboundMessageAnswersAnEmptyResponseOnceItCompletes() throws Exception {
        assertAnswersTwiml(post("/mono/sms-ignored", MESSAGE), "<Response/>");
    }

    @TwilioWebhook
    @RestController
    static class MonoController {

        @PostMapping("/mono/sms")
        Mono<MessagingResponse> reply(@ModelAttribute InboundMessage message) {
            return Mono.fromSupplier(() -> new MessagingResponse.Builder()
                .message(new Message.Builder("Later").build())
                .build());
        }

        @PostMapping("/mono/sms-empty")
        Mono<MessagingResponse> replyNothing(@ModelAttribute InboundMessage message) {
            return Mono.empty();
        }

        @PostMapping("/mono/sms-ignored")
        Mono<Void> ignore(@ModelAttribute InboundMessage message) {
            return Mono.empty();
        }
    }
}
