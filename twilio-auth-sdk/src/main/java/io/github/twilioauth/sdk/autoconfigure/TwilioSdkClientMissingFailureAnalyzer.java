package io.github.twilioauth.sdk.autoconfigure;

import java.util.Set;

import com.twilio.http.TwilioRestClient;

import io.github.twilioauth.autoconfigure.MissingTwilioBeanFailureAnalyzer;
import io.github.twilioauth.sdk.TwilioSdkClients;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * Reports a missing twilio-java {@link TwilioRestClient} or {@link TwilioSdkClients} bean with
 * the properties that create it, ahead of Spring Boot's generic "required a bean that could not
 * be found": both are built on the starter's Twilio clients, which only the {@code twilio.*}
 * properties create.
 */
class TwilioSdkClientMissingFailureAnalyzer extends MissingTwilioBeanFailureAnalyzer {

    TwilioSdkClientMissingFailureAnalyzer(Environment environment) {
        super(environment);
    }

    @Override
    protected @Nullable FailureAnalysis analyzeMissing(Class<?> type, NoSuchBeanDefinitionException cause) {
        if (type == TwilioRestClient.class) {
            Set<String> tenants = tenants();
            return new FailureAnalysis("A twilio-java TwilioRestClient bean is required, but none is configured: it"
                    + " is built on the starter's single Twilio client, which the twilio.auth.* properties create,"
                    + " and none are set." + (tenants.isEmpty() ? "" : " Tenants " + tenants + " are configured;"
                            + " their TwilioRestClients are in the TwilioSdkClients bean."),
                    "Set " + SINGLE_CLIENT_PROPERTIES + (tenants.isEmpty() ? "." : "; or inject TwilioSdkClients and"
                            + " call get(name) for a tenant's TwilioRestClient."),
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
}
