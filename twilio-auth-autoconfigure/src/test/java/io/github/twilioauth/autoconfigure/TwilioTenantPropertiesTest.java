package io.github.twilioauth.autoconfigure;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.twilioauth.credential.AuthType;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class TwilioTenantPropertiesTest {

    private static TwilioProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("twilio",
                Bindable.of(TwilioProperties.class));
    }

    @Test
    void tenantTakesTheKeysOfTheSingleConfiguration() {
        TwilioProperties properties = bind(Map.of("twilio.tenants.eu.account-sid", "AC-eu", "twilio.tenants.eu.region",
                "ie1", "twilio.tenants.eu.edge", "dublin", "twilio.tenants.eu.base-url", "https://proxy.example.com",
                "twilio.tenants.eu.auth.type", "client-credentials", "twilio.tenants.eu.auth.client-id", "OQ-eu",
                "twilio.tenants.eu.auth.retry.timeout", "3s"));

        assertThat(properties.getTenants()).containsOnlyKeys("eu");
        TwilioClientProperties tenant = properties.getTenants().get("eu");
        assertThat(tenant.getAccountSid()).isEqualTo("AC-eu");
        assertThat(tenant.getRegion()).isEqualTo("ie1");
        assertThat(tenant.getEdge()).isEqualTo("dublin");
        assertThat(tenant.getBaseUrl()).isEqualTo("https://proxy.example.com");
        assertThat(tenant.getAuth().getType()).isEqualTo(AuthType.CLIENT_CREDENTIALS);
        assertThat(tenant.getAuth().getClientId()).isEqualTo("OQ-eu");
        assertThat(tenant.getAuth().getRetry().getTimeout()).hasSeconds(3);
    }

    @Test
    void tenantToStringMasksSecrets() {
        TwilioClientProperties tenant = new TwilioClientProperties();
        tenant.setAccountSid("AC-tenant");
        tenant.getAuth().setClientSecret("tenant-client-secret-Zr4q");
        tenant.getAuth().setAuthToken("tenant-auth-token-Mc8d");
        tenant.getAuth().setApiSecret("tenant-api-secret-Wt1b");

        assertThat(tenant.toString()).contains("AC-tenant")
            .doesNotContain("tenant-client-secret-Zr4q", "tenant-auth-token-Mc8d", "tenant-api-secret-Wt1b");
    }

    @Test
    void propertiesToStringMasksTheSecretsOfTenants() {
        TwilioProperties properties = bind(Map.of("twilio.tenants.acme.auth.auth-token", "acme-auth-token-Qe5n"));

        assertThat(properties.toString()).contains("acme").doesNotContain("acme-auth-token-Qe5n");
    }
}
