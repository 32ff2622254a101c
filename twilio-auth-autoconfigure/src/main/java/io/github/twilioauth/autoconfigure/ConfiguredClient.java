package io.github.twilioauth.autoconfigure;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import io.github.twilioauth.Sids;
import io.github.twilioauth.client.TwilioEndpoints;
import io.github.twilioauth.credential.AuthType;
import io.github.twilioauth.credential.CredentialProvider;
import io.github.twilioauth.http.AllowedHosts;
import io.github.twilioauth.observation.TenantTag;
import io.github.twilioauth.token.CachingTokenManager;
import io.github.twilioauth.token.TokenManager;
import io.github.twilioauth.token.TokenManagerOptions;
import io.github.twilioauth.token.TokenManagerSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.lang.Contract;
import org.springframework.web.client.RestClient;

/**
 * One Twilio client that the properties configure, the single client of {@code twilio.*} or a
 * tenant of {@code twilio.tenants}, with its auth type resolved once, when it is read. Builds
 * what the client is made of: its credential provider and built-in token manager (as its
 * {@link AuthTypeDescriptor} says), its endpoints, and the hosts its credentials may go to;
 * each fails with a {@link TwilioConfigurationException} naming the property that is missing
 * or wrong.
 */
final class ConfiguredClient {

    /** The Twilio host of the token endpoint, which a token endpoint on the base URL stands for. */
    static final String TOKEN_HOST = "oauth.twilio.com";

    private final TwilioClientProperties properties;

    private final String prefix;

    private final String tenant;

    /** The client's auth type; {@code null} when none is configured, or when {@link #failure} says why not. */
    private final @Nullable AuthTypeDescriptor authType;

    /** Why the client cannot be built, as found when it was read: credentials of several types, a reserved name. */
    private final @Nullable TwilioConfigurationException failure;

    /**
     * Reads one client.
     * @param properties the client's properties
     * @param prefix where they are bound, such as {@code twilio} or {@code twilio.tenants.acme},
     * for error messages
     * @param tenant the tenant, for the {@code twilio.tenant} tag of observations
     * @param failure why the client cannot be built whatever its credentials, or {@code null}
     */
    private ConfiguredClient(TwilioClientProperties properties, String prefix, String tenant,
            @Nullable TwilioConfigurationException failure) {
        this.properties = properties;
        this.prefix = prefix;
        this.tenant = tenant;
        AuthTypeDescriptor authType = null;
        if (failure == null) {
            try {
                authType = AuthTypeDescriptor.resolve(properties.getAuth(), prefix);
            }
            catch (TwilioConfigurationException ex) {
                failure = ex;
            }
        }
        this.authType = authType;
        this.failure = failure;
    }

    /**
     * Reads the single client, bound to {@code twilio.*}.
     * @param properties the properties
     * @return the client
     */
    static ConfiguredClient singleClient(TwilioProperties properties) {
        return new ConfiguredClient(properties, "twilio", TenantTag.DEFAULT_TENANT, null);
    }

    /**
     * Reads a tenant, bound to {@code twilio.tenants.{name}.*}. A tenant named {@code default},
     * the single client's name, or {@code repository}, the name of a repository's tenants, cannot
     * be built.
     * @param name the tenant's name
     * @param tenant its properties
     * @return the tenant
     */
    static ConfiguredClient tenant(String name, TwilioClientProperties tenant) {
        String prefix = "twilio.tenants." + name;
        TwilioConfigurationException reservedName = TenantTag.isReserved(name)
                ? new TwilioConfigurationException(prefix, "'" + name + "' names "
                        + (TenantTag.DEFAULT_TENANT.equals(name) ? "the single client of twilio.auth.*"
                                : "the tenants of the TwilioTenantRepository, together,")
                        + " in health and metrics, so no tenant may take it.", "Rename " + prefix + ".")
                : null;
        return new ConfiguredClient(tenant, prefix, name, reservedName);
    }

    /**
     * Returns where the client's properties are bound.
     * @return {@code twilio} or {@code twilio.tenants.<name>}
     */
    String prefix() {
        return this.prefix;
    }

    /**
     * Returns the client's properties.
     * @return its account, endpoints and credentials
     */
    TwilioClientProperties properties() {
        return this.properties;
    }

