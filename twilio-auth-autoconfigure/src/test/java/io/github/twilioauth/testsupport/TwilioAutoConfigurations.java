package io.github.twilioauth.testsupport;

import io.github.twilioauth.autoconfigure.TwilioAutoConfiguration;
import io.github.twilioauth.autoconfigure.TwilioCredentialsAutoConfiguration;
import io.github.twilioauth.autoconfigure.TwilioHttpAutoConfiguration;
import io.github.twilioauth.autoconfigure.TwilioTokenAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;

/**
 * The auto-configurations an application runs to get the auto-configured {@code TwilioClient},
 * for an {@code ApplicationContextRunner}; a test adds others with a further
 * {@code withConfiguration}.
 */
public final class TwilioAutoConfigurations {

    private TwilioAutoConfigurations() {
    }

    /**
     * Returns Spring Boot's {@code RestClient} auto-configuration and the starter's token,
     * credentials, HTTP and client ones.
     * @return the auto-configurations
     */
    public static AutoConfigurations client() {
        return AutoConfigurations.of(RestClientAutoConfiguration.class, TwilioTokenAutoConfiguration.class,
                TwilioCredentialsAutoConfiguration.class, TwilioHttpAutoConfiguration.class,
                TwilioAutoConfiguration.class);
    }
}
