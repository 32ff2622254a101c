package io.github.twilioauth.autoconfigure;

import io.github.twilioauth.credential.AuthType;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Reports an unknown {@code twilio.auth.type} (or {@code twilio.tenants.*.auth.type}) with the
 * property values that are valid, ahead of Spring Boot's generic binding report.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class TwilioAuthTypeFailureAnalyzer extends AbstractFailureAnalyzer<BindException> {

    @Override
    protected @Nullable FailureAnalysis analyze(Throwable rootFailure, BindException cause) {
        ConfigurationProperty property = cause.getProperty();
        if (property == null) {
            return null;
        }
        String name = property.getName().toString();
        if (!name.startsWith("twilio.") || !name.endsWith(".auth.type")) {
            return null;
        }
        return new FailureAnalysis(
                "Invalid Twilio configuration (" + name + "): '" + property.getValue()
                        + "' is not a Twilio auth type" + ((property.getOrigin() != null)
                                ? " (from " + property.getOrigin() + ")" : "") + ".",
                "Set " + name + " to one of " + AuthType.validValues()
                        + ", or remove it to infer the type from the credentials.",
                cause);
    }
}
