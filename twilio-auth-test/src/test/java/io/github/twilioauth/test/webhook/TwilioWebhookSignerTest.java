package io.github.twilioauth.test.webhook;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test signer against the vectors of Twilio's own SDK tests (twilio-java
 * {@code RequestValidatorTest}).
 */
class TwilioWebhookSignerTest {

    @Test
    void signsAsTwilioDocuments() {
        Map<String, List<String>> form = Map.of("Digits", List.of("1234"), "CallSid", List.of("CA1234567890ABCDE"), "To",
                List.of("+18005551212"), "Caller", List.of("+14158675309"), "From", List.of("+14158675309"));
        assertThat(TwilioWebhookSigner.signature("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", form))
            .isEqualTo("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
    }

    @Test
    void declaresAJsonBodyInTheUrlAndSignsTheUrlAlone() {
        byte[] body = "{\"property\": \"value\", \"boolean\": true}".getBytes(StandardCharsets.UTF_8);
        String url = TwilioWebhookSigner.withBodySha256("https://mycompany.com/myapp.php?foo=1&bar=2", body);
        assertThat(url).endsWith("&bodySHA256=0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620");
        assertThat(TwilioWebhookSigner.signature("12345", url, Map.of())).isEqualTo("a9nBmqA0ju/hNViExpshrM61xv4=");
    }

    @Test
    void encodesAFormBodyKeepingRepeatedNamesInOrder() {
        assertThat(TwilioWebhookSigner.formBody(Map.of("MediaUrl", List.of("https://b/2", "https://a/1"))))
            .isEqualTo("MediaUrl=https%3A%2F%2Fb%2F2&MediaUrl=https%3A%2F%2Fa%2F1");
    }
}
