package io.github.twilioauth.testsupport;

import java.util.ArrayList;
import java.util.List;

import io.github.twilioauth.autoconfigure.TwilioAutoConfiguration;
import io.github.twilioauth.test.MockTwilioServer;
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
     * Returns Spring Boot's {@code RestClient} auto-configuration and the starter's.
     * @return the auto-configurations
     */
    public static AutoConfigurations client() {
        return AutoConfigurations.of(RestClientAutoConfiguration.class, TwilioAutoConfiguration.class);
    }

    /**
     * Registers OAuth apps {@code OQ000...0} to {@code OQ000...<count - 1>} with the stand-in, each
     * of its own account, and returns the properties of as many client-credentials tenants
     * {@code t0}, {@code t1}, ... on it.
     * @param server the stand-in
     * @param count how many tenants
     * @return the {@code twilio.tenants.*} properties
     */
    public static List<String> oauthTenants(MockTwilioServer server, int count) {
        List<String> properties = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String clientId = String.format("OQ%032d", i);
            String accountSid = String.format("AC%032d", i);
            server.oauthApp(clientId, "tenant-secret-" + i, accountSid);
            String tenant = "twilio.tenants.t" + i + ".";
            properties.addAll(List.of(tenant + "base-url=" + server.baseUrl(), tenant + "account-sid=" + accountSid,
                    tenant + "auth.client-id=" + clientId, tenant + "auth.client-secret=tenant-secret-" + i));
        }
        return properties;
    }
}
