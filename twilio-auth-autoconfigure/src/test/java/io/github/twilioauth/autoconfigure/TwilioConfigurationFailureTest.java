package io.github.twilioauth.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.github.twilioauth.testsupport.TwilioAutoConfigurations;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

class TwilioConfigurationFailureTest {

    private static final String ACCOUNT_SID = "AC00000000000000000000000000000001";

    private static final String CLIENT_SECRET = "client-secret-fail-Wm4r";

    private static final String AUTH_TOKEN = "auth-token-fail-Kj8s";

    private static final String API_SECRET = "api-secret-fail-Tb5n";

    private static final List<String> SECRETS = List.of(CLIENT_SECRET, AUTH_TOKEN, API_SECRET);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(TwilioAutoConfigurations.client());

    static Stream<Arguments> misconfigurations() {
        return Stream.of(
                argumentSet("client-credentials without client-secret", "twilio.auth.client-secret",
                        List.of("twilio.auth.type=client-credentials", "twilio.auth.client-id=client-id-value")),
                argumentSet("client-credentials without client-id", "twilio.auth.client-id",
                        List.of("twilio.auth.type=client-credentials", "twilio.auth.client-secret=" + CLIENT_SECRET)),
                argumentSet("orgs without client-secret", "twilio.auth.client-secret",
                        List.of("twilio.auth.type=orgs", "twilio.auth.client-id=client-id-value")),
                argumentSet("auth-token without account-sid", "twilio.account-sid",
                        List.of("twilio.auth.auth-token=" + AUTH_TOKEN)),
                argumentSet("basic without credentials", "twilio.auth.auth-token", List.of("twilio.auth.type=basic")),
                argumentSet("api-key without api-secret", "twilio.auth.api-secret",
                        List.of("twilio.account-sid=" + ACCOUNT_SID,
                                "twilio.auth.api-key=SK00000000000000000000000000000001")),
                argumentSet("api-key without account-sid", "twilio.account-sid",
                        List.of("twilio.auth.api-key=SK00000000000000000000000000000001",
                                "twilio.auth.api-secret=" + API_SECRET)),
                argumentSet("region de1 without an edge", "twilio.region",
                        List.of("twilio.account-sid=" + ACCOUNT_SID, "twilio.auth.auth-token=" + AUTH_TOKEN,
                                "twilio.region=de1")),
                argumentSet("client-id and auth-token without type", "twilio.auth.type",
                        List.of("twilio.account-sid=" + ACCOUNT_SID, "twilio.auth.client-id=client-id-value",
                                "twilio.auth.client-secret=" + CLIENT_SECRET, "twilio.auth.auth-token=" + AUTH_TOKEN)));
    }

    @ParameterizedTest
    @MethodSource("misconfigurations")
    void startupFailsWithTwilioConfigurationExceptionNamingTheProperty(String property, List<String> properties) {
        assertThat(configurationFailure(properties).getProperty()).isEqualTo(property);
    }

    @ParameterizedTest
    @MethodSource("misconfigurations")
    void startupFailureMessageNamesTheProperty(String property, List<String> properties) {
        assertThat(configurationFailure(properties)).hasMessageContaining(property);
    }

    @ParameterizedTest
    @MethodSource("misconfigurations")
    void noMessageOfTheCauseChainContainsAConfiguredSecret(String property, List<String> properties) {
        assertThat(messagesOfCauseChain(startupFailure(properties))).allSatisfy(
                (message) -> assertThat(message).doesNotContain(SECRETS));
    }

    @ParameterizedTest
    @MethodSource("misconfigurations")
    void failureAnalysisDescriptionNamesTheProperty(String property, List<String> properties) {
        FailureAnalysis analysis = new TwilioConfigurationFailureAnalyzer().analyze(startupFailure(properties));

        assertThat(analysis.getDescription()).contains(property);
    }

    @ParameterizedTest
    @MethodSource("misconfigurations")
    void failureAnalysisHasAnAction(String property, List<String> properties) {
        FailureAnalysis analysis = new TwilioConfigurationFailureAnalyzer().analyze(startupFailure(properties));

        assertThat(analysis.getAction()).isNotBlank();
    }

    @ParameterizedTest
    @MethodSource("misconfigurations")
    void failureAnalysisContainsNoConfiguredSecret(String property, List<String> properties) {
        FailureAnalysis analysis = new TwilioConfigurationFailureAnalyzer().analyze(startupFailure(properties));

        assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain(SECRETS);
    }

