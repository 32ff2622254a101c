package io.github.twilioauth.samples.multitenant;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.twilioauth.autoconfigure.TwilioProperties;
import io.github.twilioauth.client.TwilioClient;
import io.github.twilioauth.credential.BasicCredentialProviderBuilder;
import io.github.twilioauth.credential.ClientCredentialProviderBuilder;
import io.github.twilioauth.credential.CredentialProvider;
import io.github.twilioauth.token.ApiTokenManager;
import io.github.twilioauth.token.TokenManagerOptions;
import org.springframework.stereotype.Component;

/**
 * One {@link TwilioClient} per tenant, built once at startup.
 */
@Component
class TenantClients {

    private final Map<String, TwilioClient> clients = new LinkedHashMap<>();

    TenantClients(TwilioClient twilio, TwilioProperties twilioProperties, TenantProperties tenants) {
        tenants.tenants().forEach((name, tenant) -> this.clients.put(name,
                twilio.withCredentialProvider(credentials(tenant, twilioProperties), tenant.accountSid())));
    }

    private static CredentialProvider credentials(TenantProperties.Tenant tenant, TwilioProperties twilio) {
        if (tenant.authToken() != null) {
            return new BasicCredentialProviderBuilder().setUsername(tenant.accountSid())
                .setPassword(tenant.authToken())
                .build();
        }
        return new ClientCredentialProviderBuilder().setTokenManager(new ApiTokenManager(TokenManagerOptions.builder()
            .clientId(tenant.clientId())
            .clientSecret(tenant.clientSecret())
            .tokenUrl(twilio.getAuth().getTokenUrl())
            .build())).build();
    }

    TwilioClient get(String tenant) {
        TwilioClient client = this.clients.get(tenant);
        if (client == null) {
            throw new IllegalArgumentException("Unknown tenant '" + tenant + "'; known tenants: " + this.clients.keySet());
        }
        return client;
    }

    Iterable<String> names() {
        return this.clients.keySet();
    }
}
