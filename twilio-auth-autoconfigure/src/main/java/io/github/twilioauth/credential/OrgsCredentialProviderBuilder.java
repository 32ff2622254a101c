package io.github.twilioauth.credential;

import io.github.twilioauth.token.OrgsTokenManager;
import io.github.twilioauth.token.TokenManager;
import io.github.twilioauth.token.TokenManagerOptions;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link OrgsCredentialProvider}; without a token manager of your own, it uses an
 * {@link OrgsTokenManager} against Twilio's token endpoint.
 */
public final class OrgsCredentialProviderBuilder
        extends OAuthCredentialProviderBuilder<OrgsCredentialProviderBuilder, OrgsCredentialProvider> {

    @Override
    TokenManager createTokenManager(TokenManagerOptions options) {
        return new OrgsTokenManager(options);
    }

    @Override
    OrgsCredentialProvider create(@Nullable String clientId, @Nullable String clientSecret, TokenManager tokenManager,
            boolean defaultTokenManager) {
        return new OrgsCredentialProvider(clientId, clientSecret, tokenManager, defaultTokenManager);
    }
}
