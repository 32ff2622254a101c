package io.github.twilioauth.strategy;

import java.util.Objects;

import io.github.twilioauth.TwilioAuthenticationException;
import io.github.twilioauth.token.TokenManager;
import org.jspecify.annotations.Nullable;

/**
 * Bearer authentication with an access token from a {@link TokenManager}:
 * {@code Authorization: Bearer <token>}.
 * <p>
 * The header value is built once per token, not per request: as long as the manager returns
 * the same token, the same header string is returned.
 */
public final class TokenAuthStrategy implements AuthStrategy {

    private static final String BEARER = "Bearer ";

    private final TokenManager tokenManager;

    private volatile @Nullable BearerHeader last;

    /**
     * Creates the strategy.
     * @param tokenManager the source of access tokens
     */
    public TokenAuthStrategy(TokenManager tokenManager) {
        this.tokenManager = Objects.requireNonNull(tokenManager, "tokenManager must not be null");
    }

    /**
     * Returns the token manager this strategy takes its tokens from.
     * @return the token manager
     */
    public TokenManager getTokenManager() {
        return this.tokenManager;
    }

    @Override
    public RequestConfig apply(RequestConfig request) {
        return request.withHeader(RequestConfig.AUTHORIZATION, authorizationHeader());
    }

    @Override
    public String authorizationHeader() {
        String token = this.tokenManager.getToken();
        if (token == null || token.isBlank()) {
            throw new TwilioAuthenticationException(
                    this.tokenManager.getClass().getName() + ".getToken() returned no token", 0, null);
        }
        return headerOf(token);
    }

    /**
     * {@inheritDoc}
     * <p>
     * Asks the token manager to replace the rejected token; the request is retried with the
     * token it gives, unless that is the rejected one (see {@link TokenManager#refreshToken(String)}).
     */
    @Override
    public @Nullable String renewAfterRejection(String rejectedHeader) {
        String rejectedToken = rejectedHeader.startsWith(BEARER) ? rejectedHeader.substring(BEARER.length())
                : rejectedHeader;
        String renewed = this.tokenManager.refreshToken(rejectedToken);
        return (renewed == null || renewed.isBlank() || renewed.equals(rejectedToken)) ? null : headerOf(renewed);
    }

    private String headerOf(String token) {
        BearerHeader header = this.last;
        if (header == null || !header.token.equals(token)) {
            header = new BearerHeader(token, BEARER + token);
            this.last = header;
        }
        return header.value;
    }

    @Override
    public String toString() {
        return "TokenAuthStrategy[tokenManager=" + this.tokenManager + "]";
    }

    private record BearerHeader(String token, String value) {

        @Override
        public String toString() {
            return "BearerHeader[******]";
        }
    }
}
