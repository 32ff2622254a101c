package io.github.twilioauth.webhook.servlet;

import java.util.concurrent.CompletableFuture;

import io.github.twilioauth.webhook.AbstractWebhookDeduplicationEndToEndTest;
import io.github.twilioauth.webhook.TwilioWebhook;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Spring MVC on Tomcat, deliveries recorded in memory: a duplicate is answered once, synchronous
 * handlers ({@code /sms}) and asynchronous ones ({@code /slow}) alike.
 */
@SpringBootTest(classes = { AbstractWebhookDeduplicationEndToEndTest.App.class,
        ServletWebhookDeduplicationEndToEndTest.SmsController.class }, webEnvironment = WebEnvironment.RANDOM_PORT)
class ServletWebhookDeduplicationEndToEndTest extends AbstractWebhookDeduplicationEndToEndTest {

    @TwilioWebhook
    @RestController
    static class SmsController extends DeliveriesController {

        SmsController(Deliveries deliveries, Gate gate) {
            super(deliveries, gate);
        }

        @PostMapping("/sms")
        ResponseEntity<String> sms(@RequestParam("From") String from, @RequestParam("Body") String body) {
            return this.deliveries.answer(from, body);
        }

        @PostMapping("/slow")
        CompletableFuture<ResponseEntity<String>> slow(@RequestParam("From") String from,
                @RequestParam("Body") String body) {
            return this.gate.pass().thenApply((opened) -> this.deliveries.answer(from, body));
        }
    }
}
