package io.github.twilioauth.webhook;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Finds the Auth Tokens that may have signed a webhook: those of the account the request is for.
 * <p>
 * Twilio signs with the Auth Token of the account (or subaccount) whose resource the request is
 * about, also when the application calls the API with API keys or OAuth. A bean of this type
 * replaces the one built from {@code twilio.webhook.*} and {@code twilio.tenants.*}, for
 * applications that keep thousands of subaccounts in a store of their own.
 * <p>
 * Called for every validated request, from any thread: implementations must be thread-safe, and
 * should answer from memory (a cache in front of a store).
 */
@FunctionalInterface
public interface TwilioWebhookAuthTokenResolver {

    /**
     * Returns the Auth Tokens to check a request's signature with.
     * @param accountSid the {@code AccountSid} the request carries (form or query parameter), or
     * {@code null} when it carries none, as JSON webhooks do
     * @return the tokens, the primary first and then a secondary one while it is being rotated;
     * empty when the account is unknown, which rejects the request
     */
    List<String> resolveAuthTokens(@Nullable String accountSid);

    /**
     * Returns the name of the tenant whose tokens check the requests of an account, for
     * {@link TwilioWebhookAccount#tenant()}.
     * @param accountSid the {@code AccountSid} of a request
     * @return the tenant's name, or {@code null} when the account is no tenant of the
     * application's, which the default answers
     */
    default @Nullable String resolveTenant(String accountSid) {
        return null;
    }
}
