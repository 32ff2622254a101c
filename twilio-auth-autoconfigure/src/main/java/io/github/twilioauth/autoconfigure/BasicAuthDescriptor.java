package io.github.twilioauth.autoconfigure;

import io.github.twilioauth.credential.AuthType;
import io.github.twilioauth.credential.BasicCredentialProviderBuilder;
import io.github.twilioauth.credential.CredentialProvider;
import io.github.twilioauth.token.TokenManager;
import org.jspecify.annotations.Nullable;

import static io.github.twilioauth.autoconfigure.ConfiguredClient.hasText;

/**
 * {@code basic}: HTTP Basic with the account's Auth Token, or with an API key and its secret,
 * implied by either. Both need the Account SID: as the username, or to name the account in API
 * paths.
 */
final class BasicAuthDescriptor extends AuthTypeDescriptor {

    static final BasicAuthDescriptor INSTANCE = new BasicAuthDescriptor();

    private BasicAuthDescriptor() {
        super(AuthType.BASIC);
    }

    @Override
    @Nullable String impliedBy(ProviderConfig auth, String prefix) {
        return (hasText(auth.getAuthToken()) || hasText(auth.getApiKey()))
                ? "basic credentials (" + prefix + ".auth.auth-token or api-key)" : null;
    }

    @Override
    CredentialProvider credentialProvider(ConfiguredClient client, @Nullable TokenManager tokenManager) {
        String prefix = client.prefix();
        ProviderConfig auth = client.auth();
        String apiKey = auth.getApiKey();
        if (hasText(apiKey)) {
            client.requireSid(apiKey, "auth.api-key", "SK");
            String apiSecret = client.require(auth.getApiSecret(), "auth.api-secret",
                    "it is required with " + prefix + ".auth.api-key", "");
            client.require(client.properties().getAccountSid(), "account-sid",
                    "it names the account in API paths and is required with " + prefix + ".auth.api-key", "");
            return new BasicCredentialProviderBuilder().setUsername(apiKey).setPassword(apiSecret).build();
        }
        String authToken = client.require(auth.getAuthToken(), "auth.auth-token",
                "basic authentication needs " + prefix + ".auth.auth-token with " + prefix + ".account-sid, or "
                        + prefix + ".auth.api-key with " + prefix + ".auth.api-secret", "");
        String username = client.require(client.properties().getAccountSid(), "account-sid",
                "it is the username that goes with " + prefix + ".auth.auth-token", "");
        return new BasicCredentialProviderBuilder().setUsername(username).setPassword(authToken).build();
    }
}
