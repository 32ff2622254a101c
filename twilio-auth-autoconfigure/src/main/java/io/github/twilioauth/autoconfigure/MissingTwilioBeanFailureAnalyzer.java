package io.github.twilioauth.autoconfigure;

import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Base of the failure analyzers that report a missing bean built on the starter's Twilio
 * clients with the {@code twilio.*} properties that create it, ahead of Spring Boot's generic
 * "required a bean that could not be found".
 */
public abstract class MissingTwilioBeanFailureAnalyzer extends AbstractFailureAnalyzer<NoSuchBeanDefinitionException>
        implements Ordered {

    /** The properties that create the single client, as an action states them. */
    protected static final String SINGLE_CLIENT_PROPERTIES = "twilio.account-sid with twilio.auth.auth-token (or"
            + " twilio.auth.api-key and twilio.auth.api-secret) for basic authentication, twilio.auth.client-id and"
            + " twilio.auth.client-secret for OAuth client credentials, or twilio.auth.type=noauth";

    private final Environment environment;

    /**
     * Creates the analyzer.
     * @param environment the environment of the application that failed
     */
    protected MissingTwilioBeanFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    protected final @Nullable FailureAnalysis analyze(Throwable rootFailure, NoSuchBeanDefinitionException cause) {
        Class<?> type = cause.getBeanType();
        return (type != null) ? analyzeMissing(type, cause) : null;
    }

    /**
     * Returns the report of a missing bean of a type this analyzer knows.
     * @param type the type of the missing bean
     * @param cause the failure
     * @return the report, or {@code null} for a type of no Twilio client
     */
    protected abstract @Nullable FailureAnalysis analyzeMissing(Class<?> type, NoSuchBeanDefinitionException cause);

    /**
     * Returns the names of the tenants the configuration has under {@code twilio.tenants}.
     * @return the tenant names, empty when there are none
     */
    protected final Set<String> tenants() {
        return Binder.get(this.environment)
            .bind("twilio.tenants", Bindable.mapOf(String.class, Object.class))
            .map(Map::keySet)
            .orElse(Set.of());
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