    /**
     * Returns the client's {@code auth.*} properties.
     * @return its credentials
     */
    ProviderConfig auth() {
        return this.properties.getAuth();
    }

    /**
     * Returns whether the client's {@code auth.*} properties configure credentials, or something
     * that stops the client being built, which building it reports.
     * @return whether there is a client to build
     */
    boolean hasCredentials() {
        return this.authType != null || this.failure != null;
    }

    /**
     * Returns whether the client authenticates with OAuth tokens.
     * @return whether its auth type uses tokens
     */
    boolean usesTokens() {
        return this.authType != null && this.authType.usesTokens();
    }

    /**
     * Returns the client's auth type.
     * @return the type, or {@code null} when no credentials are configured or they conflict
     */
    @Nullable AuthType authType() {
        return (this.authType != null) ? this.authType.type() : null;
    }

    /**
     * Creates the client's built-in token manager, on the shared token engine with the client's
     * own retries, refresh-ahead and tenant.
     * @param tokenSettings what built-in token managers share (executor, HTTP client,
     * observations)
     * @return the token manager, which its creator closes
     * @throws IllegalStateException when the client's auth type uses no tokens
     */
    CachingTokenManager createTokenManager(TokenManagerSettings tokenSettings) {
        AuthTypeDescriptor authType = requireAuthType();
        BiFunction<TokenManagerOptions, TokenManagerSettings, CachingTokenManager> builtIn = authType
            .builtInTokenManager();
        if (builtIn == null) {
            throw new IllegalStateException(this.prefix + ".auth.type=" + authType.type() + " uses no token manager");
        }
        ProviderConfig auth = auth();
        String where = TenantTag.DEFAULT_TENANT.equals(this.tenant)
                ? " (from your Twilio OAuth app), or define a TokenManager bean of your own"
                : " (from the tenant's Twilio OAuth app)";
        TokenManagerOptions options = TokenManagerOptions.builder()
            .clientId(require(auth.getClientId(), "auth.client-id", null, where))
            .clientSecret(require(auth.getClientSecret(), "auth.client-secret", null, where))
            .tokenUrl(tokenUrl())
            .cacheTtl(auth.getCacheTtl())
            .build();
        TokenManagerSettings settings = tokenSettings.toBuilder()
            .refreshAhead(auth.getRefreshAhead())
            .retry(auth.getRetry().toRetryPolicy())
            .tenant(this.tenant)
            .restClient(standingIn(tokenSettings.restClient()))
            .build();
        return builtIn.apply(options, settings);
    }

    /**
     * Creates the client's credential provider.
     * @param tokenManager the token manager of a type that uses tokens (the application's or
     * the client's built-in one); {@code null} for the other types
     * @return the credential provider
     */
    CredentialProvider createCredentialProvider(@Nullable TokenManager tokenManager) {
        AuthTypeDescriptor authType = requireAuthType();
        requireSid(this.properties.getAccountSid(), "account-sid", "AC");
        requireSecure(this.properties.getBaseUrl(), "base-url");
        return authType.credentialProvider(this, tokenManager);
    }

    private AuthTypeDescriptor requireAuthType() {
        if (this.failure != null) {
            throw this.failure;
        }
        if (this.authType == null) {
            throw new TwilioConfigurationException(this.prefix + ".auth.type",
                    "No Twilio credentials are configured: " + this.prefix + ".auth.* sets none.",
                    "Set " + this.prefix + ".auth.type to one of " + AuthType.validValues()
                            + ", with the credentials it needs.");
        }
        return this.authType;
    }

    /**
     * Returns where the credentials of the client may be sent: Twilio's hosts, the hosts of its
     * base URL and token URL, and its configured allowed hosts.
     * @return the allowed hosts
     */
    AllowedHosts allowedHosts() {
        List<@Nullable String> hosts = new ArrayList<>(auth().getAllowedHosts());
        hosts.add(AllowedHosts.hostOf(tokenUrl()));
        return endpoints().allowedHosts(hosts, auth().isAllowInsecureHttp());
    }

