package io.github.twilioauth.webhook;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The signature algorithm against the vectors of Twilio's own SDK tests (twilio-java
 * {@code RequestValidatorTest}): Auth Token {@code 12345}, a voice webhook's parameters.
 */
class TwilioSignatureTest {

    static final String AUTH_TOKEN = "12345";

    static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";

    static final Map<String, List<String>> PARAMETERS = Map.of("Digits", List.of("1234"), "CallSid",
            List.of("CA1234567890ABCDE"), "To", List.of("+18005551212"), "Caller", List.of("+14158675309"), "From",
            List.of("+14158675309"));

    static final String SIGNATURE = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";

    static final String JSON = "{\"property\": \"value\", \"boolean\": true}";

    static final String JSON_SHA256 = "0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620";

    static final String JSON_SIGNATURE = "a9nBmqA0ju/hNViExpshrM61xv4=";

    @Test
    void signsUrlAndSortedParametersAsTwilioDoes() {
        assertThat(TwilioSignature.compute(AUTH_TOKEN, URL, PARAMETERS)).isEqualTo(SIGNATURE);
    }

    @Test
    void signsTheUrlWithDefaultPortAsADifferentString() {
        assertThat(TwilioSignature.compute(AUTH_TOKEN, "https://mycompany.com:443/myapp.php?foo=1&bar=2", PARAMETERS))
            .isEqualTo("kvajT1Ptam85bY51eRf/AJRuM3w=");
        assertThat(TwilioSignature.compute(AUTH_TOKEN, "http://mycompany.com:80/myapp.php?foo=1&bar=2", PARAMETERS))
            .isEqualTo("0ZXoZLH/DfblKGATFgpif+LLRf4=");
    }

    @Test
    void hashesABodyAsTwilioDeclaresItInBodySha256() {
        assertThat(TwilioSignature.bodySha256(JSON.getBytes(StandardCharsets.UTF_8))).isEqualTo(JSON_SHA256);
    }

    @Test
    void signsAJsonRequestByItsUrlAlone() {
        assertThat(TwilioSignature.compute(AUTH_TOKEN, URL + "&bodySHA256=" + JSON_SHA256, Map.of()))
            .isEqualTo(JSON_SIGNATURE);
    }

    @Test
    void comparesEqualAndDifferentStrings() {
        assertThat(TwilioSignature.constantTimeEquals(SIGNATURE, "RSOYDt4T1cUTdK1PDd93/VVr8B8=")).isTrue();
        assertThat(TwilioSignature.constantTimeEquals(SIGNATURE, "RSOYDt4T1cUTdK1PDd93/VVr8B9=")).isFalse();
        assertThat(TwilioSignature.constantTimeEquals(SIGNATURE, "")).isFalse();
    }
}
