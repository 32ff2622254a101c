package io.github.twilioauth.credential;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * What {@link BasicCredentialProviderBuilder} builds and what it rejects.
 */
class BasicCredentialProviderBuilderTest {

    private static final String ACCOUNT_SID = "AC-basic-username-4c1d";

    private static final String AUTH_TOKEN = "auth-token-basic-Zq81-do-not-log";

    private static BasicCredentialProvider build() {
        return new BasicCredentialProviderBuilder().setUsername(ACCOUNT_SID).setPassword(AUTH_TOKEN).build();
    }

    @Test
    void buildsProviderOfTypeBasic() {
        BasicCredentialProvider provider = build();

        assertThat(provider.getAuthType()).isEqualTo(AuthType.BASIC);
    }

    @Test
    void getUsernameReturnsTheUsername() {
        BasicCredentialProvider provider = build();

        assertThat(provider.getUsername()).isEqualTo(ACCOUNT_SID);
    }

    @Test
    void authStrategySendsBasicCredentialsOfUsernameAndPassword() {
        BasicCredentialProvider provider = new BasicCredentialProviderBuilder().setUsername("Aladdin")
            .setPassword("open sesame")
            .build();

        assertThat(provider.toAuthStrategy().authorizationHeader()).isEqualTo("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { "   ", "\t" })
    void buildRejectsMissingOrBlankUsernameNamingTheField(String username) {
        BasicCredentialProviderBuilder builder = new BasicCredentialProviderBuilder().setUsername(username)
            .setPassword(AUTH_TOKEN);

        assertThatIllegalStateException().isThrownBy(builder::build)
            .withMessageContaining("username")
            .withMessageNotContaining(AUTH_TOKEN);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { "   ", "\t" })
    void buildRejectsMissingOrBlankPasswordNamingTheField(String password) {
        BasicCredentialProviderBuilder builder = new BasicCredentialProviderBuilder().setUsername(ACCOUNT_SID)
            .setPassword(password);

        assertThatIllegalStateException().isThrownBy(builder::build)
            .withMessageContaining("password")
            .withMessageNotContaining(ACCOUNT_SID);
    }

    @Test
    void buildRejectsMissingUsernameSayingItIsNotSet() {
        BasicCredentialProviderBuilder builder = new BasicCredentialProviderBuilder().setPassword(AUTH_TOKEN);

        assertThatIllegalStateException().isThrownBy(builder::build).withMessageContaining("not set");
    }

    @Test
    void buildRejectsBlankPasswordSayingItIsBlank() {
        BasicCredentialProviderBuilder builder = new BasicCredentialProviderBuilder().setUsername(ACCOUNT_SID)
            .setPassword("  ");

        assertThatIllegalStateException().isThrownBy(builder::build).withMessageContaining("blank");
    }

    @Test
    void toAuthStrategyReturnsTheSameInstanceOnEveryCall() {
        BasicCredentialProvider provider = build();

        assertThat(provider.toAuthStrategy()).isSameAs(provider.toAuthStrategy());
    }

    @Test
    void toStringDoesNotContainThePassword() {
        BasicCredentialProvider provider = build();

        assertThat(provider.toString()).contains(ACCOUNT_SID).doesNotContain(AUTH_TOKEN);
    }

    @Test
    void authStrategyToStringDoesNotContainThePassword() {
        BasicCredentialProvider provider = build();

        assertThat(provider.toAuthStrategy().toString()).doesNotContain(AUTH_TOKEN);
    }
}
