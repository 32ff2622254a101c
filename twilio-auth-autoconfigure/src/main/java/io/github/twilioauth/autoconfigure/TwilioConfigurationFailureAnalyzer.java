package io.github.twilioauth.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a {@link TwilioConfigurationException} as Spring Boot's "APPLICATION FAILED TO
 * START" description and action.
 */
class TwilioConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<TwilioConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, TwilioConfigurationException cause) {
        return new FailureAnalysis("Invalid Twilio configuration (" + cause.getProperty() + "): " + cause.getMessage(),
                cause.getAction(), cause);
    }
}
