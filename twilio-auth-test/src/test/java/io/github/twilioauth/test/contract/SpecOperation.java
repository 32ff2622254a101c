package io.github.twilioauth.test.contract;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import tools.jackson.databind.JsonNode;

/**
 * One operation of a spec (a method on a path template): the parameters and body it accepts,
 * the responses it declares, and the checks of a request or a response against them.
 *
 * @param pathItem the path item declaring it
 * @param method the HTTP method, upper case
 * @param node the operation object of the spec
 */
public record SpecOperation(PathItem pathItem, String method, JsonNode node) {

    private static final String FORM = "application/x-www-form-urlencoded";

    @Override
    public String toString() {
        return this.method + " " + this.pathItem.template() + " of " + this.pathItem.spec().file();
    }

    /**
     * Returns the query parameters the operation declares, each with whether it is required.
     * @return the parameter names, in declaration order
     */
    public Map<String, Boolean> queryParameters() {
        Map<String, Boolean> parameters = new LinkedHashMap<>();
        List<JsonNode> declared = new ArrayList<>();
        this.pathItem.node().path("parameters").forEach(declared::add);
        this.node.path("parameters").forEach(declared::add);
        for (JsonNode parameter : declared) {
            JsonNode resolved = resolve(parameter);
            if ("query".equals(resolved.path("in").asString())) {
                parameters.put(resolved.get("name").asString(), resolved.path("required").asBoolean(false));
            }
        }
        return parameters;
    }

    /**
     * Returns the media types of the request body the operation declares.
     * @return the media types, empty when it takes no body
     */
    public Set<String> requestContentTypes() {
        Set<String> types = new TreeSet<>();
        this.node.path("requestBody").path("content").propertyNames().forEach(types::add);
        return types;
    }

    /**
     * Checks the names of a request's parameters against the operation: every query and form
     * parameter declared, every required one present, a body of a declared media type.
     * @param queryNames the names of the query parameters sent
     * @param formNames the names of the form fields sent
     * @param contentType the media type of the body, or {@code null} without one
     * @return what is wrong, empty when nothing is
     */
    public List<String> requestViolations(Collection<String> queryNames, Collection<String> formNames,
            String contentType) {
        List<String> violations = new ArrayList<>();
        Map<String, Boolean> query = queryParameters();
        queryNames.stream()
            .filter((name) -> !query.containsKey(name))
            .forEach((name) -> violations.add("query parameter '" + name + "' is not declared"));
        query.forEach((name, required) -> {
            if (required && !queryNames.contains(name)) {
                violations.add("required query parameter '" + name + "' is missing");
            }
        });
        Set<String> bodyTypes = requestContentTypes();
        String mediaType = mediaType(contentType);
        if (mediaType != null && !bodyTypes.contains(mediaType)) {
            violations.add("a body of type " + mediaType + " is not declared (declared: " + bodyTypes + ")");
        }
        if (bodyTypes.contains(FORM)) {
            JsonNode schema = resolve(this.node.at("/requestBody/content/" + escape(FORM) + "/schema"));
            formNames.stream()
                .filter((name) -> !schema.path("properties").has(name))
                .forEach((name) -> violations.add("form parameter '" + name + "' is not declared"));
            // Twilio's specs never mark a request body required, yet Twilio refuses a call without
            // the fields its schema requires (a message without To, error 21604), body or not.
            schema.path("required")
                .valueStream()
                .map(JsonNode::asString)
                .filter((name) -> !formNames.contains(name))
                .forEach((name) -> violations.add("required form parameter '" + name + "' is missing"));
        }
        else if (!formNames.isEmpty()) {
            violations.add("form parameters " + formNames + " sent to an operation without a form body");
        }
        return violations;
    }

    /**
     * Returns the response the operation declares for a status.
     * @param status the HTTP status
     * @return the response object, empty when the status is not declared
     */
    public Optional<JsonNode> response(int status) {
        return responsePointer(status).map((pointer) -> this.pathItem.spec().document().at(pointer));
    }

    /** The JSON pointer of the response declared for a status, after its {@code $ref}. */
    private Optional<String> responsePointer(int status) {
        String pointer = "/paths/" + escape(this.pathItem.template()) + "/" + this.method.toLowerCase(Locale.ROOT)
                + "/responses/" + status;
        JsonNode document = this.pathItem.spec().document();
        if (document.at(pointer).isMissingNode()) {
            return Optional.empty();
        }
        while (document.at(pointer).has("$ref")) {
            pointer = document.at(pointer).get("$ref").asString().substring(1);
        }
        return Optional.of(pointer);
    }

    /**
     * Checks a response against the one the operation declares for its status: a declared
     * media type, and a body valid against the schema of that media type.
     * @param specs the specs, which validate schemas
     * @param status the HTTP status
     * @param contentType the {@code Content-Type} header, or {@code null}
     * @param body the body
     * @return what is wrong, empty when nothing is
     */
    public List<String> responseViolations(TwilioSpecs specs, int status, String contentType, String body) {
        String pointer = responsePointer(status).orElse(null);
        if (pointer == null) {
            return List.of("status " + status + " is not declared (declared: "
                    + this.node.path("responses").propertyNames() + ")");
        }
        JsonNode content = this.pathItem.spec().document().at(pointer).path("content");
        String mediaType = mediaType(contentType);
        if (content.isEmpty()) {
            return (body == null || body.isEmpty()) ? List.of() : List.of("a body where the spec declares none");
        }
        if (mediaType == null || !content.has(mediaType)) {
            return List.of("Content-Type " + contentType + " is not declared (declared: " + content.propertyNames()
                    + ")");
        }
        return schemaViolations(
                specs.schema(this.pathItem.spec(), pointer + "/content/" + escape(mediaType) + "/schema"), body);
    }

    /**
     * Checks the examples the spec gives of this operation's responses against their schemas,
     * as this suite reads them: a reading that refused Twilio's own examples would be wrong.
     * @param specs the specs, which validate schemas
     * @return what is wrong, each naming its example, empty when nothing is
     */
    public List<String> exampleViolations(TwilioSpecs specs) {
        List<String> violations = new ArrayList<>();
        this.node.path("responses").propertyNames().forEach((status) -> {
            String pointer = responsePointer(Integer.parseInt(status)).orElseThrow();
            this.pathItem.spec().document().at(pointer).path("content").properties().forEach((media) -> {
                String schema = pointer + "/content/" + escape(media.getKey()) + "/schema";
                media.getValue().path("examples").properties().forEach((example) -> schemaViolations(
                        specs.schema(this.pathItem.spec(), schema), example.getValue().get("value").toString())
                    .forEach((violation) -> violations.add(status + " " + example.getKey() + ": " + violation)));
            });
        });
        return violations;
    }

    static List<String> schemaViolations(com.networknt.schema.Schema schema, String body) {
        List<Error> errors = schema.validate(body, InputFormat.JSON);
        return errors.stream().map(Error::toString).toList();
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    static String mediaType(String contentType) {
        return (contentType == null) ? null : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    }

    /** Follows a local {@code $ref} of the spec, such as {@code #/components/responses/ErrorResponse}. */
    private JsonNode resolve(JsonNode node) {
        JsonNode resolved = node;
        while (resolved.has("$ref")) {
            resolved = this.pathItem.spec().document().at(resolved.get("$ref").asString().substring(1));
        }
        return resolved;
    }
}
