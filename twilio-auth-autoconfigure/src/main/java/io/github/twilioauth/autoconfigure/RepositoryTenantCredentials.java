package io.github.twilioauth.autoconfigure;

import java.util.Objects;

import io.github.twilioauth.client.RepositoryTenants;
import io.github.twilioauth.client.TwilioEndpoints;
import io.github.twilioauth.credential.CredentialProvider;
import io.github.twilioauth.credential.OAuthCredentialProvider;
import io.github.twilioauth.observation.TenantTag;
import io.github.twilioauth.token.CachingTokenManager;
import io.github.twilioauth.token.TokenManagerOptions;
import io.github.twilioauth.token.TokenManagerSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.web.client.RestClient;

/**
 * Prepares the credentials of the tenants of a {@code TwilioTenantRepository}: an OAuth provider
 * that its builder gave the default token manager gets instead a built-in one of its type on the
 * shared token engine (the {@link TokenManagerSettings} bean: its executor, HTTP client and
 * observations), which fetches from <code>{twilio.base-url}/v2/token</code> when the base URL is
 * set, else from Twilio's token endpoint, and which {@code TwilioClients} closes with the tenant.
 * Any other credentials, token managers the application gave included, are used as given and
 * stay the application's. Builds no executor and no HTTP client: the engine's are shared.
 */
final class RepositoryTenantCredentials implements RepositoryTenants.CredentialsPreparer {

    /** The engine's settings with the tag of repository tenants and the token client they use. */
    private final TokenManagerSettings settings;

    /**
     * Creates the preparer.
     * @param engine the shared token engine
     * @param baseUrl {@code twilio.base-url}, which repository tenants call, or {@code null}
     */
    RepositoryTenantCredentials(TokenManagerSettings engine, @Nullable String baseUrl) {
        RestClient shared = engine.restClient();
        this.settings = engine.toBuilder()
            .tenant(TenantTag.REPOSITORY_TENANTS)
            .restClient((baseUrl != null && shared != null) ? ConfiguredClient.namingTokenHost(shared) : shared)
            .build();
    }

    @Override
    public RepositoryTenants.PreparedCredentials prepare(String tenant, CredentialProvider credentials,
            TwilioEndpoints endpoints, String tag) {
        if (!(credentials instanceof OAuthCredentialProvider oauth) || !oauth.hasDefaultTokenManager()
                || !(AuthTypeDescriptor.of(oauth.getAuthType()) instanceof OAuthDescriptor type)) {
            return new RepositoryTenants.PreparedCredentials(credentials, null);
        }
        TokenManagerOptions options = TokenManagerOptions.builder()
            .clientId(Objects.requireNonNull(oauth.getClientId(), "clientId"))
            .clientSecret(Objects.requireNonNull(oauth.getClientSecret(), "clientSecret"))
            .tokenUrl(endpoints.tokenUrl())
            .build();
        TokenManagerSettings tagged = tag.equals(this.settings.tenant()) ? this.settings
                : this.settings.toBuilder().tenant(tag).build();
        CachingTokenManager tokens = type.builtInTokenManager().apply(options, tagged);
        return new RepositoryTenants.PreparedCredentials(type.withTokenManager(oauth, tokens), tokens);
    }
}
