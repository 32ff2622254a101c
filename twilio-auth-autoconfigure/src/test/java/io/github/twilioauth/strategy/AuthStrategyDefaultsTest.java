package io.github.twilioauth.strategy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuthStrategyDefaultsTest {

    @Test
    void defaultAuthorizationHeaderIsTheOneApplyAdds() {
        AuthStrategy strategy = (request) -> request.withHeader("Authorization", "Custom abc");

        assertThat(strategy.authorizationHeader()).isEqualTo("Custom abc");
    }

    @Test
    void defaultAuthorizationHeaderFindsTheHeaderWhateverTheCaseOfItsName() {
        AuthStrategy strategy = (request) -> request.withHeader("authorization", "Custom abc");

        assertThat(strategy.authorizationHeader()).isEqualTo("Custom abc");
    }

    @Test
    void defaultAuthorizationHeaderIsNullWhenApplyAddsNone() {
        AuthStrategy strategy = (request) -> request.withHeader("X-Other", "value");

        assertThat(strategy.authorizationHeader()).isNull();
    }

    @Test
    void defaultRenewAfterRejectionGivesNoValueToRetryWith() {
        AuthStrategy strategy = (request) -> request.withHeader("Authorization", "Custom abc");

        assertThat(strategy.renewAfterRejection("Custom abc")).isNull();
    }
}
