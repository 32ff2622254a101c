package io.github.twilioauth.autoconfigure;

import java.util.Map;
import java.util.Set;

import io.github.twilioauth.client.TwilioClient;
import io.github.twilioauth.client.TwilioClients;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

/**
 * Reports a missing {@link TwilioClient} or {@link TwilioClients} bean with the properties that
 * create it, ahead of Spring Boot's generic "required a bean that could not be found".
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class TwilioClientMissingFailureAnalyzer extends AbstractFailureAnalyzer<NoSuchBeanDefinitionException> {

    private static final String SINGLE_CLIENT_PROPERTIES = "twilio.account-sid with twilio.auth.auth-token (or"
            + " twilio.auth.api-key and twilio.auth.api-secret) for basic authentication, twilio.auth.client-id and"
            + " twilio.auth.client-secret for OAuth client credentials, or twilio.auth.type=noauth";

    private final Environment environment;

    TwilioClientMissingFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    protected @Nullable FailureAnalysis analyze(Throwable rootFailure, NoSuchBeanDefinitionException cause) {
        Class<?> type = cause.getBeanType();
        if (type == TwilioClient.class) {
            Set<String> tenants = tenants();
            return new FailureAnalysis("A TwilioClient bean is required, but none is configured: the starter"
                    + " creates it from the twilio.auth.* properties, and none are set."
                    + (tenants.isEmpty() ? "" : " Tenants " + tenants + " are configured; their clients are in the"
                            + " TwilioClients bean."),
                    "Set " + SINGLE_CLIENT_PROPERTIES + (tenants.isEmpty() ? "." : "; or inject TwilioClients and call"
                            + " get(name) for a tenant's client."),
                    cause);
        }
        if (type == TwilioClients.class) {
            return new FailureAnalysis("A TwilioClients bean is required, but no tenant is configured: the starter"
                    + " creates it from the twilio.tenants.<name>.* properties, and none are set.",
                    "Configure at least one tenant, for example twilio.tenants.acme.account-sid and"
                            + " twilio.tenants.acme.auth.auth-token; each tenant takes the keys of twilio.*.",
                    cause);
        }
        return null;
    }

    private Set<String> tenants() {
        return Binder.get(this.environment)
            .bind("twilio.tenants", Bindable.mapOf(String.class, Object.class))
            .map(Map::keySet)
            .orElse(Set.of());
    }
}
