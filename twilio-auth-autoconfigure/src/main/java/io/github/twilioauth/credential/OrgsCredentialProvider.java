package io.github.twilioauth.credential;

import io.github.twilioauth.token.TokenManager;

/**
 * Organization credentials: requests carry organization-scoped bearer tokens, for the
 * Organizations APIs. Create with {@link OrgsCredentialProviderBuilder}.
 */
public final class OrgsCredentialProvider extends OAuthCredentialProvider {

    OrgsCredentialProvider(String clientId, String clientSecret, TokenManager tokenManager) {
        super(AuthType.ORGS, clientId, clientSecret, tokenManager);
    }
}
