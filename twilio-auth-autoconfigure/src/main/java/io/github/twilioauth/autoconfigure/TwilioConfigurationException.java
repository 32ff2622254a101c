package io.github.twilioauth.autoconfigure;

import io.github.twilioauth.TwilioException;

/**
 * The {@code twilio.*} properties are incomplete or inconsistent. Its message names the
 * property and never contains a secret; {@link TwilioConfigurationFailureAnalyzer} turns it
 * into a startup failure report with the action to take.
 */
public class TwilioConfigurationException extends TwilioException {

    private final String property;

    private final String action;

    /**
     * Creates the exception.
     * @param property the property at fault
     * @param description what is wrong
     * @param action how to fix it
     */
    public TwilioConfigurationException(String property, String description, String action) {
        super(description);
        this.property = property;
        this.action = action;
    }

    /**
     * Returns the property at fault.
     * @return the property name, such as {@code twilio.auth.client-secret}
     */
    public String getProperty() {
        return this.property;
    }

    /**
     * Returns how to fix the configuration.
     * @return the action
     */
    public String getAction() {
        return this.action;
    }
}
