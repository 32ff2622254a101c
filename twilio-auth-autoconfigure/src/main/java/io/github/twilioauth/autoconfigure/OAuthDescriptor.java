package io.github.twilioauth.autoconfigure;

import java.util.function.BiFunction;

import io.github.twilioauth.credential.AuthType;
import io.github.twilioauth.credential.CredentialProvider;
import io.github.twilioauth.credential.OAuthCredentialProvider;
import io.github.twilioauth.credential.OAuthCredentialProviderBuilder;
import io.github.twilioauth.token.CachingTokenManager;
import io.github.twilioauth.token.TokenManager;
import io.github.twilioauth.token.TokenManagerOptions;
import io.github.twilioauth.token.TokenManagerSettings;
import org.jspecify.annotations.Nullable;

/**
 * The auth types of OAuth bearer tokens, which a Twilio OAuth app's client id and secret obtain
 * from the token endpoint: their provider carries the client credentials and the token manager,
 * and their token endpoint must be reached over HTTPS.
 */
abstract class OAuthDescriptor extends AuthTypeDescriptor {

    OAuthDescriptor(AuthType type) {
        super(type);
    }

    @Override
    abstract BiFunction<TokenManagerOptions, TokenManagerSettings, CachingTokenManager> builtInTokenManager();

    /**
     * Returns a new builder of this type's provider.
     * @return the builder
     */
    abstract OAuthCredentialProviderBuilder<?, ?> providerBuilder();

    /**
     * Returns a provider of this type with the client credentials of another and a token
     * manager of its own.
     * @param credentials the provider whose client id and secret to take
     * @param tokenManager the token manager of the new provider
     * @return the new provider
     */
    CredentialProvider withTokenManager(OAuthCredentialProvider credentials, TokenManager tokenManager) {
        return providerBuilder().setClientId(credentials.getClientId())
            .setClientSecret(credentials.getClientSecret())
            .setTokenManager(tokenManager)
            .build();
    }

    @Override
    CredentialProvider credentialProvider(ConfiguredClient client, @Nullable TokenManager tokenManager) {
        if (tokenManager == null) {
            throw new IllegalStateException("No TokenManager for " + client.prefix() + ".auth");
        }
        client.requireSecure(client.tokenUrl(), "auth.token-url");
        ProviderConfig auth = client.auth();
        return providerBuilder().setClientId(auth.getClientId())
            .setClientSecret(auth.getClientSecret())
            .setTokenManager(tokenManager)
            .build();
    }
}
