package io.github.twilioauth.webhook;

import org.jspecify.annotations.Nullable;

/**
 * The account a validated webhook request is for, and the configured tenant whose Auth Token
 * validated it. The servlet and reactive adapters put it in a request attribute once the
 * signature is valid, so a handler reads it with
 * {@code @RequestAttribute(TwilioWebhookAccount.ATTRIBUTE) TwilioWebhookAccount account}, on
 * Spring MVC and WebFlux alike.
 *
 * @param accountSid the request's {@code AccountSid} (form or query parameter), or {@code null}
 * when it carries none, as JSON webhooks do
 * @param tenant the name of the tenant ({@code twilio.tenants.<name>}) of that account, or
 * {@code null} when the request was checked with the tokens of the single client
 * ({@code twilio.webhook.*}) or by a resolver that names no tenants
 */
public record TwilioWebhookAccount(@Nullable String accountSid, @Nullable String tenant) {

    /** The name of the request attribute, and exchange attribute, that holds the account: the class name. */
    public static final String ATTRIBUTE = "io.github.twilioauth.webhook.TwilioWebhookAccount";
}
