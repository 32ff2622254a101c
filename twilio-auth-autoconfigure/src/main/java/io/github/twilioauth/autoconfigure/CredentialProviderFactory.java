package io.github.twilioauth.autoconfigure;

import io.github.twilioauth.credential.AuthType;
import io.github.twilioauth.credential.BasicCredentialProviderBuilder;
import io.github.twilioauth.credential.ClientCredentialProviderBuilder;
import io.github.twilioauth.credential.CredentialProvider;
import io.github.twilioauth.credential.NoAuthCredentialProvider;
import io.github.twilioauth.credential.OrgsCredentialProviderBuilder;
import io.github.twilioauth.token.ApiTokenManager;
import io.github.twilioauth.token.OrgsTokenManager;
import io.github.twilioauth.token.TokenManager;
import io.github.twilioauth.token.TokenManagerOptions;
import io.micrometer.observation.ObservationRegistry;

import static io.github.twilioauth.autoconfigure.ProviderConfig.hasText;

/**
 * Turns {@code twilio.*} properties into a token manager and a credential provider, failing
 * with a {@link TwilioConfigurationException} that names the property when one is missing.
 */
final class CredentialProviderFactory {

    static final String DEFAULT_TOKEN_PATH = "/v2/token";

    private final ProviderConfig auth;

    private final String accountSid;

    private final String baseUrl;

    private final String prefix;

    private final ObservationRegistry observationRegistry;

    /**
     * Creates a factory for one set of credentials.
     * @param auth the credentials ({@code <prefix>.auth.*})
     * @param accountSid the account ({@code <prefix>.account-sid}), or {@code null}
     * @param baseUrl the base URL ({@code <prefix>.base-url}), or {@code null}
     * @param prefix where the properties are bound, such as {@code twilio}, for error messages
     * @param observationRegistry where token requests are observed
     */
    CredentialProviderFactory(ProviderConfig auth, String accountSid, String baseUrl, String prefix,
            ObservationRegistry observationRegistry) {
        this.auth = auth;
        this.accountSid = accountSid;
        this.baseUrl = baseUrl;
        this.prefix = prefix;
        this.observationRegistry = observationRegistry;
    }

    /**
     * Creates the built-in token manager of the {@code client-credentials} or {@code orgs} type.
     * @return the token manager
     */
    TokenManager createTokenManager() {
        ProviderConfig auth = this.auth;
        AuthType type = resolveType();
        require(auth.getClientId(), "auth.client-id", type);
        require(auth.getClientSecret(), "auth.client-secret", type);
        TokenManagerOptions options = TokenManagerOptions.builder()
            .clientId(auth.getClientId())
            .clientSecret(auth.getClientSecret())
            .tokenUrl(tokenUrl())
            .cacheTtl(auth.getCacheTtl())
            .refreshAhead(auth.getRefreshAhead())
            .connectTimeout(auth.getConnectTimeout())
            .readTimeout(auth.getReadTimeout())
            .maxAttempts(auth.getMaxAttempts())
            .backoff(auth.getBackoff())
            .retryDeadline(auth.getRetryDeadline())
            .observationRegistry(this.observationRegistry)
            .build();
        return (type == AuthType.ORGS) ? new OrgsTokenManager(options) : new ApiTokenManager(options);
    }

    /**
     * Creates the credential provider of the configured type.
     * @param tokenManager the token manager for the OAuth types, or {@code null} for the others
     * @return the credential provider
     */
    CredentialProvider createCredentialProvider(TokenManager tokenManager) {
        ProviderConfig auth = this.auth;
        AuthType type = resolveType();
        return switch (type) {
            case BASIC -> basic(auth);
            case CLIENT_CREDENTIALS -> new ClientCredentialProviderBuilder().setClientId(auth.getClientId())
                .setClientSecret(auth.getClientSecret())
                .setTokenManager(orBuiltIn(tokenManager))
                .build();
            case ORGS -> new OrgsCredentialProviderBuilder().setClientId(auth.getClientId())
                .setClientSecret(auth.getClientSecret())
                .setTokenManager(orBuiltIn(tokenManager))
                .build();
            case NOAUTH -> new NoAuthCredentialProvider();
        };
    }

