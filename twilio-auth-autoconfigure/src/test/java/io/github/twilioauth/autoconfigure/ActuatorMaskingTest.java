package io.github.twilioauth.autoconfigure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.github.twilioauth.client.TwilioClient;
import io.github.twilioauth.testsupport.TwilioAutoConfigurations;
import org.springframework.boot.actuate.autoconfigure.context.properties.ConfigurationPropertiesReportEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.env.EnvironmentEndpointAutoConfiguration;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint.ConfigurationPropertiesBeanDescriptor;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.actuate.env.EnvironmentEndpoint.PropertySourceDescriptor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Actuator's {@code configprops} and {@code env} endpoints show Twilio's secrets masked, even
 * with {@code show-values=always}, and the other Twilio settings in clear.
 */
class ActuatorMaskingTest {

    static final String MASK = SanitizableData.SANITIZED_VALUE;

    static final String ACCOUNT_SID = "AC" + "e".repeat(32);

    static final String API_KEY = "SK" + "e".repeat(32);

    static final String CLIENT_ID = "OQ" + "e".repeat(32);

    static final String CLIENT_SECRET = "actuator-client-secret-e1";

    static final String AUTH_TOKEN = "actuator-auth-token-e2";

    static final String API_SECRET = "actuator-api-secret-e3";

    static final String TENANT_SECRET = "actuator-tenant-secret-e4";

    static final String TENANT_AUTH_TOKEN = "actuator-tenant-auth-token-e5";