    /**
     * Returns where the client's API calls go.
     * @return its endpoints
     * @throws TwilioConfigurationException when the base URL is not a secure absolute URL, or
     * the region names no host Twilio serves
     */
    TwilioEndpoints endpoints() {
        requireSecure(this.properties.getBaseUrl(), "base-url");
        try {
            return new TwilioEndpoints(this.properties.getBaseUrl(), this.properties.getRegion(),
                    this.properties.getEdge());
        }
        catch (IllegalArgumentException ex) {
            String region = this.prefix + ".region";
            throw new TwilioConfigurationException(region, region + ": " + ex.getMessage(),
                    "Set " + this.prefix + ".edge to the edge of region '" + this.properties.getRegion()
                            + "', or set " + region + " to us1, ie1 or au1, or remove it.");
        }
    }

    /**
     * Fails unless a SID is absent or has the given two-letter prefix and 32 hexadecimal digits.
     * @param sid the configured SID
     * @param property its property, relative to the client's prefix
     * @param prefix the SID's expected prefix, {@code AC} or {@code SK}
     */
    void requireSid(@Nullable String sid, String property, String prefix) {
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

    /**
     * Fails unless a URL is absent, or absolute and secure: HTTPS, or plain HTTP to a loopback
     * address or where {@code auth.allow-insecure-http} allows it.
     * @param url the configured URL
     * @param property its property, relative to the client's prefix
     */
    void requireSecure(@Nullable String url, String property) {
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
        if (insecure && !auth().isAllowInsecureHttp()) {
            throw new TwilioConfigurationException(name,
                    name + " uses plain http to " + uri.getHost() + ": Twilio credentials would travel unencrypted.",
                    "Use an https URL, or, for a trusted network only, set " + this.prefix
                            + ".auth.allow-insecure-http=true.");
        }
    }

    /**
     * Returns a value the client's auth type requires, or fails naming its property.
     * @param value the configured value
     * @param property its property, relative to the client's prefix
     * @param why why the type requires it, or {@code null}
     * @param where where its value comes from, appended to "Set {property}" in the action
     * @return the value
     */
    String require(@Nullable String value, String property, @Nullable String why, String where) {
        if (hasText(value)) {
            return value;
        }
        String name = this.prefix + "." + property;
        throw new TwilioConfigurationException(name,
                name + " is required when " + this.prefix + ".auth.type=" + requireAuthType().type().getValue()
                        + ((why != null) ? "; " + why : "") + ".",
                "Set " + name + where + ".");
    }

    /**
     * The shared token client, or, when the token endpoint is the base URL's, a copy of it whose
     * requests name the host they stand for, {@value #TOKEN_HOST}, as API calls on the base URL
     * do: a stand-in or proxy serving every product on one address routes them by it. Only
     * clients with a base URL get a copy of their own; it shares the HTTP client.
     */
    private @Nullable RestClient standingIn(@Nullable RestClient shared) {
        boolean onBaseUrl = !hasText(auth().getTokenUrl()) && hasText(this.properties.getBaseUrl());
        return (shared != null && onBaseUrl) ? namingTokenHost(shared) : shared;
    }

    /**
     * Returns a copy of the shared token client whose requests name the Twilio host they stand
     * for, {@value #TOKEN_HOST}: the token client of the clients whose token endpoint is on their
     * base URL.
     * @param shared the shared token client
     * @return the copy, which shares its HTTP client
     */
    static RestClient namingTokenHost(RestClient shared) {
        return shared.mutate().defaultHeader(TwilioEndpoints.FORWARDED_HOST, TOKEN_HOST).build();
    }

    /** The client's token endpoint: the configured one, else its base URL's, else Twilio's. */
    String tokenUrl() {
        String tokenUrl = auth().getTokenUrl();
        if (hasText(tokenUrl)) {
            return tokenUrl;
        }
        String baseUrl = this.properties.getBaseUrl();
        return hasText(baseUrl) ? baseUrl.replaceAll("/+$", "") + TwilioEndpoints.TOKEN_PATH
                : TokenManagerOptions.DEFAULT_TOKEN_URL;
    }

    @Contract("null -> false")
    static boolean hasText(@Nullable String value) {
        return value != null && !value.isBlank();
    }

    @Override
    public String toString() {
        return "ConfiguredClient[prefix=" + this.prefix + ", authType=" + authType() + "]";
    }
}
