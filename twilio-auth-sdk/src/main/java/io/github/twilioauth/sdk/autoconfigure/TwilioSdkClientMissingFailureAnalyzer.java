package io.github.twilioauth.sdk.autoconfigure;

import java.util.Map;
import java.util.Set;

import com.twilio.http.TwilioRestClient;

import io.github.twilioauth.sdk.TwilioSdkClients;
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
 * Reports a missing twilio-java {@link TwilioRestClient} or {@link TwilioSdkClients} bean with
 * the properties that create it, ahead of Spring Boot's generic "required a bean that could not
 * be found": both are built on the starter's Twilio clients, which only the {@code twilio.*}
 * properties create.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class TwilioSdkClientMissingFailureAnalyzer extends AbstractFailureAnalyzer<NoSuchBeanDefinitionException> {

    private final Environment environment;

    TwilioSdkClientMissingFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    protected @Nullable FailureAnalysis analyze(Throwable rootFailure, NoSuchBeanDefinitionException cause) {
        Class<?> type = cause.getBeanType();
        if (type == TwilioRestClient.class) {
            Set<String> tenants = tenants();
            return new FailureAnalysis("A twilio-java TwilioRestClient bean is required, but none is configured: it"
                    + " is built on the starter's single Twilio client, which twilio.account-sid and twilio.auth.*"
                    + " configure, and none of twilio.auth.* is set." + (tenants.isEmpty() ? ""
                            : " Tenants " + tenants + " are configured; their TwilioRestClients are in the"
                                    + " TwilioSdkClients bean."),
                    "Set twilio.account-sid and twilio.auth.auth-token (basic), twilio.auth.client-id and"
                            + " twilio.auth.client-secret (OAuth client credentials), or twilio.auth.type=noauth"
                            + (tenants.isEmpty() ? "." : "; or inject TwilioSdkClients and call get(name) for a"
                                    + " tenant's TwilioRestClient."),
                    cause);
        }
        if (type == TwilioSdkClients.class) {
            return new FailureAnalysis("A TwilioSdkClients bean is required, but no tenant is configured: it holds a"
                    + " twilio-java TwilioRestClient per tenant of twilio.tenants.<name>.*, and none is set.",
                    "Set the account and credentials of each tenant under twilio.tenants.<name>, such as"
                            + " twilio.tenants.acme.account-sid and twilio.tenants.acme.auth.client-id with"
                            + " twilio.tenants.acme.auth.client-secret.",
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