    static final List<String> SECRETS = List.of(CLIENT_SECRET, AUTH_TOKEN, API_SECRET, TENANT_SECRET,
            TENANT_AUTH_TOKEN);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(TwilioAutoConfigurations.client())
        .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesReportEndpointAutoConfiguration.class,
                EnvironmentEndpointAutoConfiguration.class))
        .withPropertyValues("management.endpoints.web.exposure.include=configprops,env",
                "management.endpoint.configprops.show-values=always", "management.endpoint.env.show-values=always",
                "twilio.account-sid=" + ACCOUNT_SID);

    private ApplicationContextRunner clientCredentials() {
        return this.runner.withPropertyValues("twilio.auth.client-id=" + CLIENT_ID,
                "twilio.auth.client-secret=" + CLIENT_SECRET);
    }

    private ApplicationContextRunner authToken() {
        return this.runner.withPropertyValues("twilio.auth.auth-token=" + AUTH_TOKEN);
    }

    private ApplicationContextRunner apiKey() {
        return this.runner.withPropertyValues("twilio.auth.api-key=" + API_KEY, "twilio.auth.api-secret=" + API_SECRET);
    }

    @Test
    void configpropsMasksTheClientSecretAndShowsTheAccountSid() {
        clientCredentials().run((context) -> {
            Map<String, Object> twilio = configprops(context);
            assertThat(twilio).containsEntry("accountSid", ACCOUNT_SID)
                .containsEntry("auth.clientId", CLIENT_ID)
                .containsEntry("auth.clientSecret", MASK);
            assertThat(twilio.values()).doesNotContainAnyElementsOf(SECRETS);
        });
    }

    @Test
    void configpropsMasksTheAuthToken() {
        authToken().run((context) -> {
            Map<String, Object> twilio = configprops(context);
            assertThat(twilio).containsEntry("accountSid", ACCOUNT_SID).containsEntry("auth.authToken", MASK);
            assertThat(twilio.values()).doesNotContainAnyElementsOf(SECRETS);
        });
    }

    @Test
    void configpropsMasksTheApiSecret() {
        apiKey().run((context) -> {
            Map<String, Object> twilio = configprops(context);
            assertThat(twilio).containsEntry("auth.apiKey", API_KEY).containsEntry("auth.apiSecret", MASK);
            assertThat(twilio.values()).doesNotContainAnyElementsOf(SECRETS);
        });
    }

    @Test
    void configpropsInputsMaskTheSecrets() {
        clientCredentials().run((context) -> {
            Map<String, Object> inputs = flatten("", twilioBean(context).getInputs());
            assertThat(inputs).containsEntry("auth.clientSecret.value", MASK)
                .containsEntry("accountSid.value", ACCOUNT_SID);
            assertThat(inputs.values()).doesNotContainAnyElementsOf(SECRETS);
        });
    }

    @Test
    void envMasksTheClientSecretAndShowsTheAccountSid() {
        clientCredentials().run((context) -> {
            EnvironmentEndpoint env = context.getBean(EnvironmentEndpoint.class);
            assertThat(env.environmentEntry("twilio.auth.client-secret").getProperty().getValue()).isEqualTo(MASK);
            assertThat(env.environmentEntry("twilio.account-sid").getProperty().getValue()).isEqualTo(ACCOUNT_SID);
            assertThat(env.environmentEntry("twilio.auth.client-id").getProperty().getValue()).isEqualTo(CLIENT_ID);
            assertThat(envValues(context)).doesNotContainAnyElementsOf(SECRETS);
        });
    }

    @Test
    void envMasksTheAuthToken() {
        authToken().run((context) -> {
            EnvironmentEndpoint env = context.getBean(EnvironmentEndpoint.class);
            assertThat(env.environmentEntry("twilio.auth.auth-token").getProperty().getValue()).isEqualTo(MASK);
            assertThat(envValues(context)).doesNotContainAnyElementsOf(SECRETS);
        });
    }

    @Test
    void envMasksTheApiSecretAndShowsTheApiKey() {
        apiKey().run((context) -> {
            EnvironmentEndpoint env = context.getBean(EnvironmentEndpoint.class);
            assertThat(env.environmentEntry("twilio.auth.api-secret").getProperty().getValue()).isEqualTo(MASK);
            assertThat(env.environmentEntry("twilio.auth.api-key").getProperty().getValue()).isEqualTo(API_KEY);
            assertThat(envValues(context)).doesNotContainAnyElementsOf(SECRETS);
        });
    }

    private ApplicationContextRunner tenants() {
        return clientCredentials().withPropertyValues("twilio.tenants.acme.account-sid=" + ACCOUNT_SID,
                "twilio.tenants.acme.auth.client-id=" + CLIENT_ID,
                "twilio.tenants.acme.auth.client-secret=" + TENANT_SECRET,
                "twilio.tenants.globex.account-sid=" + ACCOUNT_SID,
                "twilio.tenants.globex.auth.auth-token=" + TENANT_AUTH_TOKEN);
    }

    @Test
    void configpropsMasksTenantSecrets() {
        tenants().run((context) -> {
            Map<String, Object> twilio = configprops(context);
            assertThat(twilio).containsEntry("tenants.acme.accountSid", ACCOUNT_SID)
                .containsEntry("tenants.acme.auth.clientSecret", MASK)
                .containsEntry("tenants.globex.auth.authToken", MASK);
            assertThat(twilio.values()).doesNotContainAnyElementsOf(SECRETS);
        });
    }

    @Test
    void envMasksTenantSecrets() {
        tenants().run((context) -> {
            EnvironmentEndpoint env = context.getBean(EnvironmentEndpoint.class);
            assertThat(env.environmentEntry("twilio.tenants.acme.auth.client-secret").getProperty().getValue())
                .isEqualTo(MASK);
            assertThat(env.environmentEntry("twilio.tenants.globex.auth.auth-token").getProperty().getValue())
                .isEqualTo(MASK);
            assertThat(envValues(context)).doesNotContainAnyElementsOf(SECRETS);
        });
    }

    @Test
    void envMasksSecretsGivenAsEnvironmentVariables() {
        this.runner.withInitializer((context) -> context.getEnvironment()
            .getPropertySources()
            .addFirst(new SystemEnvironmentPropertySource("test-systemEnvironment",
                    Map.of("TWILIO_AUTH_CLIENT_ID", CLIENT_ID, "TWILIO_AUTH_CLIENT_SECRET", CLIENT_SECRET))))
            .run((context) -> {
                Map<String, Object> variables = envProperties(context, "test-systemEnvironment");
                assertThat(variables).containsEntry("TWILIO_AUTH_CLIENT_SECRET", MASK)
                    .containsEntry("TWILIO_AUTH_CLIENT_ID", CLIENT_ID);
                assertThat(envValues(context)).doesNotContainAnyElementsOf(SECRETS);
                assertThat(configprops(context)).containsEntry("auth.clientSecret", MASK);
            });
    }

    @ParameterizedTest
    @ValueSource(strings = { "twilio.webhook.deduplication.encryption-key", "twilio.token-store.encryption-key" })
    void envMasksTheEncryptionKeysOfTheRedisStores(String property) {
        String key = "actuator-encryption-key-e6";
        String variable = property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
        authToken().withPropertyValues(property + "=" + key)
            .withInitializer((context) -> context.getEnvironment()
                .getPropertySources()
                .addFirst(new SystemEnvironmentPropertySource("test-systemEnvironment", Map.of(variable, key))))
            .run((context) -> {
                EnvironmentEndpoint env = context.getBean(EnvironmentEndpoint.class);
                assertThat(env.environmentEntry(property).getProperty().getValue()).isEqualTo(MASK);
                assertThat(envProperties(context, "test-systemEnvironment")).containsEntry(variable, MASK);
                assertThat(envValues(context)).doesNotContain(key);
            });
    }

    @Test
    void otherApplicationsPropertiesAreLeftAlone() {
        clientCredentials().withPropertyValues("acme.auth.client-secret=not-ours").run((context) -> {
            EnvironmentEndpoint env = context.getBean(EnvironmentEndpoint.class);
            assertThat(env.environmentEntry("acme.auth.client-secret").getProperty().getValue()).isEqualTo("not-ours");
        });
    }

    @Test
    void startsWithoutActuatorOnTheClasspath() {
        new ApplicationContextRunner()
            .withConfiguration(TwilioAutoConfigurations.client())
            .withClassLoader(new FilteredClassLoader(SanitizingFunction.class))
            .withPropertyValues("twilio.account-sid=" + ACCOUNT_SID, "twilio.auth.auth-token=" + AUTH_TOKEN)
            .run((context) -> assertThat(context).hasNotFailed()
                .hasSingleBean(TwilioClient.class)
                .doesNotHaveBean(SanitizingFunction.class));
    }

    private static ConfigurationPropertiesBeanDescriptor twilioBean(AssertableApplicationContext context) {
        assertThat(context).hasNotFailed().hasSingleBean(ConfigurationPropertiesReportEndpoint.class);
        return context.getBean(ConfigurationPropertiesReportEndpoint.class)
            .configurationProperties()
            .getContexts()
            .values()
            .stream()
            .flatMap((beans) -> beans.getBeans().values().stream())
            .filter((bean) -> bean.getPrefix().equals("twilio"))
            .findFirst()
            .orElseThrow();
    }

    /** The properties of the {@code twilio} bean, flattened to dotted paths. */
    private static Map<String, Object> configprops(AssertableApplicationContext context) {
        return flatten("", twilioBean(context).getProperties());
    }

    /** Every value of every property source. */
    private static List<Object> envValues(AssertableApplicationContext context) {
        assertThat(context).hasNotFailed().hasSingleBean(EnvironmentEndpoint.class);
        return context.getBean(EnvironmentEndpoint.class)
            .environment(null)
            .getPropertySources()
            .stream()
            .flatMap((source) -> source.getProperties().values().stream())
            .map((property) -> property.getValue())
            .toList();
    }

    private static Map<String, Object> envProperties(AssertableApplicationContext context, String source) {
        PropertySourceDescriptor descriptor = context.getBean(EnvironmentEndpoint.class)
            .environment(null)
            .getPropertySources()
            .stream()
            .filter((candidate) -> candidate.getName().equals(source))
            .findFirst()
            .orElseThrow();
        Map<String, Object> values = new LinkedHashMap<>();
        descriptor.getProperties().forEach((name, property) -> values.put(name, property.getValue()));
        return values;
    }

    private static Map<String, Object> flatten(String prefix, Map<String, Object> tree) {
        Map<String, Object> flat = new LinkedHashMap<>();
        tree.forEach((key, value) -> {
            String path = prefix.isEmpty() ? key : prefix + "." + key;
            if (value instanceof Map<?, ?> nested) {
                @SuppressWarnings("unchecked")
                Map<String, Object> children = (Map<String, Object>) nested;
                flat.putAll(flatten(path, children));
            }
            else {
                flat.put(path, value);
            }
        });
        return flat;
    }
}
