package io.github.twilioauth.samples.webhooks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.twilioauth.test.MockTwilioServer;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code mvn -pl samples/webhooks -am compile spring-boot:run} shows, offline.
 */
@ExtendWith(OutputCaptureExtension.class)
class WebhookDemoTest {

    @Test
    void showsSignedCallbacksAcceptedAndAForgedOneRefused(CapturedOutput output) {
        try (ConfigurableApplicationContext context = WebhooksApplication.run()) {
            assertThat(context.getBean(MockTwilioServer.class).statusCallbacks()).hasSize(3);
        }
        assertThat(output).contains("Signed status callback 'queued': answered 200",
                "Signed status callback 'sent': answered 200", "Signed status callback 'delivered': answered 200",
                ": queued, sent, delivered", "Forged status callback: answered 403",
                "Signed inbound SMS: answered 200 with TwiML")
            .doesNotContain("webhooks-demo-auth-token");
    }
}
