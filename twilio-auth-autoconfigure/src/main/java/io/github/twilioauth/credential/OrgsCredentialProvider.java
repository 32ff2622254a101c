package io.github.twilioauth.credential;

import io.github.twilioauth.token.TokenManager;
import org.jspecify.annotations.Nullable;

/**
 * Organization credentials: requests carry organization-scoped bearer tokens, for the
 * Organizations APIs. Create with {@link OrgsCredentialProviderBuilder}.
 */
public final class OrgsCredentialProvider extends OAuthCredentialProvider {

    OrgsCredentialProvider(@Nullable String clientId, @Nullable String clientSecret, TokenManager tokenManager,
            boolean defaultTokenManager) {
        super(AuthType.ORGS, clientId, clientSecret, tokenManager, defaultTokenManager);
    }
}
