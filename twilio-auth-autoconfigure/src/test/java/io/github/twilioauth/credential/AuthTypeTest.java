package io.github.twilioauth.credential;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AuthTypeTest {

    @ParameterizedTest
    @CsvSource({ "BASIC, basic", "CLIENT_CREDENTIALS, client-credentials", "ORGS, orgs", "NOAUTH, noauth" })
    void getValueIsThePropertyValue(AuthType type, String value) {
        assertThat(type.getValue()).isEqualTo(value);
    }

    @ParameterizedTest
    @CsvSource({ "BASIC, basic", "CLIENT_CREDENTIALS, client-credentials", "ORGS, orgs", "NOAUTH, noauth" })
    void toStringIsThePropertyValue(AuthType type, String value) {
        assertThat(type).hasToString(value);
    }

    @ParameterizedTest
    @CsvSource({ "basic, BASIC", "Client-Credentials, CLIENT_CREDENTIALS", "ORGS, ORGS", "NoAuth, NOAUTH" })
    void fromValueIgnoresCase(String value, AuthType type) {
        assertThat(AuthType.fromValue(value)).isEqualTo(type);
    }

    @Test
    void fromValueRejectsAnUnknownValueListingTheValidValues() {
        assertThatIllegalArgumentException().isThrownBy(() -> AuthType.fromValue("oauth"))
            .withMessageContaining("'oauth'")
            .withMessageContaining("basic, client-credentials, orgs, noauth");
    }

    @Test
    void fromValueRejectsNullListingTheValidValues() {
        assertThatIllegalArgumentException().isThrownBy(() -> AuthType.fromValue(null))
            .withMessageContaining("basic, client-credentials, orgs, noauth");
    }

    @Test
    void validValuesListsEveryPropertyValueInDeclarationOrder() {
        assertThat(AuthType.validValues()).isEqualTo("basic, client-credentials, orgs, noauth");
    }
}
