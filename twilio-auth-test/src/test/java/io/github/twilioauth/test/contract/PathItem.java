package io.github.twilioauth.test.contract;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import io.github.twilioauth.test.contract.TwilioSpecs.Spec;
import tools.jackson.databind.JsonNode;

/**
 * A path template of a spec and the operations declared on it.
 *
 * @param spec the spec declaring it
 * @param template the template, such as {@code /2010-04-01/Accounts/{AccountSid}/Messages.json}
 * @param pattern the pattern of the paths the template matches
 * @param node the path item of the spec
 */
public record PathItem(Spec spec, String template, Pattern pattern, JsonNode node) {

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");

    boolean matches(String path) {
        return this.pattern.matcher(path).matches();
    }

    int literalLength() {
        return this.template.replaceAll("\\{[^/}]+}", "").length();
    }

    /**
     * Returns the methods the spec declares on this path, upper case.
     * @return the methods
     */
    public List<String> methods() {
        return METHODS.stream().filter(this.node::has).map(String::toUpperCase).toList();
    }

    /**
     * Returns the operation of a method.
     * @param method the HTTP method
     * @return the operation, empty when the spec declares none for the method
     */
    public Optional<SpecOperation> operation(String method) {
        JsonNode operation = this.node.get(method.toLowerCase(Locale.ROOT));
        return (operation != null && METHODS.contains(method.toLowerCase(Locale.ROOT)))
                ? Optional.of(new SpecOperation(this, method.toUpperCase(Locale.ROOT), operation))
                : Optional.empty();
    }
}
