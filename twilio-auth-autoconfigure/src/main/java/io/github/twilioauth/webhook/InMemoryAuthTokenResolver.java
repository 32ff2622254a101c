package io.github.twilioauth.webhook;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The built-in {@link TwilioWebhookAuthTokenResolver}: Auth Tokens per account SID, for the
 * tenants of an application, and default tokens for every other request, for the single account.
 * <p>
 * A request whose {@code AccountSid} is one of the accounts is checked with that account's
 * tokens only; any other request, with no {@code AccountSid} or another one, with the default
 * tokens. An account registered as a {@linkplain Builder#tenant tenant}'s is named by
 * {@link #resolveTenant(String)}. Immutable and thread-safe; {@link #toString()} shows no token.
 */
public final class InMemoryAuthTokenResolver implements TwilioWebhookAuthTokenResolver {

    private final List<String> defaultTokens;

    private final Map<String, List<String>> accountTokens;

    private final Map<String, String> accountTenants;

    private InMemoryAuthTokenResolver(List<String> defaultTokens, Map<String, List<String>> accountTokens,
            Map<String, String> accountTenants) {
        this.defaultTokens = defaultTokens;
        this.accountTokens = accountTokens;
        this.accountTenants = accountTenants;
    }

    /**
     * Returns a new builder.
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public List<String> resolveAuthTokens(@Nullable String accountSid) {
        @Nullable List<String> tokens = (accountSid != null) ? this.accountTokens.get(accountSid) : null;
        return (tokens != null) ? tokens : this.defaultTokens;
    }

    /**
     * Returns the tokens of one of the accounts, never the default ones.
     * @param accountSid the account SID
     * @return its tokens, or {@code null} when it is none of the accounts
     */
    public @Nullable List<String> accountAuthTokens(String accountSid) {
        return this.accountTokens.get(accountSid);
    }

    @Override
    public @Nullable String resolveTenant(String accountSid) {
        return this.accountTenants.get(accountSid);
    }

    /**
     * Returns whether any token is known, default or per account.
     * @return whether some request can be accepted
     */
    public boolean hasAuthTokens() {
        return !this.defaultTokens.isEmpty() || !this.accountTokens.isEmpty();
    }

    @Override
    public String toString() {
        return "InMemoryAuthTokenResolver[defaultTokens=" + this.defaultTokens.size() + ", accounts="
                + this.accountTokens.keySet() + "]";
    }

    /**
     * Builder of {@link InMemoryAuthTokenResolver}. Not thread-safe.
     */
    public static final class Builder {

        private final List<String> defaultTokens = new ArrayList<>();

        private final Map<String, List<String>> accountTokens = new HashMap<>();

        private final Map<String, String> accountTenants = new HashMap<>();

        private Builder() {
        }

        /**
         * Sets the tokens of requests that name no known account.
         * @param primary the Auth Token, or {@code null} or blank for none
         * @param secondary a second Auth Token accepted while the primary is rotated, or
         * {@code null} or blank for none
         * @return this builder
         */
        public Builder defaultAuthTokens(@Nullable String primary, @Nullable String secondary) {
            this.defaultTokens.clear();
            this.defaultTokens.addAll(tokens(primary, secondary));
            return this;
        }

        /**
         * Sets the tokens of one account.
         * @param accountSid the account SID that requests carry in {@code AccountSid}
         * @param primary the account's Auth Token, or {@code null} or blank for none
         * @param secondary a second Auth Token accepted while the primary is rotated, or
         * {@code null} or blank for none
         * @return this builder
         */
        public Builder account(String accountSid, @Nullable String primary, @Nullable String secondary) {
            Objects.requireNonNull(accountSid, "accountSid");
            List<String> tokens = tokens(primary, secondary);
            if (!tokens.isEmpty()) {
                this.accountTokens.put(accountSid, tokens);
            }
            return this;
        }

        /**
         * Sets the tokens of the account of a tenant, whose name
         * {@link InMemoryAuthTokenResolver#resolveTenant(String)} then returns for the account.
         * @param tenant the tenant's name
         * @param accountSid the tenant's account SID, which requests carry in {@code AccountSid}
         * @param primary the account's Auth Token, or {@code null} or blank for none
         * @param secondary a second Auth Token accepted while the primary is rotated, or
         * {@code null} or blank for none
         * @return this builder
         */
        public Builder tenant(String tenant, String accountSid, @Nullable String primary, @Nullable String secondary) {
            Objects.requireNonNull(tenant, "tenant");
            account(accountSid, primary, secondary);
            if (this.accountTokens.containsKey(accountSid)) {
                this.accountTenants.put(accountSid, tenant);
            }
            return this;
        }

        /**
         * Builds the resolver.
         * @return the resolver
         */
        public InMemoryAuthTokenResolver build() {
            return new InMemoryAuthTokenResolver(List.copyOf(this.defaultTokens), Map.copyOf(this.accountTokens),
                    Map.copyOf(this.accountTenants));
        }

        private static List<String> tokens(@Nullable String primary, @Nullable String secondary) {
            List<String> tokens = new ArrayList<>(2);
            if (primary != null && !primary.isBlank()) {
                tokens.add(primary);
            }
            if (secondary != null && !secondary.isBlank() && !secondary.equals(primary)) {
                tokens.add(secondary);
            }
            return List.copyOf(tokens);
        }
    }
}
