package io.github.twilioauth.autoconfigure.check;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.github.twilioauth.autoconfigure.TwilioConfigurationException;
import io.github.twilioauth.autoconfigure.TwilioProperties;
import io.github.twilioauth.autoconfigure.TwilioTokenStoreProperties;
import io.github.twilioauth.autoconfigure.health.TwilioHealthProperties;
import io.github.twilioauth.autoconfigure.webhook.TwilioWebhookProperties;
import org.springframework.boot.context.properties.ConfigurationPropertiesBindException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code twilio.*} configuration is checked before any bean is created: a credential left as
 * an unresolved placeholder, a key of the starter's groups that nothing binds, and a near miss of
 * a top-level key fail startup, naming the key, the missing variable or the key meant, and never
 * a value.
 */
class TwilioPropertiesCheckTest {

    private static final String SECRET = "sEcReT-vAlUe-42";

    private static final List<String> CREDENTIALS = List.of("account-sid", "auth.auth-token", "auth.api-key",
            "auth.api-secret", "auth.client-id", "auth.client-secret", "webhook.auth-token",
            "webhook.secondary-auth-token");

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withInitializer(new TwilioPropertiesCheckInitializer());

    static Stream<Arguments> credentialsOfTheClientAndOfATenant() {
        List<Arguments> arguments = new ArrayList<>();
        for (String credential : CREDENTIALS) {
            arguments.add(Arguments.of("twilio." + credential));
            arguments.add(Arguments.of("twilio.tenants.acme." + credential));
        }
        return arguments.stream();
    }

    @ParameterizedTest
    @MethodSource("credentialsOfTheClientAndOfATenant")
    void aCredentialLeftAsAnUnresolvedPlaceholderFailsNamingThePropertyAndTheVariable(String property) {
        TwilioConfigurationException failure = failure(property + "=" + SECRET.substring(0, 6) + "${MISSING_SECRET}",
                "twilio.tenants.other.auth.client-secret=" + SECRET, "twilio.tenants.other.webhook.auth-token=" + SECRET);

        assertThat(failure.getProperty()).isEqualTo(property);
        assertThat(failure.getMessage()).startsWith(property + " (\"" + property + "\" from property source \"test\")")
            .contains("refers to MISSING_SECRET, which is not set")
            .doesNotContain(SECRET.substring(0, 6));
        assertThat(failure.getAction()).isEqualTo("Set MISSING_SECRET (an environment variable or a property), or give "
                + property + " a value.");
    }

    @Test
    void namesEveryVariableOfAPlaceholderNoDefaultResolves() {
        TwilioConfigurationException failure = failure("twilio.auth.auth-token=${FIRST_MISSING}${SECOND_MISSING}");

        assertThat(failure.getMessage()).contains("refers to FIRST_MISSING and SECOND_MISSING, which are not set");
    }

    @Test
    void acceptsAPlaceholderThatResolvesOrHasADefault() {
        this.runner
            .withPropertyValues("token.from.vault=" + SECRET, "twilio.auth.auth-token=${token.from.vault}",
                    "twilio.auth.api-secret=${MISSING_SECRET:}", "twilio.account-sid=${MISSING_SID:AC123}")
            .run((context) -> assertThat(context).hasNotFailed());
    }

    @Test
    void checksAPlaceholderSetThroughAnEnvironmentVariable() {
        this.runner.withInitializer((context) -> TestPropertyValues.of("TWILIO_AUTH_AUTHTOKEN=${MISSING_TOKEN}")
            .applyTo(context.getEnvironment(), TestPropertyValues.Type.SYSTEM_ENVIRONMENT))
            .run((context) -> assertThat(context).getFailure()
                .isInstanceOf(TwilioConfigurationException.class)
                .hasMessageStartingWith("twilio.auth.auth-token")
                .hasMessageContaining("MISSING_TOKEN"));
    }

    @Test
    void theTokenStoresEncryptionKeyIsInThePlaceholderCheck() {
        this.runner.withUserConfiguration(TokenStoreConfiguration.class)
            .withPropertyValues("twilio.token-store.encryption-key=${MISSING_KEY}")
            .run((context) -> assertThat(context).getFailure()
                .isInstanceOf(TwilioConfigurationException.class)
                .hasMessageStartingWith("twilio.token-store.encryption-key")
                .hasMessageContaining("MISSING_KEY"));
    }

