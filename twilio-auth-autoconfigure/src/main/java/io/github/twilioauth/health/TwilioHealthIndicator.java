package io.github.twilioauth.health;

import java.util.Objects;

import io.github.twilioauth.credential.CredentialProvider;
import io.github.twilioauth.credential.OAuthCredentialProvider;
import io.github.twilioauth.token.TokenManager;
import io.github.twilioauth.token.TokenStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * Reports the Twilio credentials of a {@link CredentialProvider}: detail {@code authType} and,
 * when the token manager of its bearer tokens reports a {@linkplain TokenManager#status() status}
 * (the built-in ones do, an application's may), what it knows about its token
 * ({@code tokenValid}, {@code tokenUsableUntil}, {@code lastFetchedAt}, {@code lastFailureAt},
 * {@code lastFailureStatus}, {@code lastFailureCode}). Never shows a secret or a token.
 * <p>
 * Status: {@code UP} for credentials without a token manager that reports a status, and for a
 * token manager that holds a usable token or whose last token request succeeded; {@code DOWN}
 * when the last token request failed and no usable token is left; {@code UNKNOWN} before the
 * first token request. A health check requests no token, unless {@code fetchToken} is set: then
 * a check that finds no usable token requests one from a manager that reports a status, and
 * waits for it.
 */
public final class TwilioHealthIndicator implements HealthIndicator {

    private final CredentialProvider credentialProvider;

    private final boolean fetchToken;

    /**
     * Creates an indicator of the given credentials.
     * @param credentialProvider the credentials to report
     * @param fetchToken whether a check requests a token when none is usable
     */
    public TwilioHealthIndicator(CredentialProvider credentialProvider, boolean fetchToken) {
        this.credentialProvider = Objects.requireNonNull(credentialProvider, "credentialProvider must not be null");
        this.fetchToken = fetchToken;
    }

    /**
     * Returns whether credentials are failing, without requesting a token: their token manager
     * reports that its last token request failed and no usable token is left.
     * @param credentialProvider the credentials
     * @return whether their indicator would report {@code DOWN} without {@code fetchToken}
     */
    static boolean isFailing(CredentialProvider credentialProvider) {
        TokenStatus token = statusOf(credentialProvider);
        return token != null && statusOf(token) == Status.DOWN;
    }

    private static @Nullable TokenStatus statusOf(CredentialProvider credentialProvider) {
        TokenManager tokens = (credentialProvider instanceof OAuthCredentialProvider oauth)
                ? oauth.getTokenManager() : null;
        return (tokens != null) ? tokens.status() : null;
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up().withDetail("authType", this.credentialProvider.getAuthType().getValue());
        TokenManager tokens = (this.credentialProvider instanceof OAuthCredentialProvider oauth)
                ? oauth.getTokenManager() : null;
        TokenStatus token = (tokens != null) ? tokens.status() : null;
        if (tokens == null || token == null) {
            return health.build();
        }
        if (!token.tokenValid() && this.fetchToken) {
            token = statusAfterFetching(tokens, token);
        }
        health.status(statusOf(token)).withDetail("tokenValid", token.tokenValid());
        if (token.usableUntil() != null) {
            health.withDetail("tokenUsableUntil", token.usableUntil());
        }
        if (token.lastFetchedAt() != null) {
            health.withDetail("lastFetchedAt", token.lastFetchedAt());
        }
        if (token.lastFailureAt() != null) {
            health.withDetail("lastFailureAt", token.lastFailureAt());
        }
        if (token.lastFailureStatus() != null) {
            health.withDetail("lastFailureStatus", token.lastFailureStatus());
        }
        if (token.lastFailureCode() != null) {
            health.withDetail("lastFailureCode", token.lastFailureCode());
        }
        return health.build();
    }

    private static TokenStatus statusAfterFetching(TokenManager tokens, TokenStatus before) {
        try {
            tokens.getToken();
        }
        catch (RuntimeException ex) {
            // The manager records the failure's status and code; its message stays out of the report.
        }
        TokenStatus after = tokens.status();
        return (after != null) ? after : before;
    }

    private static Status statusOf(TokenStatus token) {
        if (token.tokenValid()) {
            return Status.UP;
        }
        boolean lastRequestFailed = token.lastFailureAt() != null
                && (token.lastFetchedAt() == null || !token.lastFailureAt().isBefore(token.lastFetchedAt()));
        if (lastRequestFailed) {
            return Status.DOWN;
        }
        return (token.lastFetchedAt() != null) ? Status.UP : Status.UNKNOWN;
    }
}
