package io.github.twilioauth.autoconfigure;

import java.util.function.BiFunction;

import io.github.twilioauth.credential.AuthType;
import io.github.twilioauth.credential.OrgsCredentialProviderBuilder;
import io.github.twilioauth.token.CachingTokenManager;
import io.github.twilioauth.token.OrgsTokenManager;
import io.github.twilioauth.token.TokenManagerOptions;
import io.github.twilioauth.token.TokenManagerSettings;

/**
 * {@code orgs}: organization-scoped bearer tokens of a Twilio OAuth app. Never implied: its
 * credentials look like those of {@code client-credentials}.
 */
final class OrgsAuthDescriptor extends OAuthDescriptor {

    static final OrgsAuthDescriptor INSTANCE = new OrgsAuthDescriptor();

    private OrgsAuthDescriptor() {
        super(AuthType.ORGS);
    }

    @Override
    BiFunction<TokenManagerOptions, TokenManagerSettings, CachingTokenManager> builtInTokenManager() {
        return OrgsTokenManager::new;
    }

    @Override
    OrgsCredentialProviderBuilder providerBuilder() {
        return new OrgsCredentialProviderBuilder();
    }
}
