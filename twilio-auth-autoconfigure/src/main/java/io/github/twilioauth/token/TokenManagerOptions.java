package io.github.twilioauth.token;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * What a built-in {@link TokenManager} fetches: the client credentials, the token endpoint and
 * an optional bound on how long one token is used. How it fetches and renews (timeouts,
 * retries, threads, clock) is {@link TokenManagerSettings}. Create with {@link #builder()}.
 *
 * @param grantType the OAuth grant type, {@code client_credentials} by default
 * @param clientId the OAuth client id
 * @param clientSecret the OAuth client secret
 * @param tokenUrl the token endpoint, {@code https://oauth.twilio.com/v2/token} by default
 * @param cacheTtl upper bound on how long one token is used, or {@code null} for none
 */
public record TokenManagerOptions(String grantType, @Nullable String clientId, @Nullable String clientSecret,
        String tokenUrl, @Nullable Duration cacheTtl) {

    /** Twilio's OAuth token endpoint. */
    public static final String DEFAULT_TOKEN_URL = "https://oauth.twilio.com/v2/token";

    /** The client credentials grant type. */
    public static final String CLIENT_CREDENTIALS = "client_credentials";

    /**
     * Applies the defaults and checks the cache TTL.
     */
    public TokenManagerOptions {
        grantType = (grantType != null) ? grantType : CLIENT_CREDENTIALS;
        tokenUrl = (tokenUrl != null) ? tokenUrl : DEFAULT_TOKEN_URL;
        if (cacheTtl != null && (cacheTtl.isNegative() || cacheTtl.isZero())) {
            throw new IllegalArgumentException("cacheTtl must be positive but was " + cacheTtl);
        }
    }

    /**
     * Returns a builder with the defaults.
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String toString() {
        return "TokenManagerOptions[grantType=" + this.grantType + ", clientId=" + this.clientId + ", clientSecret="
                + ((this.clientSecret != null) ? "******" : "null") + ", tokenUrl=" + this.tokenUrl + ", cacheTtl="
                + this.cacheTtl + "]";
    }

    /**
     * Builder of {@link TokenManagerOptions}.
     */
    public static final class Builder {

        private String grantType = CLIENT_CREDENTIALS;

        private @Nullable String clientId;

        private @Nullable String clientSecret;

        private String tokenUrl = DEFAULT_TOKEN_URL;

        private @Nullable Duration cacheTtl;

        private Builder() {
        }

        /**
         * Sets the OAuth grant type.
         * @param grantType the grant type
         * @return this builder
         */
        public Builder grantType(String grantType) {
            this.grantType = grantType;
            return this;
        }

        /**
         * Sets the OAuth client id.
         * @param clientId the client id
         * @return this builder
         */
        public Builder clientId(String clientId) {
            this.clientId = clientId;
            return this;
        }

        /**
         * Sets the OAuth client secret.
         * @param clientSecret the client secret
         * @return this builder
         */
        public Builder clientSecret(String clientSecret) {
            this.clientSecret = clientSecret;
            return this;
        }

        /**
         * Sets the token endpoint.
         * @param tokenUrl the absolute URL of the token endpoint
         * @return this builder
         */
        public Builder tokenUrl(String tokenUrl) {
            this.tokenUrl = tokenUrl;
            return this;
        }

        /**
         * Sets an upper bound on how long one token is used.
         * @param cacheTtl the bound, or {@code null} for none
         * @return this builder
         */
        public Builder cacheTtl(@Nullable Duration cacheTtl) {
            this.cacheTtl = cacheTtl;
            return this;
        }

        /**
         * Builds the options.
         * @return the options
         */
        public TokenManagerOptions build() {
            return new TokenManagerOptions(this.grantType, this.clientId, this.clientSecret, this.tokenUrl,
                    this.cacheTtl);
        }
    }
}
