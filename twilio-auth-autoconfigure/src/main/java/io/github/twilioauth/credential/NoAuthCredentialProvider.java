package io.github.twilioauth.credential;

import io.github.twilioauth.strategy.AuthStrategy;
import io.github.twilioauth.strategy.NoAuthStrategy;

/**
 * Sends requests without credentials.
 */
public final class NoAuthCredentialProvider extends CredentialProvider {

    private final NoAuthStrategy strategy = new NoAuthStrategy();

    /**
     * Creates the provider.
     */
    public NoAuthCredentialProvider() {
        super(AuthType.NOAUTH);
    }

    @Override
    public AuthStrategy toAuthStrategy() {
        return this.strategy;
    }

    @Override
    public String toString() {
        return "NoAuthCredentialProvider";
    }
}
