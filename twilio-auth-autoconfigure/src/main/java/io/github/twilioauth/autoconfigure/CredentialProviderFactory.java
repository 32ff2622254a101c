package io.github.twilioauth.autoconfigure;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import io.github.twilioauth.Sids;
import io.github.twilioauth.client.TwilioEndpoints;
import io.github.twilioauth.credential.AuthType;
import io.github.twilioauth.credential.BasicCredentialProviderBuilder;
import io.github.twilioauth.credential.ClientCredentialProviderBuilder;
import io.github.twilioauth.credential.CredentialProvider;
import io.github.twilioauth.credential.NoAuthCredentialProvider;
import io.github.twilioauth.credential.OrgsCredentialProviderBuilder;
import io.github.twilioauth.http.AllowedHosts;
import io.github.twilioauth.observation.TenantTag;
import io.github.twilioauth.token.ApiTokenManager;
import io.github.twilioauth.token.OrgsTokenManager;
import io.github.twilioauth.token.TokenManager;
import io.github.twilioauth.token.TokenManagerOptions;
import io.github.twilioauth.token.TokenManagerSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.web.client.RestClient;

import static io.github.twilioauth.autoconfigure.ProviderConfig.hasText;

/**
 * Turns {@code twilio.*} properties into a token manager and a credential provider, failing
 * with a {@link TwilioConfigurationException} that names the property when one is missing.
 */
final class CredentialProviderFactory {

    static final String DEFAULT_TOKEN_PATH = "/v2/token";

    /** The Twilio host of the token endpoint, which a token endpoint on the base URL stands for. */
    static final String TOKEN_HOST = "oauth.twilio.com";

    private final ProviderConfig auth;

    private final @Nullable String accountSid;

    private final @Nullable String baseUrl;

    private final String prefix;

    private final TwilioClientProperties client;

    private final String tenant;

    /**
     * Creates a factory for the credentials of one client.
     * @param client the client's properties
     * @param prefix where they are bound, such as {@code twilio} or {@code twilio.tenants.acme},
     * for error messages
     * @param tenant the tenant, for the {@code twilio.tenant} tag of observations
     */
    private CredentialProviderFactory(TwilioClientProperties client, String prefix, String tenant) {
        this.client = client;
        this.auth = client.getAuth();
        this.accountSid = client.getAccountSid();
        this.baseUrl = client.getBaseUrl();
        this.prefix = prefix;
        this.tenant = tenant;
    }

    /**
     * Creates the factory of the single client, bound to {@code twilio.*}.
     * @param properties the properties
     * @return the factory
     */
    static CredentialProviderFactory singleClient(TwilioProperties properties) {
        return new CredentialProviderFactory(properties, "twilio", TenantTag.DEFAULT_TENANT);
    }

    /**
     * Creates the factory of a tenant, bound to {@code twilio.tenants.{name}.*}.
     * @param name the tenant's name
     * @param tenant its properties
     * @return the factory
     * @throws TwilioConfigurationException when the name is {@code default}, the single client's
     */
    static CredentialProviderFactory tenant(String name, TwilioClientProperties tenant) {
        String prefix = "twilio.tenants." + name;
        if (TenantTag.DEFAULT_TENANT.equals(name)) {
            throw new TwilioConfigurationException(prefix, "'" + name + "' names the single client of twilio.auth.*"
                    + " in health and metrics, so no tenant may take it.", "Rename " + prefix + ".");
        }
        return new CredentialProviderFactory(tenant, prefix, name);
    }

    /**
     * Creates the built-in token manager of the {@code client-credentials} or {@code orgs} type.
     * @param tokenSettings what built-in token managers share (executor, HTTP client,
     * observations); the client's own properties set its retries and refresh-ahead
     * @return the token manager
     */
    TokenManager createTokenManager(TokenManagerSettings tokenSettings) {
        ProviderConfig auth = this.auth;
        AuthType type = resolveType();
        String clientId = require(auth.getClientId(), "auth.client-id", type);
        String clientSecret = require(auth.getClientSecret(), "auth.client-secret", type);
        TokenManagerOptions options = TokenManagerOptions.builder()
            .clientId(clientId)
            .clientSecret(clientSecret)
            .tokenUrl(tokenUrl())
            .cacheTtl(auth.getCacheTtl())
            .build();
        TokenManagerSettings settings = tokenSettings.toBuilder()
            .refreshAhead(auth.getRefreshAhead())
            .retry(auth.getRetry().toRetryPolicy())
            .tenant(this.tenant)
            .restClient(standingIn(tokenSettings.restClient()))
            .build();
        return (type == AuthType.ORGS) ? new OrgsTokenManager(options, settings) : new ApiTokenManager(options,
                settings);
    }

