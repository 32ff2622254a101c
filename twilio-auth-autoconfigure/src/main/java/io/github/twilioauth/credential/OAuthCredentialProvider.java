package io.github.twilioauth.credential;

import io.github.twilioauth.strategy.AuthStrategy;
import io.github.twilioauth.strategy.TokenAuthStrategy;
import io.github.twilioauth.token.TokenManager;
import io.github.twilioauth.token.TokenManagerOptions;
import org.jspecify.annotations.Nullable;

/**
 * Base of the OAuth providers: client credentials and the token manager that turns them into
 * bearer tokens.
 */
public abstract sealed class OAuthCredentialProvider extends CredentialProvider
        permits ClientCredentialProvider, OrgsCredentialProvider {

    private final @Nullable String clientId;

    private final @Nullable String clientSecret;

    private final TokenManager tokenManager;

    private final boolean defaultTokenManager;

    private final TokenAuthStrategy strategy;

    OAuthCredentialProvider(AuthType authType, @Nullable String clientId, @Nullable String clientSecret,
            TokenManager tokenManager, boolean defaultTokenManager) {
        super(authType);
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.tokenManager = tokenManager;
        this.defaultTokenManager = defaultTokenManager;
        this.strategy = new TokenAuthStrategy(tokenManager);
    }

    /**
     * Returns the OAuth grant type.
     * @return {@code client_credentials}
     */
    public String getGrantType() {
        return TokenManagerOptions.CLIENT_CREDENTIALS;
    }

    /**
     * Returns the OAuth client id.
     * @return the client id, or {@code null} when a custom token manager was given without one
     */
    public @Nullable String getClientId() {
        return this.clientId;
    }

    /**
     * Returns the OAuth client secret.
     * @return the client secret, or {@code null} when a custom token manager was given without one
     */
    public @Nullable String getClientSecret() {
        return this.clientSecret;
    }

    /**
     * Returns the token manager that supplies the bearer tokens.
     * @return the token manager
     */
    public TokenManager getTokenManager() {
        return this.tokenManager;
    }

    /**
     * Returns whether the token manager is the one the builder created for want of one given
     * to it, on the JVM-wide defaults. {@code TwilioClients} replaces such a manager with one on
     * its shared token engine when the provider comes from a {@code TwilioTenantRepository}.
     * @return {@code true} when the builder created the token manager, {@code false} when it
     * was given one
     */
    public boolean hasDefaultTokenManager() {
        return this.defaultTokenManager;
    }

    @Override
    public AuthStrategy toAuthStrategy() {
        return this.strategy;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[clientId=" + this.clientId + ", clientSecret="
                + ((this.clientSecret != null) ? "******" : "null") + ", tokenManager=" + this.tokenManager + "]";
    }
}
