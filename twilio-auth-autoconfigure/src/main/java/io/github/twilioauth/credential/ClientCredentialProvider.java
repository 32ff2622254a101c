package io.github.twilioauth.credential;

import io.github.twilioauth.token.TokenManager;

/**
 * OAuth client credentials of a Twilio OAuth app: requests carry bearer tokens fetched with the
 * client credentials grant. Create with {@link ClientCredentialProviderBuilder}.
 */
public final class ClientCredentialProvider extends OAuthCredentialProvider {

    ClientCredentialProvider(String clientId, String clientSecret, TokenManager tokenManager) {
        super(AuthType.CLIENT_CREDENTIALS, clientId, clientSecret, tokenManager);
    }
}
