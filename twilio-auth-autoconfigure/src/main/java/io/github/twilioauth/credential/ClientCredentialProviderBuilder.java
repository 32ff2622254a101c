package io.github.twilioauth.credential;

import io.github.twilioauth.token.ApiTokenManager;
import io.github.twilioauth.token.TokenManager;
import io.github.twilioauth.token.TokenManagerOptions;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link ClientCredentialProvider}; without a token manager of your own, it uses an
 * {@link ApiTokenManager} against Twilio's token endpoint.
 */
public final class ClientCredentialProviderBuilder
        extends OAuthCredentialProviderBuilder<ClientCredentialProviderBuilder, ClientCredentialProvider> {

    @Override
    TokenManager createTokenManager(TokenManagerOptions options) {
        return new ApiTokenManager(options);
    }

    @Override
    ClientCredentialProvider create(@Nullable String clientId, @Nullable String clientSecret,
            TokenManager tokenManager, boolean defaultTokenManager) {
        return new ClientCredentialProvider(clientId, clientSecret, tokenManager, defaultTokenManager);
    }
}
