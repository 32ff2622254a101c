package io.github.twilioauth.strategy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;

class RequestConfigTest {

    @Test
    void withHeaderReturnsACopyWithTheHeader() {
        RequestConfig request = RequestConfig.of("GET", "https://api.twilio.com/x");

        assertThat(request.withHeader("Accept", "text/plain").headers()).containsOnly(entry("Accept", "text/plain"));
    }

    @Test
    void withHeaderLeavesTheOriginalUnchanged() {
        RequestConfig request = RequestConfig.of("GET", "https://api.twilio.com/x");

        request.withHeader("Accept", "text/plain");

        assertThat(request.headers()).isEmpty();
    }

    @Test
    void withHeaderKeepsMethodUrlDataAndTimeout() {
        Object data = Map.of("To", "+15551234567");
        RequestConfig request = new RequestConfig("POST", "https://api.twilio.com/x", null, data,
                Duration.ofSeconds(3));

        RequestConfig copy = request.withHeader("Accept", "text/plain");

        assertThat(copy).extracting(RequestConfig::method, RequestConfig::url, RequestConfig::data,
                RequestConfig::timeout)
            .containsExactly("POST", "https://api.twilio.com/x", data, Duration.ofSeconds(3));
    }

    @Test
    void withHeaderReplacesAnExistingValue() {
        RequestConfig request = RequestConfig.of("GET", "https://api.twilio.com/x").withHeader("Accept", "text/plain");

        assertThat(request.withHeader("Accept", "application/json").headers())
            .containsOnly(entry("Accept", "application/json"));
    }

    @Test
    void nullHeadersBecomeAnEmptyMap() {
        RequestConfig request = new RequestConfig("GET", "https://api.twilio.com/x", null, null, null);

        assertThat(request.headers()).isNotNull().isEmpty();
    }

    @Test
    void laterChangesToTheGivenHeaderMapDoNotAffectTheRequest() {
        Map<String, String> headers = new HashMap<>();
        headers.put("Accept", "text/plain");
        RequestConfig request = new RequestConfig("GET", "https://api.twilio.com/x", headers, null, null);

        headers.put("Authorization", "Basic abc");

        assertThat(request.headers()).containsOnly(entry("Accept", "text/plain"));
    }

    @Test
    void headersCannotBeModified() {
        RequestConfig request = RequestConfig.of("GET", "https://api.twilio.com/x").withHeader("Accept", "text/plain");

        assertThatExceptionOfType(UnsupportedOperationException.class)
            .isThrownBy(() -> request.headers().put("Authorization", "Basic abc"));
    }

    @Test
    void toStringMasksTheAuthorizationValue() {
        RequestConfig request = RequestConfig.of("GET", "https://api.twilio.com/x")
            .withHeader("Authorization", "Bearer secret-token-5kq2");

        assertThat(request.toString()).contains("Authorization=******").doesNotContain("secret-token-5kq2");
    }

    @Test
    void toStringMasksTheAuthorizationValueWhateverTheCaseOfItsName() {
        RequestConfig request = RequestConfig.of("GET", "https://api.twilio.com/x")
            .withHeader("authorization", "Bearer secret-token-5kq2");

        assertThat(request.toString()).doesNotContain("secret-token-5kq2");
    }

    @Test
    void toStringShowsOtherHeaderValues() {
        RequestConfig request = RequestConfig.of("GET", "https://api.twilio.com/x").withHeader("Accept", "text/plain");

        assertThat(request.toString()).contains("Accept=text/plain");
    }

    @Test
    void toStringDoesNotShowTheData() {
        RequestConfig request = new RequestConfig("POST", "https://api.twilio.com/x", null,
                Map.of("Body", "private-body-3nd8"), null);

        assertThat(request.toString()).doesNotContain("private-body-3nd8");
    }
}
