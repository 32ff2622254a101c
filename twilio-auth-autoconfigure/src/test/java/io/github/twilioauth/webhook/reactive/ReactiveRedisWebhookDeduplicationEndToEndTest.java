package io.github.twilioauth.webhook.reactive;

import io.github.twilioauth.webhook.AbstractRedisWebhookDeduplicationEndToEndTest;
import io.github.twilioauth.webhook.AbstractWebhookDeduplicationEndToEndTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * Spring WebFlux on Reactor Netty, deliveries recorded in a real Redis shared by the instances.
 */
@SpringBootTest(classes = { AbstractWebhookDeduplicationEndToEndTest.App.class,
        ReactiveWebhookDeduplicationEndToEndTest.SmsController.class }, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "spring.main.web-application-type=reactive")
class ReactiveRedisWebhookDeduplicationEndToEndTest extends AbstractRedisWebhookDeduplicationEndToEndTest {

}
