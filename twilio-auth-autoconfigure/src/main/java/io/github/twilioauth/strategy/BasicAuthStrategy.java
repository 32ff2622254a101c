package io.github.twilioauth.strategy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * HTTP Basic authentication with an Account SID and Auth Token, or an API Key SID and secret.
 * <p>
 * The header value is encoded once, at construction.
 */
public final class BasicAuthStrategy implements AuthStrategy {

    private final String username;

    private final String authorization;

    /**
     * Creates the strategy.
     * @param username the Account SID or API Key SID
     * @param password the Auth Token or API Key secret
     */
    public BasicAuthStrategy(String username, String password) {
        Objects.requireNonNull(username, "username must not be null");
        Objects.requireNonNull(password, "password must not be null");
        this.username = username;
        this.authorization = "Basic "
                + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public RequestConfig apply(RequestConfig request) {
        return request.withHeader(RequestConfig.AUTHORIZATION, this.authorization);
    }

    @Override
    public String authorizationHeader() {
        return this.authorization;
    }

    @Override
    public String toString() {
        return "BasicAuthStrategy[username=" + this.username + ", password=******]";
    }
}