    @ParameterizedTest
    @CsvSource({ "twilio.auth.atuh-token, twilio.auth.auth-token",
            "twilio.auth.retry.max-retrys, twilio.auth.retry.max-retries",
            "twilio.http.read-timout, twilio.http.read-timeout",
            "twilio.http.retry.jiter, twilio.http.retry.jitter",
            "twilio.token-requests.concurency-limit, twilio.token-requests.concurrency-limit",
            "twilio.webhook.base-ulr, twilio.webhook.base-url",
            "twilio.webhook.auth-tokne, twilio.webhook.auth-token",
            "twilio.health.fetch-tokens, twilio.health.fetch-token",
            "twilio.tenant-cache.maximum-sise, twilio.tenant-cache.maximum-size",
            "twilio.tenant-cache.expire-after-acess, twilio.tenant-cache.expire-after-access" })
    void aMistypedKeyOfAGroupFailsNamingTheNearestKey(String mistyped, String meant) {
        TwilioConfigurationException failure = failure(mistyped + "=" + SECRET);

        assertThat(failure.getProperty()).isEqualTo(mistyped);
        assertThat(failure.getMessage()).isEqualTo(mistyped + " (\"" + mistyped + "\" from property source \"test\")"
                + " is not a key of the Twilio starter, so its value would be ignored; did you mean " + meant + "?");
        assertThat(failure.getAction()).isEqualTo("Replace " + mistyped + " with " + meant + ", or remove it.");
    }

