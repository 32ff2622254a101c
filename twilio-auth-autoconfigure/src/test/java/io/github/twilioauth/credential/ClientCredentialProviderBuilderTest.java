package io.github.twilioauth.credential;

import io.github.twilioauth.strategy.FakeTokenManager;
import io.github.twilioauth.strategy.TokenAuthStrategy;
import io.github.twilioauth.token.ApiTokenManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ClientCredentialProviderBuilderTest {

    private static final String CLIENT_ID = "OQ-client-id-cc-7f3a";

    private static final String CLIENT_SECRET = "client-secret-cc-Xy91-do-not-log";

    private ClientCredentialProvider build() {
        return new ClientCredentialProviderBuilder().setClientId(CLIENT_ID).setClientSecret(CLIENT_SECRET).build();
    }

    @Test
    void buildsProviderOfTypeClientCredentials() {
        assertThat(build().getAuthType()).isEqualTo(AuthType.CLIENT_CREDENTIALS);
    }

    @Test
    void getGrantTypeIsClientCredentials() {
        assertThat(build().getGrantType()).isEqualTo("client_credentials");
    }

    @Test
    void getClientIdReturnsTheClientId() {
        assertThat(build().getClientId()).isEqualTo(CLIENT_ID);
    }

    @Test
    void getClientSecretReturnsTheClientSecret() {
        assertThat(build().getClientSecret()).isEqualTo(CLIENT_SECRET);
    }

    @Test
    void defaultTokenManagerIsAnApiTokenManager() {
        assertThat(build().getTokenManager()).isInstanceOf(ApiTokenManager.class);
    }

    @Test
    void defaultTokenManagerUsesTheClientCredentials() {
        ApiTokenManager manager = (ApiTokenManager) build().getTokenManager();

        assertThat(manager.getOptions()).extracting("clientId", "clientSecret").containsExactly(CLIENT_ID, CLIENT_SECRET);
    }

    @Test
    void getTokenManagerReturnsTheGivenTokenManager() {
        FakeTokenManager manager = new FakeTokenManager("tok");

        ClientCredentialProvider provider = new ClientCredentialProviderBuilder().setClientId(CLIENT_ID)
            .setClientSecret(CLIENT_SECRET)
            .setTokenManager(manager)
            .build();

        assertThat(provider.getTokenManager()).isSameAs(manager);
    }

    @Test
    void clientIdAndSecretAreOptionalWithAGivenTokenManager() {
        FakeTokenManager manager = new FakeTokenManager("tok");

        ClientCredentialProvider provider = new ClientCredentialProviderBuilder().setTokenManager(manager).build();

        assertThat(provider.getTokenManager()).isSameAs(manager);
    }

    @Test
    void authStrategyTakesTokensFromTheTokenManager() {
        FakeTokenManager manager = new FakeTokenManager("tok-42");

        ClientCredentialProvider provider = new ClientCredentialProviderBuilder().setTokenManager(manager).build();

        assertThat(provider.toAuthStrategy()).isInstanceOfSatisfying(TokenAuthStrategy.class,
                (strategy) -> assertThat(strategy.getTokenManager()).isSameAs(manager));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { "   ", "\t" })
    void buildRejectsMissingOrBlankClientIdNamingTheField(String clientId) {
        ClientCredentialProviderBuilder builder = new ClientCredentialProviderBuilder().setClientId(clientId)
            .setClientSecret(CLIENT_SECRET);

        assertThatIllegalStateException().isThrownBy(builder::build)
            .withMessageContaining("clientId")
            .withMessageNotContaining(CLIENT_SECRET);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { "   ", "\t" })
    void buildRejectsMissingOrBlankClientSecretNamingTheField(String clientSecret) {
        ClientCredentialProviderBuilder builder = new ClientCredentialProviderBuilder().setClientId(CLIENT_ID)
            .setClientSecret(clientSecret);

        assertThatIllegalStateException().isThrownBy(builder::build)
            .withMessageContaining("clientSecret")
            .withMessageNotContaining(CLIENT_ID);
    }

    @Test
    void toAuthStrategyReturnsTheSameInstanceOnEveryCall() {
        ClientCredentialProvider provider = build();

        assertThat(provider.toAuthStrategy()).isSameAs(provider.toAuthStrategy());
    }

    @Test
    void toStringDoesNotContainTheClientSecret() {
        assertThat(build().toString()).contains(CLIENT_ID).doesNotContain(CLIENT_SECRET);
    }

    @Test
    void authStrategyToStringDoesNotContainTheClientSecret() {
        assertThat(build().toAuthStrategy().toString()).doesNotContain(CLIENT_SECRET);
    }
}