    /**
     * Returns the configured or inferred type, after checking that the credentials present do
     * not contradict each other.
     * @return the auth type
     */
    AuthType resolveType() {
        ProviderConfig auth = this.auth;
        AuthType type = auth.resolveType();
        if (type == null) {
            throw new TwilioConfigurationException(this.prefix + ".auth.type", "No Twilio credentials are configured.",
                    "Set " + this.prefix + ".auth.type to one of " + AuthType.validValues()
                            + ", with the credentials it needs.");
        }
        if (auth.getType() == null && hasText(auth.getClientId())
                && (hasText(auth.getAuthToken()) || hasText(auth.getApiKey()))) {
            throw new TwilioConfigurationException(this.prefix + ".auth.type",
                    "Both OAuth client credentials (" + this.prefix + ".auth.client-id) and basic credentials ("
                            + this.prefix + ".auth.auth-token or api-key) are set, so the auth type is ambiguous; set "
                            + this.prefix + ".auth.type.",
                    "Set " + this.prefix + ".auth.type to 'client-credentials' or 'basic', or remove the credentials"
                            + " you do not use.");
        }
        return type;
    }

    private CredentialProvider basic(ProviderConfig auth) {
        String accountSid = this.accountSid;
        if (hasText(auth.getApiKey())) {
            require(auth.getApiSecret(), "auth.api-secret", AuthType.BASIC,
                    "it is required with " + this.prefix + ".auth.api-key");
            require(accountSid, "account-sid", AuthType.BASIC,
                    "it names the account in API paths and is required with " + this.prefix + ".auth.api-key");
            return new BasicCredentialProviderBuilder().setUsername(auth.getApiKey())
                .setPassword(auth.getApiSecret())
                .build();
        }
        require(auth.getAuthToken(), "auth.auth-token", AuthType.BASIC,
                "basic authentication needs " + this.prefix + ".auth.auth-token with " + this.prefix
                        + ".account-sid, or " + this.prefix + ".auth.api-key with " + this.prefix + ".auth.api-secret");
        require(accountSid, "account-sid", AuthType.BASIC,
                "it is the username that goes with " + this.prefix + ".auth.auth-token");
        return new BasicCredentialProviderBuilder().setUsername(accountSid).setPassword(auth.getAuthToken()).build();
    }

    private TokenManager orBuiltIn(TokenManager tokenManager) {
        return (tokenManager != null) ? tokenManager : createTokenManager();
    }

    /**
     * Returns the token endpoint: the configured one, else the base URL's, else Twilio's.
     * @return the token URL
     */
    String tokenUrl() {
        String tokenUrl = this.auth.getTokenUrl();
        if (hasText(tokenUrl)) {
            return tokenUrl;
        }
        String baseUrl = this.baseUrl;
        return hasText(baseUrl) ? baseUrl.replaceAll("/+$", "") + DEFAULT_TOKEN_PATH
                : TokenManagerOptions.DEFAULT_TOKEN_URL;
    }

    private void require(String value, String property, AuthType type) {
        require(value, property, type, null);
    }

    private void require(String value, String property, AuthType type, String why) {
        if (hasText(value)) {
            return;
        }
        String name = this.prefix + "." + property;
        throw new TwilioConfigurationException(name,
                name + " is required when " + this.prefix + ".auth.type=" + type.getValue()
                        + ((why != null) ? "; " + why : "") + ".",
                "Set " + name + ((type == AuthType.CLIENT_CREDENTIALS || type == AuthType.ORGS)
                        ? " (from your Twilio OAuth app), or define a TokenManager bean of your own." : "."));
    }
}
