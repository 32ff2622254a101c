package io.github.twilioauth.credential;

import io.github.twilioauth.token.TokenManager;
import org.jspecify.annotations.Nullable;

/**
 * OAuth client credentials of a Twilio OAuth app: requests carry bearer tokens fetched with the
 * client credentials grant. Create with {@link ClientCredentialProviderBuilder}.
 */
public final class ClientCredentialProvider extends OAuthCredentialProvider {

    ClientCredentialProvider(@Nullable String clientId, @Nullable String clientSecret, TokenManager tokenManager,
            boolean defaultTokenManager) {
        super(AuthType.CLIENT_CREDENTIALS, clientId, clientSecret, tokenManager, defaultTokenManager);
    }
}
