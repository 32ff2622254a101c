package io.github.twilioauth.webhook.servlet;

import io.github.twilioauth.webhook.AbstractRedisWebhookDeduplicationEndToEndTest;
import io.github.twilioauth.webhook.AbstractWebhookDeduplicationEndToEndTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * Spring MVC on Tomcat, deliveries recorded in a real Redis shared by the instances.
 */
@SpringBootTest(classes = { AbstractWebhookDeduplicationEndToEndTest.App.class,
        ServletWebhookDeduplicationEndToEndTest.SmsController.class }, webEnvironment = WebEnvironment.RANDOM_PORT)
class ServletRedisWebhookDeduplicationEndToEndTest extends AbstractRedisWebhookDeduplicationEndToEndTest {

}
