package io.github.twilioauth.samples.quickstart;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.twilioauth.test.MockTwilioServer;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class QuickstartApplicationTest {

    @Test
    void sendsAnSmsThroughTheLocalStandInWithOneTokenRequest(CapturedOutput output) {
        try (ConfigurableApplicationContext context = QuickstartApplication.run()) {
            MockTwilioServer server = context.getBean(MockTwilioServer.class);
            assertThat(server.messages()).singleElement().satisfies((message) -> {
                assertThat(message.to()).isEqualTo("+15558675310");
                assertThat(output).contains("Sent message " + message.sid());
            });
            assertThat(server.tokenRequestCount()).isEqualTo(1);
            assertThat(server.requests()).allSatisfy((request) -> assertThat(request.authScheme()).isEqualTo("Bearer"));
        }
        assertThat(output).contains("Fetched it back: status queued").contains("Token requests made: 1")
            .doesNotContain("quickstart-demo-secret");
    }
}
