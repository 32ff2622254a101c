package io.github.twilioauth.autoconfigure.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The IDE metadata of the {@code twilio.webhook.*} keys, generated from the properties' Javadoc.
 */
class TwilioWebhookConfigurationMetadataTest {

    private static final Map<String, JsonNode> properties = new LinkedHashMap<>();

    @BeforeAll
    static void readMetadata() throws IOException {
        for (URL url : Collections.list(TwilioWebhookConfigurationMetadataTest.class.getClassLoader()
            .getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = url.openStream()) {
                JsonMapper.shared().readTree(in).path("properties").forEach((property) -> {
                    String name = property.path("name").asString();
                    if (name.startsWith("twilio.webhook.")) {
                        properties.put(name, property);
                    }
                });
            }
        }
    }

    @Test
    void describesEveryWebhookKey() {
        assertThat(properties).containsOnlyKeys("twilio.webhook.enabled", "twilio.webhook.base-url",
                "twilio.webhook.paths", "twilio.webhook.max-body-size", "twilio.webhook.auth-token",
                "twilio.webhook.secondary-auth-token", "twilio.webhook.deduplication.enabled",
                "twilio.webhook.deduplication.store", "twilio.webhook.deduplication.window",
                "twilio.webhook.deduplication.max-response-size", "twilio.webhook.deduplication.wait-timeout",
                "twilio.webhook.deduplication.claim-timeout", "twilio.webhook.deduplication.max-in-memory-size",
                "twilio.webhook.deduplication.timeout", "twilio.webhook.deduplication.key-prefix",
                "twilio.webhook.deduplication.encryption-key");
        assertThat(properties.values()).allSatisfy((property) -> assertThat(property.path("description").asString(""))
            .as(property.path("name").asString()).isNotBlank());
    }

    @Test
    void givesTheDefaultsOfTheProperties() {
        TwilioWebhookProperties defaults = new TwilioWebhookProperties();
        assertThat(properties.get("twilio.webhook.enabled").path("defaultValue").asBoolean()).isEqualTo(defaults.isEnabled());
        String maxBodySize = properties.get("twilio.webhook.max-body-size").path("defaultValue").asString();
        assertThat(new Binder(new MapConfigurationPropertySource(Map.of("size", maxBodySize))).bind("size", DataSize.class)
            .get()).isEqualTo(defaults.getMaxBodySize());
    }

    @Test
    void givesTheDefaultsOfDeduplication() {
        TwilioWebhookProperties.Deduplication defaults = new TwilioWebhookProperties().getDeduplication();
        Map<String, Object> documented = new LinkedHashMap<>();
        properties.forEach((name, property) -> {
            if (name.startsWith("twilio.webhook.deduplication.") && property.has("defaultValue")) {
                documented.put(name.substring("twilio.webhook.deduplication.".length()),
                        property.path("defaultValue").asString());
            }
        });
        TwilioWebhookProperties.Deduplication bound = new Binder(new MapConfigurationPropertySource(documented))
            .bindOrCreate("", TwilioWebhookProperties.Deduplication.class);

        assertThat(documented).containsOnlyKeys("enabled", "store", "window", "max-response-size", "wait-timeout",
                "claim-timeout", "max-in-memory-size", "timeout", "key-prefix");
        assertThat(bound).usingRecursiveComparison().isEqualTo(defaults);
    }
}
