package io.github.twilioauth.credential;

import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link BasicCredentialProvider}.
 */
public final class BasicCredentialProviderBuilder {

    private @Nullable String username;

    private @Nullable String password;

    /**
     * Sets the Account SID ({@code AC...}) or API Key SID ({@code SK...}).
     * @param username the username
     * @return this builder
     */
    public BasicCredentialProviderBuilder setUsername(String username) {
        this.username = username;
        return this;
    }

    /**
     * Sets the Auth Token or API Key secret.
     * @param password the password
     * @return this builder
     */
    public BasicCredentialProviderBuilder setPassword(String password) {
        this.password = password;
        return this;
    }

    /**
     * Builds the provider.
     * @return the provider
     * @throws IllegalStateException when the username or password is missing or blank
     */
    public BasicCredentialProvider build() {
        String username = CredentialProvider.requireText(this.username, "username", "BasicCredentialProviderBuilder");
        String password = CredentialProvider.requireText(this.password, "password", "BasicCredentialProviderBuilder");
        return new BasicCredentialProvider(username, password);
    }
}