    @Test
    void aMistypedKeyFailsAlsoWhenTheContextBindsTheGroupsClass() {
        this.runner.withUserConfiguration(GroupsConfiguration.class)
            .withPropertyValues("twilio.health.fetch-tokens=true", "twilio.webhook.max-body-sise=2MB")
            .run((context) -> assertThat(context).getFailure()
                .isInstanceOf(TwilioConfigurationException.class)
                .hasMessageContaining("twilio.health.fetch-tokens (")
                .hasMessageContaining("did you mean twilio.health.fetch-token?")
                .hasMessageContaining("twilio.webhook.max-body-sise (")
                .hasMessageContaining("did you mean twilio.webhook.max-body-size?"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "twilio.tenant-cache.no-such-key", "twilio.token-store.no-such-key" })
    void aKeyOfAGroupWhoseClassIsNotHereFails(String key) {
        TwilioConfigurationException failure = failure(key + "=1");

        assertThat(failure.getProperty()).isEqualTo(key);
        assertThat(failure.getMessage()).contains(" is not a key of the Twilio starter");
    }

    @Test
    void aMistypedKeyOfTheTokenStoreFailsWithoutItsValue() {
        this.runner.withUserConfiguration(TokenStoreConfiguration.class)
            .withPropertyValues("twilio.token-store.encryption-key=" + SECRET, "twilio.token-store.encryptoin-key=x")
            .run((context) -> assertThat(context).getFailure()
                .isInstanceOf(TwilioConfigurationException.class)
                .hasMessageStartingWith("twilio.token-store.encryptoin-key (")
                .hasMessageNotContaining(SECRET));
    }

    @ParameterizedTest
    @CsvSource({ "twilio.tenants.acme.auth.atuh-token, twilio.tenants.acme.auth.auth-token",
            "twilio.tenants.acme.auth.retry.timout, twilio.tenants.acme.auth.retry.timeout",
            "twilio.tenants.acme.webhook.secondary-auth-tokn, twilio.tenants.acme.webhook.secondary-auth-token",
            "twilio.tenants.acme.acount-sid, twilio.tenants.acme.account-sid",
            "twilio.tenants.acme.regoin, twilio.tenants.acme.region" })
    void aMistypedKeyOfATenantFailsNamingTheNearestKeyOfATenant(String mistyped, String meant) {
        TwilioConfigurationException failure = failure("twilio.tenants.acme.account-sid=AC1", mistyped + "=x");

        assertThat(failure.getProperty()).isEqualTo(mistyped);
        assertThat(failure.getMessage()).contains(" is not a key of a tenant, so its value would be ignored; did you"
                + " mean " + meant + "?");
    }

    @ParameterizedTest
    @CsvSource({ "twilio.tenants.acme.webhook.base-url, twilio.webhook.base-url",
            "twilio.tenants.acme.webhook.paths[0], twilio.webhook.paths",
            "twilio.tenants.acme.http.read-timeout, twilio.http.read-timeout",
            "twilio.tenants.acme.health.fetch-token, twilio.health.fetch-token" })
    void aKeyOfTheWholeApplicationUnderATenantFailsNamingTheSharedKey(String key, String shared) {
        TwilioConfigurationException failure = failure(key + "=/x");

        assertThat(failure.getMessage()).contains(" is not a key of a tenant: " + shared + " applies to every client.");
        assertThat(failure.getAction()).startsWith("Set " + shared + " instead");
    }

    @ParameterizedTest
    @CsvSource({ "twilio.auth.read-timeout, twilio.token-requests.read-timeout",
            "twilio.auth.connect-timeout, twilio.token-requests.connect-timeout",
            "twilio.auth.max-attempts, twilio.auth.retry.max-retries",
            "twilio.auth.backoff, twilio.auth.retry.delay",
            "twilio.auth.retry-deadline, twilio.auth.retry.timeout",
            "twilio.http.max-attempts, twilio.http.retry.max-retries",
            "twilio.http.backoff, twilio.http.retry.delay",
            "twilio.http.max-retry-after, twilio.http.retry.max-retry-after",
            "twilio.tenants.acme.auth.max-attempts, twilio.tenants.acme.auth.retry.max-retries",
            "twilio.tenants.acme.auth.retry-deadline, twilio.tenants.acme.auth.retry.timeout",
            "twilio.tenants.acme.auth.read-timeout, twilio.token-requests.read-timeout" })
    void aKeyRenamedBeforeTheFirstReleaseFailsNamingTheNewKey(String old, String replacement) {
        TwilioConfigurationException failure = failure(old + "=1s");

        assertThat(failure.getProperty()).isEqualTo(old);
        assertThat(failure.getMessage()).contains(" was renamed to " + replacement + " before the first release")
            .endsWith(": nothing binds it, so the default would apply.");
        assertThat(failure.getAction()).isEqualTo("Set " + replacement + " instead of " + old + ".");
    }

    @Test
    void aRenamedCountSaysHowTheNewOneCounts() {
        assertThat(failure("twilio.http.max-attempts=3").getMessage())
            .contains("max-attempts 3 is max-retries 2");
    }

    @ParameterizedTest
    @CsvSource({ "twilio.acount-sid, twilio.account-sid", "twilio.acountSid, twilio.account-sid",
            "twilio.regoin, twilio.region", "twilio.base-ulr, twilio.base-url",
            "twilio.auht.auth-token, twilio.auth.auth-token", "twilio.tenant.acme.account-sid, twilio.tenants.acme.account-sid",
            "twilio.token-request.read-timeout, twilio.token-requests.read-timeout",
            "twilio.webhooks.auth-token, twilio.webhook.auth-token" })
    void aNearMissOfATopLevelKeyFailsNamingTheKeyMeant(String nearMiss, String meant) {
        TwilioConfigurationException failure = failure(nearMiss + "=AC1");

        assertThat(failure.getMessage()).contains("did you mean " + meant + "?");
    }

    @Test
    void leavesTheApplicationsOwnTopLevelKeysAlone() {
        this.runner
            .withPropertyValues("twilio.phone-number=+15005550006", "twilio.messaging.service-sid=MG1",
                    "twilio.sms.from=+15005550006", "twilio.callback-url=https://example.com/status",
                    "twilio.mock.request-log=target/requests")
            .run((context) -> assertThat(context).hasNotFailed());
    }

    @Test
    void acceptsEveryRelaxedFormOfAKey() {
        this.runner
            .withPropertyValues("twilio.auth.authToken=" + SECRET, "twilio.accountSid=AC1",
                    "twilio.auth.api_key=SK1", "twilio.tokenRequests.readTimeout=1s",
                    "twilio.tenants.acme.auth.clientId=OQ1", "twilio.tenants.acme.webhook.secondary_auth_token=x",
                    "twilio.http.retry.max-retries=1", "twilio.webhook.paths[0]=/twilio/**",
                    "twilio.webhook.paths[1]=/hooks/**", "twilio.auth.allowed-hosts=a.example.com,b.example.com",
                    "twilio.tenants.acme.auth.allowed-hosts[0]=c.example.com", "twilio.health.fetch-token=true")
            .run((context) -> assertThat(context).hasNotFailed());
    }

    @Test
    void leavesEnvironmentVariablesAloneForTheSdksOwnNamesReadAsKeys() {
        this.runner.withInitializer((context) -> TestPropertyValues
            .of("TWILIO_AUTH_TOKEN=" + SECRET, "TWILIO_API_KEY=SK1", "TWILIO_AUTH_AUTHTOKEN=" + SECRET,
                    "TWILIO_TENANTS_ACME_AUTH_CLIENTID=OQ1")
            .applyTo(context.getEnvironment(), TestPropertyValues.Type.SYSTEM_ENVIRONMENT))
            .run((context) -> assertThat(context).hasNotFailed());
    }

    @Test
    void reportsEveryProblemAtOnce() {
        TwilioConfigurationException failure = failure("twilio.auth.auth-token=${MISSING_TOKEN}",
                "twilio.auth.atuh-token=" + SECRET, "twilio.http.max-attempts=3");

        assertThat(failure.getProperty())
            .isEqualTo("twilio.auth.auth-token, twilio.auth.atuh-token, twilio.http.max-attempts");
        assertThat(failure.getMessage()).startsWith("3 problems:")
            .contains("MISSING_TOKEN", "did you mean twilio.auth.auth-token?", "renamed to twilio.http.retry.max-retries")
            .doesNotContain(SECRET);
    }

    @Test
    void leavesAValueThatDoesNotBindToSpringBootsReportAndTheUnknownKeysToTheNextStart() {
        this.runner.withUserConfiguration(GroupsConfiguration.class)
            .withPropertyValues("twilio.http.max-connections=0", "twilio.auth.atuh-token=x")
            .run((context) -> assertThat(context).getFailure()
                .isInstanceOf(ConfigurationPropertiesBindException.class)
                .hasMessageContaining("twilio"));
    }

    @Test
    void staysOutOfAheadOfTimeProcessingWhoseEnvironmentIsTheBuilds() {
        this.runner.withPropertyValues("spring.aot.processing=true", "twilio.auth.auth-token=${MISSING_TOKEN}")
            .run((context) -> assertThat(context).hasNotFailed());
    }

    @Test
    void distanceCountsInsertionsDeletionsSubstitutionsAndSwaps() {
        assertThat(UnknownKeys.distance("accountsid", "accountsid")).isZero();
        assertThat(UnknownKeys.distance("acountsid", "accountsid")).isEqualTo(1);
        assertThat(UnknownKeys.distance("atuhtoken", "authtoken")).isEqualTo(1);
        assertThat(UnknownKeys.distance("regoin", "region")).isEqualTo(1);
        assertThat(UnknownKeys.distance("sms", "sdk")).isEqualTo(2);
        assertThat(UnknownKeys.distance("", "auth")).isEqualTo(4);
    }

    private TwilioConfigurationException failure(String... properties) {
        List<Throwable> failure = new ArrayList<>();
        this.runner.withPropertyValues(properties).run((context) -> {
            assertThat(context).hasFailed();
            failure.add(context.getStartupFailure());
        });
        assertThat(failure.get(0)).isInstanceOf(TwilioConfigurationException.class);
        return (TwilioConfigurationException) failure.get(0);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({ TwilioProperties.class, TwilioWebhookProperties.class,
            TwilioHealthProperties.class })
    static class GroupsConfiguration {

    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(TwilioTokenStoreProperties.class)
    static class TokenStoreConfiguration {

    }
}
