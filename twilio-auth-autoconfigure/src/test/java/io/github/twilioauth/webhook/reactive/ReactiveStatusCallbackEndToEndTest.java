package io.github.twilioauth.webhook.reactive;

import reactor.core.publisher.Mono;

import io.github.twilioauth.test.AutoConfigureMockTwilio;
import io.github.twilioauth.webhook.AbstractStatusCallbackEndToEndTest;
import io.github.twilioauth.webhook.TwilioWebhook;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * Spring WebFlux over real HTTP: the stand-in posts signed status callbacks to a
 * {@code @TwilioWebhook} endpoint of the application on Reactor Netty; forged ones are refused.
 */
@SpringBootTest(classes = { AbstractStatusCallbackEndToEndTest.App.class,
        ReactiveStatusCallbackEndToEndTest.StatusController.class }, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "twilio.account-sid=" + AbstractStatusCallbackEndToEndTest.ACCOUNT_SID,
                "twilio.auth.auth-token=" + AbstractStatusCallbackEndToEndTest.AUTH_TOKEN,
                "spring.main.web-application-type=reactive" })
@AutoConfigureMockTwilio
class ReactiveStatusCallbackEndToEndTest extends AbstractStatusCallbackEndToEndTest {

    @TwilioWebhook
    @RestController
    static class StatusController {

        private final StatusLog log;

        StatusController(StatusLog log) {
            this.log = log;
        }

        @PostMapping("/status")
        Mono<Void> status(ServerWebExchange exchange) {
            return exchange.getFormData()
                .doOnNext((form) -> this.log.record(form.getFirst("MessageSid"), form.getFirst("MessageStatus"),
                        form.getFirst("ErrorCode")))
                .then();
        }

    }
}
