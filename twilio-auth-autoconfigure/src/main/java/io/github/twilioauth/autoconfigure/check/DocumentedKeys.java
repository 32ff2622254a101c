package io.github.twilioauth.autoconfigure.check;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.source.ConfigurationPropertyName;

/**
 * The {@code twilio.*} keys that the configuration metadata of the classpath documents
 * ({@code META-INF/spring-configuration-metadata.json}, which Spring Boot's configuration
 * processor writes from the properties classes, merged with hand-written entries): the keys in
 * use, and the keys renamed before the first release (deprecated at level {@code error}, with
 * their replacement), as IDEs read them.
 */
final class DocumentedKeys {

    static final String LOCATION = "META-INF/spring-configuration-metadata.json";

    private static final ConfigurationPropertyName TWILIO = ConfigurationPropertyName.of("twilio");

    private final Map<ConfigurationPropertyName, Key> keys;

    private final Map<ConfigurationPropertyName, Renamed> renamed;

    private DocumentedKeys(Map<ConfigurationPropertyName, Key> keys, Map<ConfigurationPropertyName, Renamed> renamed) {
        this.keys = keys;
        this.renamed = renamed;
    }

    /**
     * Reads the metadata of every jar and directory of a class loader.
     * @param classLoader the class loader
     * @return the documented {@code twilio.*} keys
     * @throws UncheckedIOException if a metadata file cannot be read
     */
    static DocumentedKeys load(ClassLoader classLoader) {
        Map<ConfigurationPropertyName, Key> keys = new LinkedHashMap<>();
        Map<ConfigurationPropertyName, Renamed> renamed = new LinkedHashMap<>();
        try {
            for (URL url : Collections.list(classLoader.getResources(LOCATION))) {
                try (InputStream in = url.openStream()) {
                    String metadata = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    // Most jars document none: only those that do are parsed.
                    if (!metadata.contains("\"twilio.")) {
                        continue;
                    }
                    for (JsonNode property : JsonMapper.shared().readTree(metadata).path("properties")) {
                        String name = property.path("name").asString("");
                        ConfigurationPropertyName key = ConfigurationPropertyName.ofIfValid(name);
                        if (key == null || !TWILIO.isAncestorOf(key)) {
                            continue;
                        }
                        JsonNode deprecation = property.path("deprecation");
                        if ("error".equals(deprecation.path("level").asString(""))) {
                            renamed.put(key, new Renamed(name, text(deprecation, "replacement"),
                                    text(deprecation, "reason")));
                        }
                        else {
                            keys.put(key, new Key(name, property.path("type").asString("")));
                        }
                    }
                }
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot read the configuration metadata (" + LOCATION + ")", ex);
        }
        return new DocumentedKeys(keys, renamed);
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return (value != null && value.isString()) ? value.asString() : null;
    }

    /**
     * Returns whether a key is documented: itself, or as an entry of a documented map.
     * @param name the key
     * @return whether it is documented
     */
    boolean documents(ConfigurationPropertyName name) {
        if (this.keys.containsKey(name)) {
            return true;
        }
        for (ConfigurationPropertyName parent = name.getParent(); TWILIO.isAncestorOf(parent); parent = parent.getParent()) {
            Key key = this.keys.get(parent);
            if (key != null) {
                return key.type().startsWith("java.util.Map<");
            }
        }
        return false;
    }

    /**
     * Returns the renaming of a key that was renamed or removed.
     * @param name the key
     * @return its renaming, or {@code null} if it was not renamed
     */
    @Nullable Renamed renamed(ConfigurationPropertyName name) {
        return this.renamed.get(name);
    }

    /**
     * Returns the documented keys, such as {@code twilio.auth.auth-token}.
     * @return the keys, as the metadata spells them
     */
    List<String> names() {
        return this.keys.values().stream().map(Key::name).toList();
    }

    /**
     * One documented key.
     *
     * @param name the key, as the metadata spells it
     * @param type its type, such as {@code java.util.List<java.lang.String>}
     */
    record Key(String name, String type) {
    }

    /**
     * A key renamed (or removed) before the first release.
     *
     * @param name the old key
     * @param replacement the key that replaces it, or {@code null} if none does
     * @param reason why, or {@code null}
     */
    record Renamed(String name, @Nullable String replacement, @Nullable String reason) {
    }
}
