package io.github.twilioauth.autoconfigure;

import io.github.twilioauth.credential.AuthType;
import io.github.twilioauth.credential.CredentialProvider;
import io.github.twilioauth.credential.NoAuthCredentialProvider;
import io.github.twilioauth.token.TokenManager;
import org.jspecify.annotations.Nullable;

/**
 * {@code noauth}: no credentials at all. Never implied: it has none to be implied by.
 */
final class NoAuthDescriptor extends AuthTypeDescriptor {

    static final NoAuthDescriptor INSTANCE = new NoAuthDescriptor();

    private NoAuthDescriptor() {
        super(AuthType.NOAUTH);
    }

    @Override
    CredentialProvider credentialProvider(ConfiguredClient client, @Nullable TokenManager tokenManager) {
        return new NoAuthCredentialProvider();
    }
}
