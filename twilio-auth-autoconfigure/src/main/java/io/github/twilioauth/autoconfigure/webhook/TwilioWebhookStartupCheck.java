package io.github.twilioauth.autoconfigure.webhook;

import java.util.function.BooleanSupplier;

import io.github.twilioauth.autoconfigure.TwilioConfigurationException;
import io.github.twilioauth.webhook.InMemoryAuthTokenResolver;
import io.github.twilioauth.webhook.TwilioWebhookAuthTokenResolver;

import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Fails startup when webhook validation applies to something, configured paths or
 * {@code @TwilioWebhook} handlers, but the built-in resolver knows no Auth Token to check
 * signatures with: every webhook would be rejected.
 * <p>
 * Runs once all singletons exist, when the handler mappings have registered their methods.
 */
final class TwilioWebhookStartupCheck implements SmartInitializingSingleton {

    private final TwilioWebhookAuthTokenResolver resolver;

    private final boolean hasPaths;

    private final BooleanSupplier hasAnnotatedHandlers;

    TwilioWebhookStartupCheck(TwilioWebhookAuthTokenResolver resolver, boolean hasPaths,
            BooleanSupplier hasAnnotatedHandlers) {
        this.resolver = resolver;
        this.hasPaths = hasPaths;
        this.hasAnnotatedHandlers = hasAnnotatedHandlers;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!(this.resolver instanceof InMemoryAuthTokenResolver builtIn) || builtIn.hasAuthTokens()) {
            return;
        }
        if (!this.hasPaths && !this.hasAnnotatedHandlers.getAsBoolean()) {
            return;
        }
        throw new TwilioConfigurationException("twilio.webhook.auth-token",
                "Twilio webhook validation is on for " + (this.hasPaths ? "twilio.webhook.paths" : "@TwilioWebhook handlers")
                        + ", but no Auth Token to check signatures with is configured (twilio.webhook.auth-token,"
                        + " twilio.auth.auth-token or a tenant's webhook.auth-token): every webhook would be rejected.",
                "Set twilio.webhook.auth-token (or twilio.auth.auth-token) to the Auth Token of your account, or"
                        + " twilio.tenants.<name>.webhook.auth-token for each tenant, or define a"
                        + " TwilioWebhookAuthTokenResolver bean. Set twilio.webhook.enabled=false to turn validation off.");
    }
}
