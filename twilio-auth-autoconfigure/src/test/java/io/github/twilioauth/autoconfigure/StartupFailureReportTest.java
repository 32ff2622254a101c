package io.github.twilioauth.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Each misconfiguration stops startup with Spring Boot's "APPLICATION FAILED TO START" report:
 * a description naming the property and an action, never a secret.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureReportTest {

    static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";

    static final String SECRET = "sEcReT-vAlUe-42";

    private static String start(CapturedOutput output, String... properties) {
        List<String> args = new ArrayList<>();
        for (String property : properties) {
            args.add("--" + property);
        }
        SpringApplication application = new SpringApplication(App.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        assertThatException().isThrownBy(() -> application.run(args.toArray(String[]::new)).close());
        String report = output.toString();
        assertThat(report).contains("APPLICATION FAILED TO START").doesNotContain(SECRET);
        return report.substring(report.indexOf("APPLICATION FAILED TO START"));
    }

    @Test
    void unknownAuthTypeListsTheValidValues(CapturedOutput output) {
        assertThat(start(output, "twilio.auth.type=oauth"))
            .contains("twilio.auth.type", "'oauth' is not a Twilio auth type")
            .contains("Set twilio.auth.type to one of basic, client-credentials, orgs, noauth");
    }

    @Test
    void missingClientSecret(CapturedOutput output) {
        assertThat(start(output, "twilio.auth.type=client-credentials", "twilio.auth.client-id=OQ1"))
            .contains("twilio.auth.client-secret is required when twilio.auth.type=client-credentials")
            .contains("Action:", "Set twilio.auth.client-secret");
    }

    @Test
    void missingClientId(CapturedOutput output) {
        assertThat(start(output, "twilio.auth.type=orgs", "twilio.auth.client-secret=" + SECRET))
            .contains("twilio.auth.client-id is required when twilio.auth.type=orgs", "Set twilio.auth.client-id");
    }

    @Test
    void missingAuthToken(CapturedOutput output) {
        assertThat(start(output, "twilio.auth.type=basic", "twilio.account-sid=" + ACCOUNT_SID))
            .contains("twilio.auth.auth-token is required when twilio.auth.type=basic", "Set twilio.auth.auth-token");
    }

    @Test
    void apiKeyWithoutSecret(CapturedOutput output) {
        assertThat(start(output, "twilio.account-sid=" + ACCOUNT_SID,
                "twilio.auth.api-key=SK0123456789abcdef0123456789abcdef"))
            .contains("twilio.auth.api-secret is required", "with twilio.auth.api-key");
    }

    @Test
    void apiKeyWithoutAccountSid(CapturedOutput output) {
        assertThat(start(output, "twilio.auth.api-key=SK0123456789abcdef0123456789abcdef",
                "twilio.auth.api-secret=" + SECRET))
            .contains("twilio.account-sid is required", "names the account in API paths");
    }

    @Test
    void malformedAccountSidSaysWhichPropertyAndWhatShape(CapturedOutput output) {
        assertThat(start(output, "twilio.account-sid=" + SECRET, "twilio.auth.auth-token=" + SECRET))
            .contains("twilio.account-sid must be 'AC' followed by 32 hexadecimal characters")
            .contains("has 15 characters", "Account SID");
    }

    @Test
    void malformedApiKeySid(CapturedOutput output) {
        assertThat(start(output, "twilio.account-sid=" + ACCOUNT_SID, "twilio.auth.api-key=AC" + "0".repeat(32),
                "twilio.auth.api-secret=" + SECRET))
            .contains("twilio.auth.api-key must be 'SK' followed by 32 hexadecimal characters", "API Key SID");
    }

    @Test
    void insecureTokenUrl(CapturedOutput output) {
        assertThat(start(output, "twilio.auth.client-id=OQ1", "twilio.auth.client-secret=" + SECRET,
                "twilio.auth.token-url=http://tokens.example.com/v2/token"))
            .contains("twilio.auth.token-url uses plain http to tokens.example.com")
            .contains("twilio.auth.allow-insecure-http=true");
    }

    @Test
    void insecureBaseUrl(CapturedOutput output) {
        assertThat(start(output, "twilio.account-sid=" + ACCOUNT_SID, "twilio.auth.auth-token=" + SECRET,
                "twilio.base-url=http://proxy.example.com"))
            .contains("twilio.base-url uses plain http to proxy.example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = { "127.0.0.1.nip.io", "127.attacker.example" })
    void baseUrlOnANameThatOnlyLooksLikeLoopbackIsInsecure(String host, CapturedOutput output) {
        assertThat(start(output, "twilio.account-sid=" + ACCOUNT_SID, "twilio.auth.auth-token=" + SECRET,
                "twilio.base-url=http://" + host + ":8080"))
            .contains("twilio.base-url uses plain http to " + host);
    }

    @Test
    void conflictingCredentialsWithoutType(CapturedOutput output) {
        assertThat(start(output, "twilio.account-sid=" + ACCOUNT_SID, "twilio.auth.auth-token=" + SECRET,
                "twilio.auth.client-id=OQ1", "twilio.auth.client-secret=" + SECRET))
            .contains("the auth type is ambiguous", "Set twilio.auth.type to 'client-credentials' or 'basic'");
    }

    @Test
    void insecureUrlIsAcceptedWhenExplicitlyAllowed() {
        SpringApplication application = new SpringApplication(App.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.run("--twilio.account-sid=" + ACCOUNT_SID, "--twilio.auth.auth-token=" + SECRET,
                "--twilio.base-url=http://proxy.example.com", "--twilio.auth.allow-insecure-http=true").close();
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({ RestClientAutoConfiguration.class, TwilioAutoConfiguration.class })
    static class App {

    }
}
