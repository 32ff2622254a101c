package io.github.twilioauth.credential;

import io.github.twilioauth.strategy.AuthStrategy;
import io.github.twilioauth.strategy.BasicAuthStrategy;

/**
 * HTTP Basic credentials: an Account SID ({@code AC...}) with its Auth Token, or an API Key SID
 * ({@code SK...}) with its secret. Create with {@link BasicCredentialProviderBuilder}.
 */
public final class BasicCredentialProvider extends CredentialProvider {

    private final String username;

    private final BasicAuthStrategy strategy;

    BasicCredentialProvider(String username, String password) {
        super(AuthType.BASIC);
        this.username = username;
        this.strategy = new BasicAuthStrategy(username, password);
    }

    /**
     * Returns the Account SID or API Key SID.
     * @return the username
     */
    public String getUsername() {
        return this.username;
    }

    @Override
    public AuthStrategy toAuthStrategy() {
        return this.strategy;
    }

    @Override
    public String toString() {
        return "BasicCredentialProvider[username=" + this.username + ", password=******]";
    }
}
