package io.github.twilioauth.webhook.reactive;

import reactor.core.publisher.Mono;

import io.github.twilioauth.webhook.AbstractWebhookDeduplicationEndToEndTest;
import io.github.twilioauth.webhook.TwilioWebhook;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * Spring WebFlux on Reactor Netty, deliveries recorded in memory: a duplicate is answered once,
 * and no thread waits for a delivery in progress.
 */
@SpringBootTest(classes = { AbstractWebhookDeduplicationEndToEndTest.App.class,
        ReactiveWebhookDeduplicationEndToEndTest.SmsController.class }, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "spring.main.web-application-type=reactive")
class ReactiveWebhookDeduplicationEndToEndTest extends AbstractWebhookDeduplicationEndToEndTest {

    @TwilioWebhook
    @RestController
    static class SmsController extends DeliveriesController {

        SmsController(Deliveries deliveries, Gate gate) {
            super(deliveries, gate);
        }

        @PostMapping("/sms")
        Mono<ResponseEntity<String>> sms(ServerWebExchange exchange) {
            return exchange.getFormData()
                .map((form) -> this.deliveries.answer(form.getFirst("From"), form.getFirst("Body")));
        }

        @PostMapping("/slow")
        Mono<ResponseEntity<String>> slow(ServerWebExchange exchange) {
            return exchange.getFormData()
                .flatMap((form) -> Mono.fromFuture(this.gate.pass())
                    .then(Mono.fromSupplier(
                            () -> this.deliveries.answer(form.getFirst("From"), form.getFirst("Body")))));
        }
    }
}
