package io.github.twilioauth.samples.sdk;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.twilioauth.test.MockTwilioServer;
import io.github.twilioauth.test.RecordedRequest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

@ExtendWith(OutputCaptureExtension.class)
class SdkApplicationTest {

    static final String MESSAGES = "/2010-04-01/Accounts/AC00000000000000000000000000000015/Messages";

    @Test
    void sendsAndReadsMessagesThroughTheSdkWithOneTokenRequest(CapturedOutput output) {
        try (ConfigurableApplicationContext context = SdkApplication.run()) {
            MockTwilioServer server = context.getBean(MockTwilioServer.class);
            assertThat(server.messages()).hasSize(3)
                .allSatisfy((message) -> assertThat(output).contains("Sent " + message.sid()));
            assertThat(server.requests()).extracting(RecordedRequest::method, RecordedRequest::path)
                .containsExactly(tuple("POST", MESSAGES + ".json"),
                        tuple("POST", MESSAGES + ".json"),
                        tuple("POST", MESSAGES + ".json"),
                        tuple("GET", MESSAGES + ".json"),
                        tuple("GET", MESSAGES + ".json"),
                        tuple("GET", MESSAGES + "/SM" + "0".repeat(32) + ".json"));
            assertThat(server.requests()).allSatisfy((request) -> {
                assertThat(request.authScheme()).isEqualTo("Bearer");
                assertThat(request.forwardedHost()).isEqualTo("api.twilio.com");
            });
            assertThat(server.tokenRequestCount()).isEqualTo(1);
        }
        assertThat(output).contains("Read 3 messages, 2 a page")
            .contains("Fetching an unknown message: ApiException 404, Twilio error 20404")
            .contains("Requests to the API: 6, token requests: 1, each API request with a Bearer token: true")
            .doesNotContain("sdk-sample-demo-secret");
    }
}
