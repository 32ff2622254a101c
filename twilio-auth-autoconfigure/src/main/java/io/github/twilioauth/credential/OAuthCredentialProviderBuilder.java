package io.github.twilioauth.credential;

import io.github.twilioauth.token.TokenManager;
import io.github.twilioauth.token.TokenManagerOptions;
import org.jspecify.annotations.Nullable;

/**
 * Common part of the OAuth provider builders.
 *
 * @param <B> the builder type
 * @param <P> the provider type
 */
public abstract sealed class OAuthCredentialProviderBuilder<B extends OAuthCredentialProviderBuilder<B, P>, P extends OAuthCredentialProvider>
        permits ClientCredentialProviderBuilder, OrgsCredentialProviderBuilder {

    private @Nullable String clientId;

    private @Nullable String clientSecret;

    private @Nullable TokenManager tokenManager;

    OAuthCredentialProviderBuilder() {
    }

    /**
     * Sets the OAuth client id.
     * @param clientId the client id from the Twilio Console
     * @return this builder
     */
    public B setClientId(@Nullable String clientId) {
        this.clientId = clientId;
        return self();
    }

    /**
     * Sets the OAuth client secret.
     * @param clientSecret the client secret from the Twilio Console
     * @return this builder
     */
    public B setClientSecret(@Nullable String clientSecret) {
        this.clientSecret = clientSecret;
        return self();
    }

    /**
     * Sets the token manager to use instead of the built-in one; the client id and secret are
     * then optional.
     * @param tokenManager the token manager
     * @return this builder
     */
    public B setTokenManager(TokenManager tokenManager) {
        this.tokenManager = tokenManager;
        return self();
    }

    /**
     * Builds the provider.
     * @return the provider
     * @throws IllegalStateException when no token manager is set and the client id or secret
     * is missing or blank
     */
    public P build() {
        TokenManager manager = this.tokenManager;
        boolean defaultManager = manager == null;
        if (manager == null) {
            String builder = getClass().getSimpleName();
            String clientId = CredentialProvider.requireText(this.clientId, "clientId", builder);
            String clientSecret = CredentialProvider.requireText(this.clientSecret, "clientSecret", builder);
            manager = createTokenManager(
                    TokenManagerOptions.builder().clientId(clientId).clientSecret(clientSecret).build());
        }
        return create(this.clientId, this.clientSecret, manager, defaultManager);
    }

    abstract TokenManager createTokenManager(TokenManagerOptions options);

    abstract P create(@Nullable String clientId, @Nullable String clientSecret, TokenManager tokenManager,
            boolean defaultTokenManager);

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }
}
