package io.github.twilioauth.strategy;

import io.github.twilioauth.TwilioAuthenticationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class TokenAuthStrategyTest {

    @Test
    void authorizationHeaderIsBearerFollowedByToken() {
        TokenAuthStrategy strategy = new TokenAuthStrategy(new FakeTokenManager("tok-1"));

        assertThat(strategy.authorizationHeader()).isEqualTo("Bearer tok-1");
    }

    @Test
    void authorizationHeaderAsksTheManagerForTheTokenOnEveryCall() {
        FakeTokenManager manager = new FakeTokenManager("tok-1");
        TokenAuthStrategy strategy = new TokenAuthStrategy(manager);

        strategy.authorizationHeader();
        strategy.authorizationHeader();

        assertThat(manager.getTokenCalls()).isEqualTo(2);
    }

    @Test
    void returnsTheSameHeaderInstanceWhileTheTokenIsUnchanged() {
        TokenAuthStrategy strategy = new TokenAuthStrategy(new FakeTokenManager("tok-1"));

        String first = strategy.authorizationHeader();

        assertThat(strategy.authorizationHeader()).isSameAs(first);
    }

    @Test
    void returnsTheSameHeaderInstanceForAnEqualTokenOfAnotherInstance() {
        FakeTokenManager manager = new FakeTokenManager(new String("tok-1"));
        TokenAuthStrategy strategy = new TokenAuthStrategy(manager);
        String first = strategy.authorizationHeader();

        manager.setToken(new String("tok-1"));

        assertThat(strategy.authorizationHeader()).isSameAs(first);
    }

    @Test
    void returnsANewHeaderWhenTheTokenChanges() {
        FakeTokenManager manager = new FakeTokenManager("tok-1");
        TokenAuthStrategy strategy = new TokenAuthStrategy(manager);
        strategy.authorizationHeader();

        manager.setToken("tok-2");

        assertThat(strategy.authorizationHeader()).isEqualTo("Bearer tok-2");
    }

    @Test
    void applyAddsTheBearerHeader() {
        TokenAuthStrategy strategy = new TokenAuthStrategy(new FakeTokenManager("tok-1"));

        RequestConfig authenticated = strategy.apply(RequestConfig.of("GET", "https://api.twilio.com/x"));

        assertThat(authenticated.headers()).containsEntry("Authorization", "Bearer tok-1");
    }

    @Test
    void renewAfterRejectionRefreshesTheRejectedTokenWithoutBearerPrefix() {
        FakeTokenManager manager = new FakeTokenManager("x");
        TokenAuthStrategy strategy = new TokenAuthStrategy(manager);

        strategy.renewAfterRejection("Bearer x");

        assertThat(manager.rejectedTokens()).containsExactly("x");
    }

    @Test
    void renewAfterRejectionReturnsTheHeaderOfTheTokenTheManagerGaveInsteadSoTheRequestIsRetriedWithIt() {
        FakeTokenManager manager = new FakeTokenManager("x");
        manager.setToken("y");
        TokenAuthStrategy strategy = new TokenAuthStrategy(manager);

        assertThat(strategy.renewAfterRejection("Bearer x")).isEqualTo("Bearer y");
        assertThat(manager.getTokenCalls()).isZero();
    }

    @Test
    void renewAfterRejectionReturnsNothingWhenTheManagerKeptTheRejectedTokenSoTheRequestIsNotRetried() {
        TokenAuthStrategy strategy = new TokenAuthStrategy(new FakeTokenManager("x"));

        assertThat(strategy.renewAfterRejection("Bearer x")).isNull();
    }

    @ParameterizedTest
    @NullAndEmptySource
    void authorizationHeaderFailsWithAuthenticationExceptionWhenTheManagerReturnsNoToken(String token) {
        TokenAuthStrategy strategy = new TokenAuthStrategy(new FakeTokenManager(token));

        assertThatExceptionOfType(TwilioAuthenticationException.class).isThrownBy(strategy::authorizationHeader)
            .withMessageContaining("returned no token");
    }

    @Test
    void constructorRejectsNullTokenManager() {
        assertThatNullPointerException().isThrownBy(() -> new TokenAuthStrategy(null))
            .withMessageContaining("tokenManager");
    }

    @Test
    void getTokenManagerReturnsTheGivenManager() {
        FakeTokenManager manager = new FakeTokenManager("tok-1");

        assertThat(new TokenAuthStrategy(manager).getTokenManager()).isSameAs(manager);
    }

    @Test
    void toStringDoesNotContainTheToken() {
        TokenAuthStrategy strategy = new TokenAuthStrategy(new FakeTokenManager("tok-secret-81fz"));
        strategy.authorizationHeader();

        assertThat(strategy.toString()).doesNotContain("tok-secret-81fz");
    }
}
