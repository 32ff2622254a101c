package io.github.twilioauth.autoconfigure;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.twilioauth.client.TwilioClient;
import io.github.twilioauth.client.TwilioClients;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * An application that needs a Twilio client the configuration does not create fails to start
 * with a report naming the properties to set, in place of Spring Boot's generic one.
 */
@ExtendWith(OutputCaptureExtension.class)
class TwilioClientMissingFailureAnalyzerTest {

    @Test
    void noConfigurationNamesThePropertiesOfTheSingleClient(CapturedOutput output) {
        startFailing(NeedsTwilioClient.class, Map.of());
        assertThat(output).contains("A TwilioClient bean is required, but none is configured: the starter creates it"
                + " from the twilio.auth.* properties, and none are set.")
            .contains("Set twilio.account-sid with twilio.auth.auth-token (or twilio.auth.api-key and"
                    + " twilio.auth.api-secret) for basic authentication, twilio.auth.client-id and"
                    + " twilio.auth.client-secret for OAuth client credentials, or twilio.auth.type=noauth.")
            .doesNotContain("that could not be found");
    }

    @Test
    void tenantsOnlyPointToTwilioClients(CapturedOutput output) {
        startFailing(NeedsTwilioClient.class, Map.of("twilio.tenants.acme.auth.type", "noauth",
                "twilio.tenants.globex.auth.type", "noauth"));
        assertThat(output).contains("Tenants [acme, globex] are configured; their clients are in the TwilioClients"
                + " bean.")
            .contains("or inject TwilioClients and call get(name) for a tenant's client.");
    }

    @Test
    void noTenantsNameTheTenantProperties(CapturedOutput output) {
        startFailing(NeedsTwilioClients.class, Map.of("twilio.auth.type", "noauth"));
        assertThat(output).contains("A TwilioClients bean is required, but no tenant is configured")
            .contains("for example twilio.tenants.acme.account-sid and twilio.tenants.acme.auth.auth-token");
    }

    private static void startFailing(Class<?> component, Map<String, Object> properties) {
        SpringApplication application = new SpringApplication(Application.class, component);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setDefaultProperties(properties);
        assertThatException().isThrownBy(application::run);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class Application {

    }

    static class NeedsTwilioClient {

        NeedsTwilioClient(TwilioClient client) {
        }
    }

    static class NeedsTwilioClients {

        NeedsTwilioClients(TwilioClients clients) {
        }
    }
}
