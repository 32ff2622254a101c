package io.github.twilioauth.credential;

import io.github.twilioauth.strategy.FakeTokenManager;
import io.github.twilioauth.strategy.TokenAuthStrategy;
import io.github.twilioauth.token.OrgsTokenManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class OrgsCredentialProviderBuilderTest {

    private static final String CLIENT_ID = "OQ-client-id-orgs-7f3a";

    private static final String CLIENT_SECRET = "client-secret-orgs-Xy91-do-not-log";

    private OrgsCredentialProvider build() {
        return new OrgsCredentialProviderBuilder().setClientId(CLIENT_ID).setClientSecret(CLIENT_SECRET).build();
    }

    @Test
    void buildsProviderOfTypeOrgs() {
        assertThat(build().getAuthType()).isEqualTo(AuthType.ORGS);
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
    void defaultTokenManagerIsAnOrgsTokenManager() {
        assertThat(build().getTokenManager()).isInstanceOf(OrgsTokenManager.class);
    }

    @Test
    void defaultTokenManagerUsesTheClientCredentials() {
        OrgsTokenManager manager = (OrgsTokenManager) build().getTokenManager();

        assertThat(manager.getOptions()).extracting("clientId", "clientSecret").containsExactly(CLIENT_ID, CLIENT_SECRET);
    }

    @Test
    void getTokenManagerReturnsTheGivenTokenManager() {
        FakeTokenManager manager = new FakeTokenManager("tok");

        OrgsCredentialProvider provider = new OrgsCredentialProviderBuilder().setClientId(CLIENT_ID)
            .setClientSecret(CLIENT_SECRET)
            .setTokenManager(manager)
            .build();

        assertThat(provider.getTokenManager()).isSameAs(manager);
    }

    @Test
    void clientIdAndSecretAreOptionalWithAGivenTokenManager() {
        FakeTokenManager manager = new FakeTokenManager("tok");

        OrgsCredentialProvider provider = new OrgsCredentialProviderBuilder().setTokenManager(manager).build();

        assertThat(provider.getTokenManager()).isSameAs(manager);
    }

    @Test
    void authStrategyTakesTokensFromTheTokenManager() {
        FakeTokenManager manager = new FakeTokenManager("tok-42");

        OrgsCredentialProvider provider = new OrgsCredentialProviderBuilder().setTokenManager(manager).build();

        assertThat(provider.toAuthStrategy()).isInstanceOfSatisfying(TokenAuthStrategy.class,
                (strategy) -> assertThat(strategy.getTokenManager()).isSameAs(manager));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { "   ", "\t" })
    void buildRejectsMissingOrBlankClientIdNamingTheField(String clientId) {
        OrgsCredentialProviderBuilder builder = new OrgsCredentialProviderBuilder().setClientId(clientId)
            .setClientSecret(CLIENT_SECRET);

        assertThatIllegalStateException().isThrownBy(builder::build)
            .withMessageContaining("clientId")
            .withMessageNotContaining(CLIENT_SECRET);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { "   ", "\t" })
    void buildRejectsMissingOrBlankClientSecretNamingTheField(String clientSecret) {
        OrgsCredentialProviderBuilder builder = new OrgsCredentialProviderBuilder().setClientId(CLIENT_ID)
            .setClientSecret(clientSecret);

        assertThatIllegalStateException().isThrownBy(builder::build)
            .withMessageContaining("clientSecret")
            .withMessageNotContaining(CLIENT_ID);
    }

    @Test
    void toAuthStrategyReturnsTheSameInstanceOnEveryCall() {
        OrgsCredentialProvider provider = build();

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
