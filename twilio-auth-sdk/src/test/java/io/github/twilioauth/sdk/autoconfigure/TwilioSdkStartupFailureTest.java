package io.github.twilioauth.sdk.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import com.twilio.http.TwilioRestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.twilioauth.sdk.TwilioSdkClients;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * An application of twilio-java on the starter that cannot start gets a report naming the
 * properties to set, the key it mistyped or the variable it forgot, in place of Spring Boot's
 * generic "required a bean that could not be found" or a client with the placeholder's text as
 * its credential.
 */
@ExtendWith(OutputCaptureExtension.class)
class TwilioSdkStartupFailureTest {

    private static final String SECRET = "sdk-client-secret-not-echoed";

    @Test
    void aMissingTwilioRestClientNamesThePropertiesOfTheSingleClient(CapturedOutput output) {
        assertThat(startFailing(output, NeedsTwilioRestClient.class))
            .contains("A twilio-java TwilioRestClient bean is required, but none is configured: it is built on the"
                    + " starter's single Twilio client, which the twilio.auth.* properties create, and none are set.")
            .contains("Set twilio.account-sid with twilio.auth.auth-token (or twilio.auth.api-key and"
                    + " twilio.auth.api-secret) for basic authentication, twilio.auth.client-id and"
                    + " twilio.auth.client-secret for OAuth client credentials, or twilio.auth.type=noauth.")
            .doesNotContain("that could not be found");
    }

    @Test
    void aMissingTwilioRestClientWithTenantsPointsToTwilioSdkClients(CapturedOutput output) {
        assertThat(startFailing(output, NeedsTwilioRestClient.class, "twilio.tenants.acme.auth.type=noauth"))
            .contains("Tenants [acme] are configured; their TwilioRestClients are in the TwilioSdkClients bean.")
            .contains("or inject TwilioSdkClients and call get(name) for a tenant's TwilioRestClient.");
    }

    @Test
    void missingTwilioSdkClientsNamesTheTenantProperties(CapturedOutput output) {
        assertThat(startFailing(output, NeedsTwilioSdkClients.class, "twilio.auth.type=noauth"))
            .contains("A TwilioSdkClients bean is required, but no tenant is configured")
            .contains("under twilio.tenants.<name>, such as twilio.tenants.acme.account-sid")
            .doesNotContain("that could not be found");
    }

    @Test
    void aClientIdLeftAsAnUnresolvedPlaceholderStopsTheApplication(CapturedOutput output) {
        assertThat(startFailing(output, NeedsTwilioRestClient.class, "twilio.account-sid=AC" + "1".repeat(32),
                "twilio.auth.client-id=${TWILIO_CLIENT_ID}", "twilio.auth.client-secret=" + SECRET))
            .contains("Invalid Twilio configuration (twilio.auth.client-id): twilio.auth.client-id")
            .contains("refers to TWILIO_CLIENT_ID, which is not set")
            .contains("Set TWILIO_CLIENT_ID (an environment variable or a property), or give twilio.auth.client-id"
                    + " a value.")
            .doesNotContain(SECRET);
    }

    @Test
    void aMistypedKeyOfTheSdkGroupNamesTheKeyMeant(CapturedOutput output) {
        assertThat(startFailing(output, NeedsTwilioRestClient.class, "twilio.auth.type=noauth",
                "twilio.sdk.init-statc=true"))
            .contains("twilio.sdk.init-statc (\"twilio.sdk.init-statc\" from property source \"commandLineArgs\") is"
                    + " not a key of the Twilio starter, so its value would be ignored; did you mean"
                    + " twilio.sdk.init-static?");
    }

    @Test
    void theKeyOfTheSdkGroupIsKnown() {
        SpringApplication application = application(NeedsTwilioRestClient.class);
        application.run("--twilio.auth.type=noauth", "--twilio.sdk.init-static=true").close();
    }

    private static String startFailing(CapturedOutput output, Class<?> component, String... properties) {
        List<String> args = new ArrayList<>();
        for (String property : properties) {
            args.add("--" + property);
        }
        SpringApplication application = application(component);
        assertThatException().isThrownBy(() -> application.run(args.toArray(String[]::new)).close());
        String report = output.toString();
        assertThat(report).contains("APPLICATION FAILED TO START");
        return report.substring(report.indexOf("APPLICATION FAILED TO START"));
    }

    private static SpringApplication application(Class<?> component) {
        SpringApplication application = new SpringApplication(Application.class, component);
        application.setWebApplicationType(WebApplicationType.NONE);
        return application;
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class Application {

    }

    static class NeedsTwilioRestClient {

        NeedsTwilioRestClient(TwilioRestClient client) {
        }
    }

    static class NeedsTwilioSdkClients {

        NeedsTwilioSdkClients(TwilioSdkClients clients) {
        }
    }
}