    /**
     * Creates the credential provider of the configured type.
     * @param tokenManager the token manager of the OAuth types, or {@code null} for a built-in one
     * @param tokenSettings the settings of a built-in token manager, or {@code null} when
     * {@code tokenManager} is given or the type needs none
     * @return the credential provider
     */
    CredentialProvider createCredentialProvider(@Nullable TokenManager tokenManager,
            @Nullable TokenManagerSettings tokenSettings) {
        ProviderConfig auth = this.auth;
        AuthType type = resolveType();
        requireSid(this.accountSid, "account-sid", "AC");
        requireSecure(this.baseUrl, "base-url");
        if (type == AuthType.CLIENT_CREDENTIALS || type == AuthType.ORGS) {
            requireSecure(tokenUrl(), "auth.token-url");
        }
        return switch (type) {
            case BASIC -> basic(auth);
            case CLIENT_CREDENTIALS -> new ClientCredentialProviderBuilder().setClientId(auth.getClientId())
                .setClientSecret(auth.getClientSecret())
                .setTokenManager(orBuiltIn(tokenManager, tokenSettings))
                .build();
            case ORGS -> new OrgsCredentialProviderBuilder().setClientId(auth.getClientId())
                .setClientSecret(auth.getClientSecret())
                .setTokenManager(orBuiltIn(tokenManager, tokenSettings))
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
            throw new TwilioConfigurationException(this.prefix + ".auth.type",
                    "No Twilio credentials are configured: " + this.prefix + ".auth.* sets none.",
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
        String apiKey = auth.getApiKey();
        if (hasText(apiKey)) {
            requireSid(apiKey, "auth.api-key", "SK");
            String apiSecret = require(auth.getApiSecret(), "auth.api-secret", AuthType.BASIC,
                    "it is required with " + this.prefix + ".auth.api-key");
            require(accountSid, "account-sid", AuthType.BASIC,
                    "it names the account in API paths and is required with " + this.prefix + ".auth.api-key");
            return new BasicCredentialProviderBuilder().setUsername(apiKey).setPassword(apiSecret).build();
        }
        String authToken = require(auth.getAuthToken(), "auth.auth-token", AuthType.BASIC,
                "basic authentication needs " + this.prefix + ".auth.auth-token with " + this.prefix
                        + ".account-sid, or " + this.prefix + ".auth.api-key with " + this.prefix + ".auth.api-secret");
        String username = require(accountSid, "account-sid", AuthType.BASIC,
                "it is the username that goes with " + this.prefix + ".auth.auth-token");
        return new BasicCredentialProviderBuilder().setUsername(username).setPassword(authToken).build();
    }

    private TokenManager orBuiltIn(@Nullable TokenManager tokenManager, @Nullable TokenManagerSettings tokenSettings) {
        if (tokenManager != null) {
            return tokenManager;
        }
        if (tokenSettings == null) {
            throw new IllegalStateException("No TokenManager for " + this.prefix + ".auth and no settings to build one");
        }
        return createTokenManager(tokenSettings);
    }

    /**
     * Returns where the credentials of the client may be sent: Twilio's hosts, the hosts of its
     * base URL and token URL, and its configured allowed hosts.
     * @return the allowed hosts
     */
    AllowedHosts allowedHosts() {
        List<@Nullable String> hosts = new ArrayList<>(this.auth.getAllowedHosts());
        hosts.add(AllowedHosts.hostOf(tokenUrl()));
        return endpoints().allowedHosts(hosts, this.auth.isAllowInsecureHttp());
    }

    /**
     * Returns where the client's API calls go.
     * @return its endpoints
     * @throws TwilioConfigurationException when the base URL is not a secure absolute URL, or
     * the region names no host Twilio serves
     */
    TwilioEndpoints endpoints() {
        requireSecure(this.baseUrl, "base-url");
        try {
            return new TwilioEndpoints(this.baseUrl, this.client.getRegion(), this.client.getEdge());
        }
        catch (IllegalArgumentException ex) {
            String region = this.prefix + ".region";
            throw new TwilioConfigurationException(region, region + ": " + ex.getMessage(),
                    "Set " + this.prefix + ".edge to the edge of region '" + this.client.getRegion()
                            + "', or set " + region + " to us1, ie1 or au1, or remove it.");
        }
    }

    private void requireSid(@Nullable String sid, String property, String prefix) {
        if (sid == null || Sids.isSid(sid, prefix)) {
            return;
        }
        String name = this.prefix + "." + property;
        String shape = (sid.length() >= 2) ? "starts with '" + sid.substring(0,
                2) + "'" : "is shorter than 2 characters";
        throw new TwilioConfigurationException(name,
                name + " must be '" + prefix + "' followed by 32 hexadecimal characters, but the configured value has "
                        + sid.length() + " characters and " + shape + ".",
                "Copy the " + ((prefix.equals("AC")) ? "Account SID" : "API Key SID") + " (" + prefix
                        + "0123456789abcdef0123456789abcdef) from the Twilio Console into " + name + ".");
    }

    private void requireSecure(@Nullable String url, String property) {
        if (!hasText(url)) {
            return;
        }
        String name = this.prefix + "." + property;
        URI uri;
        try {
            uri = URI.create(url.trim());
        }
        catch (IllegalArgumentException ex) {
            throw new TwilioConfigurationException(name, name + " is not a valid URL: " + ex.getMessage(),
                    "Set " + name + " to an absolute URL such as https://api.example.com.");
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new TwilioConfigurationException(name, name + " is not an absolute URL.",
                    "Set " + name + " to an absolute URL such as https://api.example.com.");
        }
        boolean insecure = "http".equalsIgnoreCase(uri.getScheme()) && !AllowedHosts.isLoopback(uri.getHost());
        if (insecure && !this.auth.isAllowInsecureHttp()) {
            throw new TwilioConfigurationException(name,
                    name + " uses plain http to " + uri.getHost() + ": Twilio credentials would travel unencrypted.",
                    "Use an https URL, or, for a trusted network only, set " + this.prefix
                            + ".auth.allow-insecure-http=true.");
        }
    }

    /**
     * The shared token client, or, when the token endpoint is the base URL's, a copy of it whose
     * requests name the host they stand for, {@value #TOKEN_HOST}, as API calls on the base URL
     * do: a stand-in or proxy serving every product on one address routes them by it. Only
     * clients with a base URL get a copy of their own; it shares the HTTP client.
     */
    private @Nullable RestClient standingIn(@Nullable RestClient shared) {
        boolean onBaseUrl = !hasText(this.auth.getTokenUrl()) && hasText(this.baseUrl);
        return (shared != null && onBaseUrl)
                ? shared.mutate().defaultHeader(TwilioEndpoints.FORWARDED_HOST, TOKEN_HOST).build() : shared;
    }

    /** The client's token endpoint: the configured one, else its base URL's, else Twilio's. */
    private String tokenUrl() {
        String tokenUrl = this.auth.getTokenUrl();
        if (hasText(tokenUrl)) {
            return tokenUrl;
        }
        String baseUrl = this.baseUrl;
        return hasText(baseUrl) ? baseUrl.replaceAll("/+$", "") + DEFAULT_TOKEN_PATH
                : TokenManagerOptions.DEFAULT_TOKEN_URL;
    }

    private String require(@Nullable String value, String property, AuthType type) {
        return require(value, property, type, null);
    }

    private String require(@Nullable String value, String property, AuthType type, @Nullable String why) {
        if (hasText(value)) {
            return value;
        }
        String name = this.prefix + "." + property;
        throw new TwilioConfigurationException(name,
                name + " is required when " + this.prefix + ".auth.type=" + type.getValue()
                        + ((why != null) ? "; " + why : "") + ".",
                "Set " + name + (!(type == AuthType.CLIENT_CREDENTIALS || type == AuthType.ORGS) ? "."
                        : TenantTag.DEFAULT_TENANT.equals(this.tenant)
                                ? " (from your Twilio OAuth app), or define a TokenManager bean of your own."
                                : " (from the tenant's Twilio OAuth app)."));
    }
}
