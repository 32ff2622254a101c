package io.github.twilioauth.credential;

import java.lang.reflect.Modifier;

import io.github.twilioauth.strategy.NoAuthStrategy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NoAuthCredentialProviderTest {

    @Test
    void hasAPublicNoArgConstructor() throws NoSuchMethodException {
        assertThat(Modifier.isPublic(NoAuthCredentialProvider.class.getConstructor().getModifiers())).isTrue();
    }

    @Test
    void authTypeIsNoAuth() {
        assertThat(new NoAuthCredentialProvider().getAuthType()).isEqualTo(AuthType.NOAUTH);
    }

    @Test
    void authStrategyIsNoAuthStrategy() {
        assertThat(new NoAuthCredentialProvider().toAuthStrategy()).isInstanceOf(NoAuthStrategy.class);
    }

    @Test
    void toAuthStrategyReturnsTheSameInstanceOnEveryCall() {
        NoAuthCredentialProvider provider = new NoAuthCredentialProvider();

        assertThat(provider.toAuthStrategy()).isSameAs(provider.toAuthStrategy());
    }
}
