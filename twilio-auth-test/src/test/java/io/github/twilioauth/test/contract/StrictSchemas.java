package io.github.twilioauth.test.contract;

import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the object schemas of a spec to the letter: an object schema that declares properties
 * requires every one of them and allows no other. Examples are left as they are.
 * <p>
 * One reading is looser than the letter: {@code format: uri} is read as {@code uri-reference},
 * because the 2010-04-01 spec's own examples (and Twilio's answers) carry relative page URIs
 * such as {@code /2010-04-01/Accounts/AC.../Messages.json?PageSize=50&Page=0} there.
 */
final class StrictSchemas {

    private static final Set<String> EXAMPLES = Set.of("example", "examples");

    private StrictSchemas() {
    }

    static ObjectNode of(ObjectNode document) {
        ObjectNode strict = document.deepCopy();
        tighten(strict);
        return strict;
    }

    private static void tighten(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if ("uri".equals(object.path("format").asString(null)) && object.path("type").asString("").equals("string")) {
                object.put("format", "uri-reference");
            }
            JsonNode properties = object.get("properties");
            if (properties instanceof ObjectNode declared && declared.valueStream().allMatch(JsonNode::isObject)
                    && !object.has("$ref")) {
                ArrayNode required = object.putArray("required");
                declared.propertyNames().forEach(required::add);
                if (!object.has("additionalProperties")) {
                    object.put("additionalProperties", false);
                }
            }
            object.properties()
                .stream()
                .filter((entry) -> !EXAMPLES.contains(entry.getKey()))
                .forEach((entry) -> tighten(entry.getValue()));
        }
        else if (node instanceof ArrayNode array) {
            array.forEach(StrictSchemas::tighten);
        }
    }
}
