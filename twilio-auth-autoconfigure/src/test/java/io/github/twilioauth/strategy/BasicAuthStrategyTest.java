package io.github.twilioauth.strategy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class BasicAuthStrategyTest {

    private static final String PASSWORD = "pw-basic-7Qz9-never-shown";

    @Test
    void authorizationHeaderIsBasicWithBase64OfUsernameColonPassword() {
        // RFC 7617, section 2
        BasicAuthStrategy strategy = new BasicAuthStrategy("Aladdin", "open sesame");

        assertThat(strategy.authorizationHeader()).isEqualTo("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
    }

    @Test
    void authorizationHeaderEncodesCredentialsAsUtf8() {
        // RFC 7617, section 2.1: "test:123£" in UTF-8
        BasicAuthStrategy strategy = new BasicAuthStrategy("test", "123\u00a3");

        assertThat(strategy.authorizationHeader()).isEqualTo("Basic dGVzdDoxMjPCow==");
    }

    @Test
    void applyAddsAuthorizationHeaderAndKeepsOtherHeaders() {
        BasicAuthStrategy strategy = new BasicAuthStrategy("Aladdin", "open sesame");
        RequestConfig request = new RequestConfig("POST", "https://api.twilio.com/x",
                Map.of("Accept", "application/json"), null, null);

        RequestConfig authenticated = strategy.apply(request);

        assertThat(authenticated.headers()).containsOnly(entry("Accept", "application/json"),
                entry("Authorization", "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="));
    }

    @Test
    void applyLeavesTheGivenRequestUnchanged() {
        BasicAuthStrategy strategy = new BasicAuthStrategy("Aladdin", "open sesame");
        RequestConfig request = RequestConfig.of("GET", "https://api.twilio.com/x");

        strategy.apply(request);

        assertThat(request.headers()).isEmpty();
    }

    @Test
    void toStringShowsUsernameButMasksPassword() {
        BasicAuthStrategy strategy = new BasicAuthStrategy("AC123", PASSWORD);

        assertThat(strategy.toString()).contains("AC123").doesNotContain(PASSWORD);
    }

    @Test
    void toStringDoesNotContainTheEncodedHeader() {
        BasicAuthStrategy strategy = new BasicAuthStrategy("AC123", PASSWORD);

        assertThat(strategy.toString()).doesNotContain(strategy.authorizationHeader().substring("Basic ".length()));
    }
}
