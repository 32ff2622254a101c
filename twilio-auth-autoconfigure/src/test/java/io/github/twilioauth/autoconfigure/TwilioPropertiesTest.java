package io.github.twilioauth.autoconfigure;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TwilioPropertiesTest {

    private static final String CLIENT_SECRET = "client-secret-props-Hv3k";

    private static final String AUTH_TOKEN = "auth-token-props-Pq7w";

    private static final String API_SECRET = "api-secret-props-Ln2x";

    private static ProviderConfig configuredAuth(ProviderConfig auth) {
        auth.setClientId("client-id-props");
        auth.setClientSecret(CLIENT_SECRET);
        auth.setAuthToken(AUTH_TOKEN);
        auth.setApiKey("SK-props");
        auth.setApiSecret(API_SECRET);
        return auth;
    }

    @Test
    void providerConfigToStringMasksClientSecretAuthTokenAndApiSecret() {
        ProviderConfig auth = configuredAuth(new ProviderConfig());

        assertThat(auth.toString()).doesNotContain(CLIENT_SECRET, AUTH_TOKEN, API_SECRET);
    }

    @Test
    void providerConfigToStringShowsTheNonSecretValues() {
        ProviderConfig auth = configuredAuth(new ProviderConfig());

        assertThat(auth.toString()).contains("client-id-props", "SK-props");
    }

    @Test
    void twilioPropertiesToStringMasksClientSecretAuthTokenAndApiSecret() {
        TwilioProperties properties = new TwilioProperties();
        properties.setAccountSid("AC-props");
        configuredAuth(properties.getAuth());

        assertThat(properties.toString()).contains("AC-props").doesNotContain(CLIENT_SECRET, AUTH_TOKEN, API_SECRET);
    }
}
