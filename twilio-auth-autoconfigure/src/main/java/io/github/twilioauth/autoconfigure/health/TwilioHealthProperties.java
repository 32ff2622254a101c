package io.github.twilioauth.autoconfigure.health;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the {@code twilio} health contributor: the {@code twilio.health.*} properties.
 * Whether it is enabled at all is Actuator's {@code management.health.twilio.enabled}.
 */
@ConfigurationProperties("twilio.health")
public class TwilioHealthProperties {

    /**
     * Whether a health check requests a token when none is cached, to verify the OAuth
     * credentials before the first API call. Each check then waits for that request.
     */
    private boolean fetchToken;

    public boolean isFetchToken() {
        return this.fetchToken;
    }

    public void setFetchToken(boolean fetchToken) {
        this.fetchToken = fetchToken;
    }
}
