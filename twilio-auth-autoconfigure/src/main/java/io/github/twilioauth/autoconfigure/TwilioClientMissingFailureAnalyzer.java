package io.github.twilioauth.autoconfigure;

import java.util.Set;

import io.github.twilioauth.client.TwilioClient;
import io.github.twilioauth.client.TwilioClients;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * Reports a missing {@link TwilioClient} or {@link TwilioClients} bean with the properties that
 * create it, ahead of Spring Boot's generic "required a bean that could not be found".
 */
class TwilioClientMissingFailureAnalyzer extends MissingTwilioBeanFailureAnalyzer {

    TwilioClientMissingFailureAnalyzer(Environment environment) {
        super(environment);
    }

    @Override
    protected @Nullable FailureAnalysis analyzeMissing(Class<?> type, NoSuchBeanDefinitionException cause) {
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
}
