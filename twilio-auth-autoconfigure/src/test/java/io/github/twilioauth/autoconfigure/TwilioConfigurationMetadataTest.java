package io.github.twilioauth.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.github.twilioauth.TwilioRetryPolicy;
import io.github.twilioauth.credential.AuthType;
import io.github.twilioauth.token.TokenManagerSettings;
import org.springframework.beans.BeanWrapper;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration metadata that IDEs read: {@code META-INF/spring-configuration-metadata.json}
 * on the classpath, generated from the properties' Javadoc and merged with
 * {@code additional-spring-configuration-metadata.json}.
 */
class TwilioConfigurationMetadataTest {

    private static final String METADATA = "META-INF/spring-configuration-metadata.json";

    private static List<JsonNode> properties;

    private static List<JsonNode> hints;

    @BeforeAll
    static void readMetadata() throws IOException {
        properties = new ArrayList<>();
        hints = new ArrayList<>();
        for (URL url : Collections.list(TwilioConfigurationMetadataTest.class.getClassLoader().getResources(METADATA))) {
            try (InputStream in = url.openStream()) {
                JsonNode metadata = JsonMapper.shared().readTree(in);
                metadata.path("properties").forEach((property) -> {
                    if (property.path("name").asString().startsWith("twilio.")) {
                        properties.add(property);
                    }
                });
                metadata.path("hints").forEach((hint) -> {
                    if (hint.path("name").asString().startsWith("twilio.")) {
                        hints.add(hint);
                    }
                });
            }
        }
    }

    @Test
    void describesEveryTwilioProperty() {
        assertThat(properties).extracting((property) -> property.path("name").asString())
            .contains("twilio.account-sid", "twilio.auth.type", "twilio.http.retry.max-retries", "twilio.tenants");
        assertThat(properties).allSatisfy((property) -> assertThat(property.path("description").asString(""))
            .as(property.path("name").asString()).isNotBlank());
    }

    @Test
    void givesTheDefaultOfEveryTwilioPropertyThatHasOne() {
        BeanWrapper defaults = new BeanWrapperImpl(new TwilioProperties());
        List<String> checked = new ArrayList<>();
        for (JsonNode property : properties) {
            String name = property.path("name").asString();
            String path = propertyPath(name);
            if (!defaults.isReadableProperty(path)) {
                continue;
            }
            Object value = defaults.getPropertyValue(path);
            if (value == null || value instanceof Collection<?> collection && collection.isEmpty()
                    || value instanceof Map<?, ?> map && map.isEmpty()) {
                continue;
            }
            assertThat(property.has("defaultValue")).as(name + " has a defaultValue").isTrue();
            Binder binder = new Binder(
                    new MapConfigurationPropertySource(Map.of(name, property.path("defaultValue").asString())));
            assertThat(binder.bind(name, Bindable.of(value.getClass())).get()).as(name).isEqualTo(value);
            checked.add(name);
        }
        assertThat(checked).contains("twilio.token-requests.connect-timeout", "twilio.token-requests.concurrency-limit",
                "twilio.auth.refresh-ahead",
                "twilio.auth.retry.max-retries", "twilio.auth.retry.delay", "twilio.auth.retry.timeout",
                "twilio.http.retry.max-retries", "twilio.http.retry.delay", "twilio.http.retry.multiplier",
                "twilio.http.retry.max-delay", "twilio.http.retry.jitter", "twilio.http.retry.max-retry-after");
    }

    @Test
    void retryDefaultsAreTheRetryPolicyDefaults() {
        TwilioProperties properties = new TwilioProperties();
        assertThat(properties.getHttp().getRetry().toRetryPolicy()).hasToString(TwilioRetryPolicy.DEFAULT.toString());
        assertThat(properties.getAuth().getRetry().toRetryPolicy()).hasToString(TwilioRetryPolicy.DEFAULT.toString());
    }

    @Test
    void tokenDefaultsAreTheTokenManagerSettingsDefaults() {
        TwilioProperties properties = new TwilioProperties();
        TokenManagerSettings defaults = TokenManagerSettings.defaults();
        assertThat(properties.getAuth().getRefreshAhead()).isEqualTo(defaults.refreshAhead());
        assertThat(properties.getTokenRequests().getConnectTimeout()).isEqualTo(defaults.connectTimeout());
        assertThat(properties.getTokenRequests().getReadTimeout()).isEqualTo(defaults.readTimeout());
    }

    @Test
    void hintsTheFourAuthTypesWithDescriptions() {
        JsonNode hint = hint("twilio.auth.type");
        assertThat(values(hint)).containsOnlyKeys(
                Arrays.stream(AuthType.values()).map(AuthType::getValue).toArray(String[]::new));
        assertThat(values(hint).values()).allSatisfy((description) -> assertThat(description).isNotBlank());
    }

    @Test
    void hintsTwilioRegionsAndAcceptsOthers() {
        JsonNode hint = hint("twilio.region");
        assertThat(values(hint)).containsOnlyKeys("us1", "ie1", "au1");
        assertThat(hint.path("providers").findValuesAsString("name")).containsExactly("any");
    }

    @Test
    void hintsTwilioEdgeLocationsAndAcceptsOthers() {
        JsonNode hint = hint("twilio.edge");
        assertThat(values(hint)).containsKeys("ashburn", "umatilla", "dublin", "frankfurt", "sao-paulo", "singapore",
                "sydney", "tokyo", "roaming");
        assertThat(hint.path("providers").findValuesAsString("name")).containsExactly("any");
    }

    private static JsonNode hint(String name) {
        return hints.stream()
            .filter((hint) -> hint.path("name").asString().equals(name))
            .findFirst()
            .orElseThrow(() -> new AssertionError("No hint for " + name));
    }

    private static Map<String, String> values(JsonNode hint) {
        List<JsonNode> values = new ArrayList<>();
        hint.path("values").forEach(values::add);
        return values.stream()
            .collect(Collectors.toMap((value) -> value.path("value").asString(),
                    (value) -> value.path("description").asString("")));
    }

    /** {@code twilio.auth.retry.max-retries} becomes the bean path {@code auth.retry.maxRetries}. */
    private static String propertyPath(String name) {
        return Arrays.stream(name.substring("twilio.".length()).split("\\."))
            .map(TwilioConfigurationMetadataTest::camelCase)
            .collect(Collectors.joining("."));
    }

    private static String camelCase(String kebab) {
        StringBuilder camel = new StringBuilder();
        boolean upper = false;
        for (char c : kebab.toCharArray()) {
            if (c == '-') {
                upper = true;
            }
            else {
                camel.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return camel.toString();
    }
}
