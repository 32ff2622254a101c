package io.github.twilioauth.autoconfigure.check;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * What an application sees when its {@code application.yml} has a credential whose variable is
 * not set, a mistyped key and a renamed one: Spring Boot's "APPLICATION FAILED TO START" report,
 * with every problem, the file and line of each, and no value. The check runs in any Spring Boot
 * application with the starter on its classpath, whatever it configures.
 */
@ExtendWith(OutputCaptureExtension.class)
class TwilioPropertiesCheckReportTest {

    private static final String YAML = "classpath:/io/github/twilioauth/autoconfigure/check/misconfigured.yml";

    @Test
    void reportsEachProblemWithItsFileAndLineAndNoValue(CapturedOutput output) {
        SpringApplication application = new SpringApplication(App.class);
        application.setWebApplicationType(WebApplicationType.NONE);

        assertThatException().isThrownBy(() -> application.run("--spring.config.location=" + YAML).close());

        String report = output.toString().substring(output.toString().indexOf("APPLICATION FAILED TO START"));
        assertThat(report).contains("Invalid Twilio configuration (twilio.auth.auth-token, twilio.auth.read-timeout,"
                + " twilio.webhook.atuh-token): 3 problems:")
            .contains("  - twilio.auth.auth-token (class path resource [io/github/twilioauth/autoconfigure/check/"
                    + "misconfigured.yml] - 6:17) refers to TWILIO_AUTH_TOKEN_NOT_SET_ANYWHERE, which is not set")
            .contains("  - twilio.auth.read-timeout (class path resource [io/github/twilioauth/autoconfigure/check/"
                    + "misconfigured.yml] - 7:19) was renamed to twilio.token-requests.read-timeout")
            .contains("  - twilio.webhook.atuh-token (class path resource [io/github/twilioauth/autoconfigure/check/"
                    + "misconfigured.yml] - 9:17) is not a key of the Twilio starter, so its value would be ignored;"
                    + " did you mean twilio.webhook.auth-token?")
            .contains("Action:", "Fix each:", "  - Set TWILIO_AUTH_TOKEN_NOT_SET_ANYWHERE",
                    "  - Set twilio.token-requests.read-timeout instead of twilio.auth.read-timeout.",
                    "  - Replace twilio.webhook.atuh-token with twilio.webhook.auth-token, or remove it.")
            .doesNotContain("webhook-token-not-echoed", "phone-number");
    }

    @Configuration(proxyBeanMethods = false)
    static class App {

    }
}