    @Test
    void missingClientSecretIsReportedAsRequired() {
        assertThat(configurationFailure(
                List.of("twilio.auth.type=client-credentials", "twilio.auth.client-id=client-id-value")))
            .hasMessageContaining("twilio.auth.client-secret")
            .hasMessageContaining("required");
    }

    @Test
    void missingClientIdOfClientCredentialsIsReportedAsRequired() {
        assertThat(configurationFailure(
                List.of("twilio.auth.type=client-credentials", "twilio.auth.client-secret=" + CLIENT_SECRET)))
            .hasMessageContaining("twilio.auth.client-id")
            .hasMessageContaining("required");
    }

    @Test
    void missingClientSecretOfOrgsIsReportedAsRequiredForOrgs() {
        assertThat(configurationFailure(List.of("twilio.auth.type=orgs", "twilio.auth.client-id=client-id-value")))
            .hasMessageContaining("twilio.auth.client-secret is required when twilio.auth.type=orgs");
    }

    @Test
    void regionWithoutAnEdgeNamesTheValidChoices() {
        assertThat(configurationFailure(List.of("twilio.auth.type=noauth", "twilio.region=jp1")))
            .hasMessage("twilio.region: Region 'jp1' needs an edge: Twilio has served no host for a region given alone"
                    + " since 2026-04-28. Valid choices: no region (global hosts), us1 (global hosts), ie1 (edge"
                    + " dublin), au1 (edge sydney), or a region with its edge.");
    }

    @Test
    void ambiguousCredentialsAskForTheType() {
        assertThat(configurationFailure(List.of("twilio.account-sid=" + ACCOUNT_SID,
                "twilio.auth.client-id=client-id-value", "twilio.auth.client-secret=" + CLIENT_SECRET,
                "twilio.auth.auth-token=" + AUTH_TOKEN)))
            .hasMessageContaining("ambiguous");
    }

    @Test
    void unknownTypeFailsToBindTwilioAuthType() {
        assertThat(causeChain(startupFailure(List.of("twilio.auth.type=foo"))))
            .filteredOn(BindException.class::isInstance)
            .map((cause) -> ((BindException) cause).getProperty().getName().toString())
            .contains("twilio.auth.type");
    }

    @ParameterizedTest
    @ValueSource(strings = { "twilio.http.max-connections", "twilio.token-requests.concurrency-limit" })
    void limitBelowOneFailsToBindNamingTheProperty(String property) {
        Throwable failure = startupFailure(List.of("twilio.account-sid=AC" + "1".repeat(32),
                "twilio.auth.client-id=client-id-value", "twilio.auth.client-secret=" + CLIENT_SECRET,
                property + "=0"));
        assertThat(causeChain(failure)).filteredOn(BindException.class::isInstance)
            .map((cause) -> ((BindException) cause).getProperty().getName().toString())
            .containsExactly(property);
        assertThat(rootCause(failure)).hasMessage("must be at least 1 but was 0");
    }

    @Test
    void unknownTypeFailureContainsNoConfiguredSecret() {
        assertThat(messagesOfCauseChain(startupFailure(List.of("twilio.auth.type=foo",
                "twilio.auth.client-id=client-id-value", "twilio.auth.client-secret=" + CLIENT_SECRET))))
            .allSatisfy((message) -> assertThat(message).doesNotContain(SECRETS));
    }

    private Throwable startupFailure(List<String> properties) {
        Throwable[] failure = new Throwable[1];
        this.runner.withPropertyValues(properties.toArray(String[]::new)).run((context) -> {
            assertThat(context).hasFailed();
            failure[0] = context.getStartupFailure();
        });
        return failure[0];
    }

    private TwilioConfigurationException configurationFailure(List<String> properties) {
        Throwable failure = startupFailure(properties);
        assertThat(failure).rootCause().isInstanceOf(TwilioConfigurationException.class);
        return (TwilioConfigurationException) rootCause(failure);
    }

    private static Throwable rootCause(Throwable failure) {
        List<Throwable> chain = causeChain(failure);
        return chain.get(chain.size() - 1);
    }

    private static List<Throwable> causeChain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable cause = failure; cause != null && !chain.contains(cause); cause = cause.getCause()) {
            chain.add(cause);
        }
        return chain;
    }

    private static List<String> messagesOfCauseChain(Throwable failure) {
        return causeChain(failure).stream().map(String::valueOf).toList();
    }
}
