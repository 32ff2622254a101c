package io.github.twilioauth.strategy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class NoAuthStrategyTest {

    private final NoAuthStrategy strategy = new NoAuthStrategy();

    @Test
    void applyReturnsRequestWithoutAuthorizationKey() {
        RequestConfig authenticated = this.strategy.apply(RequestConfig.of("GET", "https://api.twilio.com/x"));

        assertThat(authenticated.headers()).doesNotContainKey("Authorization");
    }

    @Test
    void applyKeepsOtherHeaders() {
        RequestConfig request = new RequestConfig("GET", "https://api.twilio.com/x", Map.of("Accept", "text/plain"),
                null, null);

        assertThat(this.strategy.apply(request).headers()).containsOnly(entry("Accept", "text/plain"));
    }

    @Test
    void authorizationHeaderIsNull() {
        assertThat(this.strategy.authorizationHeader()).isNull();
    }

    @Test
    void renewAfterRejectionGivesNoValueToRetryWith() {
        assertThat(this.strategy.renewAfterRejection("anything")).isNull();
    }
}
