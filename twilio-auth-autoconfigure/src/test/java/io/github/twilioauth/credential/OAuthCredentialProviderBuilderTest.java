package io.github.twilioauth.credential;

import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.github.twilioauth.strategy.FakeTokenManager;
import io.github.twilioauth.strategy.TokenAuthStrategy;
import io.github.twilioauth.token.ApiTokenManager;
import io.github.twilioauth.token.CachingTokenManager;
import io.github.twilioauth.token.OrgsTokenManager;
import io.github.twilioauth.token.TokenManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Both OAuth provider builders, {@link ClientCredentialProviderBuilder} and
 * {@link OrgsCredentialProviderBuilder}: what they build, which token manager they default to,
 * and what they reject.
 */
class OAuthCredentialProviderBuilderTest {

    private static final String CLIENT_ID = "OQ-client-id-7f3a";

    private static final String CLIENT_SECRET = "client-secret-Xy91-do-not-log";

    /**
     * One of the builders, with the provider and default token manager it builds.
     */
    record OAuthBuilder(String name, Supplier<OAuthCredentialProviderBuilder<?, ?>> builder, AuthType authType,
            Class<? extends OAuthCredentialProvider> providerType,
            Class<? extends CachingTokenManager> defaultTokenManagerType) {

        OAuthCredentialProvider build() {
            return this.builder.get().setClientId(CLIENT_ID).setClientSecret(CLIENT_SECRET).build();
        }

        OAuthCredentialProvider buildWith(TokenManager tokenManager) {
            return this.builder.get().setTokenManager(tokenManager).build();
        }

        @Override
        public String toString() {
            return this.name;
        }
    }

    static Stream<OAuthBuilder> builders() {
        return Stream.of(
                new OAuthBuilder("client credentials", ClientCredentialProviderBuilder::new, AuthType.CLIENT_CREDENTIALS,
                        ClientCredentialProvider.class, ApiTokenManager.class),
                new OAuthBuilder("organizations", OrgsCredentialProviderBuilder::new, AuthType.ORGS,
                        OrgsCredentialProvider.class, OrgsTokenManager.class));
    }

    /** Each builder with each missing or blank value. */
    static Stream<Arguments> buildersAndBlanks() {
        return builders().flatMap((builder) -> Stream.of(null, "", "   ", "\t")
            .map((blank) -> arguments(builder, blank)));
    }

    @ParameterizedTest
    @MethodSource("builders")
    void buildsProviderOfItsAuthType(OAuthBuilder oauth) {
        assertThat(oauth.build()).isInstanceOf(oauth.providerType())
            .satisfies((provider) -> assertThat(provider.getAuthType()).isEqualTo(oauth.authType()));
    }

    @ParameterizedTest
    @MethodSource("builders")
    void getGrantTypeIsClientCredentials(OAuthBuilder oauth) {
        assertThat(oauth.build().getGrantType()).isEqualTo("client_credentials");
    }

    @ParameterizedTest
    @MethodSource("builders")
    void getClientIdReturnsTheClientId(OAuthBuilder oauth) {
        assertThat(oauth.build().getClientId()).isEqualTo(CLIENT_ID);
    }

    @ParameterizedTest
    @MethodSource("builders")
    void getClientSecretReturnsTheClientSecret(OAuthBuilder oauth) {
        assertThat(oauth.build().getClientSecret()).isEqualTo(CLIENT_SECRET);
    }

    @ParameterizedTest
    @MethodSource("builders")
    void defaultTokenManagerIsTheOneOfTheAuthType(OAuthBuilder oauth) {
        assertThat(oauth.build().getTokenManager()).isInstanceOf(oauth.defaultTokenManagerType());
    }

    @ParameterizedTest
    @MethodSource("builders")
    void defaultTokenManagerUsesTheClientCredentials(OAuthBuilder oauth) {
        CachingTokenManager manager = (CachingTokenManager) oauth.build().getTokenManager();

        assertThat(manager.getOptions()).extracting("clientId", "clientSecret").containsExactly(CLIENT_ID, CLIENT_SECRET);
    }

    @ParameterizedTest
    @MethodSource("builders")
    void getTokenManagerReturnsTheGivenTokenManager(OAuthBuilder oauth) {
        FakeTokenManager manager = new FakeTokenManager("tok");

        OAuthCredentialProvider provider = oauth.builder()
            .get()
            .setClientId(CLIENT_ID)
            .setClientSecret(CLIENT_SECRET)
            .setTokenManager(manager)
            .build();

        assertThat(provider.getTokenManager()).isSameAs(manager);
    }

    @ParameterizedTest
    @MethodSource("builders")
    void clientIdAndSecretAreOptionalWithAGivenTokenManager(OAuthBuilder oauth) {
        FakeTokenManager manager = new FakeTokenManager("tok");

        assertThat(oauth.buildWith(manager).getTokenManager()).isSameAs(manager);
    }

    @ParameterizedTest
    @MethodSource("builders")
    void authStrategyTakesTokensFromTheTokenManager(OAuthBuilder oauth) {
        FakeTokenManager manager = new FakeTokenManager("tok-42");

        assertThat(oauth.buildWith(manager).toAuthStrategy()).isInstanceOfSatisfying(TokenAuthStrategy.class,
                (strategy) -> assertThat(strategy.getTokenManager()).isSameAs(manager));
    }

    @ParameterizedTest
    @MethodSource("buildersAndBlanks")
    void buildRejectsMissingOrBlankClientIdNamingTheField(OAuthBuilder oauth, String clientId) {
        OAuthCredentialProviderBuilder<?, ?> builder = oauth.builder().get().setClientId(clientId)
            .setClientSecret(CLIENT_SECRET);

        assertThatIllegalStateException().isThrownBy(builder::build)
            .withMessageContaining("clientId")
            .withMessageNotContaining(CLIENT_SECRET);
    }

    @ParameterizedTest
    @MethodSource("buildersAndBlanks")
    void buildRejectsMissingOrBlankClientSecretNamingTheField(OAuthBuilder oauth, String clientSecret) {
        OAuthCredentialProviderBuilder<?, ?> builder = oauth.builder().get().setClientId(CLIENT_ID)
            .setClientSecret(clientSecret);

        assertThatIllegalStateException().isThrownBy(builder::build)
            .withMessageContaining("clientSecret")
            .withMessageNotContaining(CLIENT_ID);
    }

    @ParameterizedTest
    @MethodSource("builders")
    void toAuthStrategyReturnsTheSameInstanceOnEveryCall(OAuthBuilder oauth) {
        OAuthCredentialProvider provider = oauth.build();

        assertThat(provider.toAuthStrategy()).isSameAs(provider.toAuthStrategy());
    }

    @ParameterizedTest
    @MethodSource("builders")
    void toStringDoesNotContainTheClientSecret(OAuthBuilder oauth) {
        assertThat(oauth.build().toString()).contains(CLIENT_ID).doesNotContain(CLIENT_SECRET);
    }

    @ParameterizedTest
    @MethodSource("builders")
    void authStrategyToStringDoesNotContainTheClientSecret(OAuthBuilder oauth) {
        assertThat(oauth.build().toAuthStrategy().toString()).doesNotContain(CLIENT_SECRET);
    }
}
