package io.github.twilioauth.client;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

import io.github.twilioauth.Sids;
import io.github.twilioauth.credential.CredentialProvider;
import org.jspecify.annotations.Nullable;

/**
 * One tenant as a {@link TwilioTenantRepository} describes it: its account, its credentials,
 * the region and edge its API calls go to, and the Auth Tokens its webhooks are signed with.
 * Create with {@link #builder()}.
 * <p>
 * The credentials are any provider of the existing builders, or one of the application's own. An
 * OAuth provider ({@code client-credentials} or {@code orgs}) built without a token manager gets
 * one of its own on the starter's shared token engine; a provider with a token manager the
 * application gave it keeps it, and it is never closed for the application. A tenant has no base
 * URL: its calls go to {@code twilio.base-url} when that is set, else to the hosts of its region
 * and edge. {@link #toString()} shows no Auth Token.
 *
 * @param accountSid the account in {@code /2010-04-01/Accounts/{sid}} paths; when {@code null},
 * the Account SID of Basic credentials, if they are an Account SID and Auth Token
 * @param credentials the credentials of the tenant's API calls
 * @param region the Twilio region, such as {@code ie1}, or {@code null}
 * @param edge the Twilio edge location, such as {@code dublin}, or {@code null}
 * @param webhookAuthTokens the Auth Tokens that may sign the account's webhooks, the primary
 * first, then one accepted while the primary is rotated; empty when its webhooks are not checked
 * with the tenant's own
 */
public record TwilioTenant(@Nullable String accountSid, CredentialProvider credentials, @Nullable String region,
        @Nullable String edge, List<String> webhookAuthTokens) {

    /**
     * Checks the values.
     * @throws IllegalArgumentException when the account SID is not {@code AC} and 32
     * hexadecimal characters, credentials are missing, or the region names no host Twilio serves
     * (a region other than {@code us1}, {@code ie1} and {@code au1} without an edge)
     */
    public TwilioTenant {
        if (accountSid != null && !Sids.isSid(accountSid, "AC")) {
            throw new IllegalArgumentException("TwilioTenant.accountSid must be 'AC' followed by 32 hexadecimal"
                    + " characters, but it has " + accountSid.length() + " characters");
        }
        requireCredentials(credentials);
        try {
            new TwilioEndpoints(null, region, edge);
        }
        catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("TwilioTenant.region: " + ex.getMessage(), ex);
        }
        webhookAuthTokens = List.copyOf(Objects.requireNonNull(webhookAuthTokens, "webhookAuthTokens"));
    }

    private static CredentialProvider requireCredentials(@Nullable CredentialProvider credentials) {
        if (credentials == null) {
            throw new IllegalArgumentException("TwilioTenant.credentials is required: a CredentialProvider such as"
                    + " new BasicCredentialProviderBuilder()...build()");
        }
        return credentials;
    }

    /**
     * Returns a new builder.
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the account of the tenant's calls: the one given, else the Account SID of Basic
     * credentials made of an Account SID and Auth Token.
     * @return the account SID, or {@code null} when neither says one
     */
    @Nullable String account() {
        return TwilioClient.accountSidOf(this.credentials, this.accountSid);
    }

    @Override
    public String toString() {
        return "TwilioTenant[accountSid=" + this.accountSid + ", credentials=" + this.credentials + ", region="
                + this.region + ", edge=" + this.edge + ", webhookAuthTokens=" + this.webhookAuthTokens.size()
                + " masked]";
    }

    /**
     * Builder of {@link TwilioTenant}. Not thread-safe.
     */
    public static final class Builder {

        private @Nullable String accountSid;

        private @Nullable CredentialProvider credentials;

        private @Nullable String region;

        private @Nullable String edge;

        private final List<String> webhookAuthTokens = new ArrayList<>();

        private Builder() {
        }

        /**
         * Sets the account of the tenant's calls.
         * @param accountSid the Account SID ({@code AC...}), or {@code null}
         * @return this builder
         */
        public Builder accountSid(@Nullable String accountSid) {
            this.accountSid = accountSid;
            return this;
        }

        /**
         * Sets the credentials of the tenant's API calls.
         * @param credentials a provider of any auth type
         * @return this builder
         */
        public Builder credentials(CredentialProvider credentials) {
            this.credentials = credentials;
            return this;
        }

        /**
         * Sets the Twilio region of the tenant's API calls.
         * @param region the region, such as {@code ie1}, or {@code null} for the global hosts
         * @return this builder
         */
        public Builder region(@Nullable String region) {
            this.region = region;
            return this;
        }

        /**
         * Sets the Twilio edge location of the tenant's API calls.
         * @param edge the edge, such as {@code dublin}, or {@code null}
         * @return this builder
         */
        public Builder edge(@Nullable String edge) {
            this.edge = edge;
            return this;
        }

        /**
         * Sets the Auth Tokens that may sign the account's webhooks; {@code null} and blank ones
         * are ignored, and so are repeats.
         * @param authTokens the primary Auth Token, then one accepted while it is rotated
         * @return this builder
         */
        public Builder webhookAuthTokens(@Nullable String... authTokens) {
            LinkedHashSet<String> tokens = new LinkedHashSet<>();
            for (String token : authTokens) {
                if (token != null && !token.isBlank()) {
                    tokens.add(token);
                }
            }
            this.webhookAuthTokens.clear();
            this.webhookAuthTokens.addAll(tokens);
            return this;
        }

        /**
         * Builds the tenant.
         * @return the tenant
         * @throws IllegalArgumentException when a value is missing or wrong, see
         * {@link TwilioTenant#TwilioTenant}
         */
        public TwilioTenant build() {
            return new TwilioTenant(this.accountSid, requireCredentials(this.credentials), this.region, this.edge,
                    this.webhookAuthTokens);
        }
    }
}
