package io.github.twilioauth.autoconfigure;

import java.util.function.BiFunction;

import io.github.twilioauth.credential.AuthType;
import io.github.twilioauth.credential.ClientCredentialProviderBuilder;
import io.github.twilioauth.token.ApiTokenManager;
import io.github.twilioauth.token.CachingTokenManager;
import io.github.twilioauth.token.TokenManagerOptions;
import io.github.twilioauth.token.TokenManagerSettings;
import org.jspecify.annotations.Nullable;

/**
 * {@code client-credentials}: API bearer tokens of a Twilio OAuth app, implied by a client id.
 */
final class ClientCredentialsAuthDescriptor extends OAuthDescriptor {

    static final ClientCredentialsAuthDescriptor INSTANCE = new ClientCredentialsAuthDescriptor();

    private ClientCredentialsAuthDescriptor() {
        super(AuthType.CLIENT_CREDENTIALS);
    }

    @Override
    @Nullable String impliedBy(ProviderConfig auth, String prefix) {
        return ConfiguredClient.hasText(auth.getClientId()) ? "OAuth client credentials (" + prefix + ".auth.client-id)"
                : null;
    }

    @Override
    BiFunction<TokenManagerOptions, TokenManagerSettings, CachingTokenManager> builtInTokenManager() {
        return ApiTokenManager::new;
    }

    @Override
    ClientCredentialProviderBuilder providerBuilder() {
        return new ClientCredentialProviderBuilder();
    }
}
