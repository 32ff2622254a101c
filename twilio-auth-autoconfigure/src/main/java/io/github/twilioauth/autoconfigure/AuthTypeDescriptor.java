package io.github.twilioauth.autoconfigure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import io.github.twilioauth.credential.AuthType;
import io.github.twilioauth.credential.CredentialProvider;
import io.github.twilioauth.token.CachingTokenManager;
import io.github.twilioauth.token.TokenManager;
import io.github.twilioauth.token.TokenManagerOptions;
import io.github.twilioauth.token.TokenManagerSettings;
import org.jspecify.annotations.Nullable;

/**
 * One {@link AuthType} as the starter configures it from a client's {@code auth.*} properties:
 * which credentials imply it when {@code auth.type} is not set, whether it authenticates with
 * OAuth tokens (and so needs the token engine), which properties it requires, and how its
 * {@link CredentialProvider} and built-in token manager are built. Everything the starter does
 * differently for one type is here, and nowhere else.
 * <p>
 * {@link #of(AuthType)} is the one switch over {@code AuthType} of the starter: a new type is a
 * constant of the enum and a subclass of this, and the compiler asks for both. Descriptors are
 * stateless; there is one of each.
 */
abstract class AuthTypeDescriptor {

    private final AuthType type;

    AuthTypeDescriptor(AuthType type) {
        this.type = type;
    }

    /**
     * Returns the descriptor of a type.
     * @param type the auth type
     * @return its descriptor
     */
    static AuthTypeDescriptor of(AuthType type) {
        return switch (type) {
            case BASIC -> BasicAuthDescriptor.INSTANCE;
            case CLIENT_CREDENTIALS -> ClientCredentialsAuthDescriptor.INSTANCE;
            case ORGS -> OrgsAuthDescriptor.INSTANCE;
            case NOAUTH -> NoAuthDescriptor.INSTANCE;
        };
    }

    /**
     * Resolves the auth type of a client: its {@code auth.type} when set, otherwise the one type
     * that the credentials present imply.
     * @param auth the client's {@code auth.*} properties
     * @param prefix where the client's properties are, such as {@code twilio}, for messages
     * @return the descriptor of the type, or {@code null} when no credentials are configured
     * @throws TwilioConfigurationException when credentials of several types are present and
     * {@code auth.type} does not say which is meant
     */
    static @Nullable AuthTypeDescriptor resolve(ProviderConfig auth, String prefix) {
        AuthType configured = auth.getType();
        if (configured != null) {
            return of(configured);
        }
        List<AuthTypeDescriptor> implied = new ArrayList<>();
        List<String> credentials = new ArrayList<>();
        // The types of OAuth tokens first: their client id names the credential most precisely.
        Arrays.stream(AuthType.values())
            .map(AuthTypeDescriptor::of)
            .sorted(Comparator.comparing((AuthTypeDescriptor descriptor) -> !descriptor.usesTokens()))
            .forEach((descriptor) -> {
                String present = descriptor.impliedBy(auth, prefix);
                if (present != null) {
                    implied.add(descriptor);
                    credentials.add(present);
                }
            });
        if (implied.size() > 1) {
            String property = prefix + ".auth.type";
            throw new TwilioConfigurationException(property,
                    "Both " + String.join(" and ", credentials) + " are set, so the auth type is ambiguous; set "
                            + property + ".",
                    "Set " + property + " to " + implied.stream()
                        .map((descriptor) -> "'" + descriptor.type().getValue() + "'")
                        .collect(Collectors.joining(" or ")) + ", or remove the credentials you do not use.");
        }
        return implied.isEmpty() ? null : implied.get(0);
    }

    /**
     * Returns the auth type described.
     * @return the type
     */
    final AuthType type() {
        return this.type;
    }

    /**
     * Returns the credentials present that imply this type when {@code auth.type} is not set,
     * described for a message such as {@code basic credentials (twilio.auth.auth-token or
     * api-key)}. No credentials imply a type unless its descriptor says so.
     * @param auth the client's {@code auth.*} properties
     * @param prefix where the client's properties are
     * @return the description, or {@code null} when no credentials present imply this type
     */
    @Nullable String impliedBy(ProviderConfig auth, String prefix) {
        return null;
    }

    /**
     * Returns how the built-in token manager of this type is created, from the client's options
     * and settings; {@code null} for a type that does not authenticate with OAuth tokens.
     * @return the constructor of the built-in token manager, or {@code null}
     */
    @Nullable BiFunction<TokenManagerOptions, TokenManagerSettings, CachingTokenManager> builtInTokenManager() {
        return null;
    }

    /**
     * Returns whether this type authenticates with OAuth tokens, which a {@link TokenManager}
     * supplies: the application's or a built-in one on the shared token engine.
     * @return whether the type uses tokens
     */
    final boolean usesTokens() {
        return builtInTokenManager() != null;
    }

    /**
     * Builds the credential provider of a client of this type, checking the properties the type
     * requires.
     * @param client the client
     * @param tokenManager the token manager of a type that uses tokens (the application's or the
     * client's built-in one); {@code null} for the other types
     * @return the credential provider
     * @throws TwilioConfigurationException naming a property that is missing or wrong
     */
    abstract CredentialProvider credentialProvider(ConfiguredClient client, @Nullable TokenManager tokenManager);

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + this.type + "]";
    }
}
