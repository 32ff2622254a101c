package io.github.twilioauth.credential;

import java.util.Objects;

import io.github.twilioauth.strategy.AuthStrategy;
import org.jspecify.annotations.Nullable;

/**
 * Credentials for Twilio requests, turned into an {@link AuthStrategy} that authenticates them.
 * <p>
 * Implementations are immutable and thread-safe, and {@link #toAuthStrategy()} returns the same
 * strategy on every call, so a token is cached for the provider's lifetime.
 */
public abstract class CredentialProvider {

    private final AuthType authType;

    /**
     * Creates a provider of the given type.
     * @param authType the kind of authentication
     */
    protected CredentialProvider(AuthType authType) {
        this.authType = Objects.requireNonNull(authType, "authType must not be null");
    }

    /**
     * Returns the kind of authentication.
     * @return the auth type
     */
    public AuthType getAuthType() {
        return this.authType;
    }

    /**
     * Returns the strategy that authenticates requests with these credentials.
     * @return the same strategy on every call
     */
    public abstract AuthStrategy toAuthStrategy();

    static String requireText(@Nullable String value, String field, String builder) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(builder + ": " + field + " is required but was "
                    + ((value == null) ? "not set" : "blank"));
        }
        return value;
    }
}
