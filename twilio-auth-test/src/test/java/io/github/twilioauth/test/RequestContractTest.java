package io.github.twilioauth.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import io.github.twilioauth.test.contract.PathItem;
import io.github.twilioauth.test.contract.SpecOperation;
import io.github.twilioauth.test.contract.TwilioSpecs;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every request a module's tests sent to the stand-in, held to Twilio's OpenAPI specs: a path of
 * the spec of the host it was for (named by {@code X-Forwarded-Host}, or any spec without it), a
 * method the spec declares there, only declared query and form parameters, every required one,
 * and a declared media type.
 * <p>
 * Reads the log the stand-in writes while the module's tests run with the system property
 * {@value RequestLog#DIRECTORY_PROPERTY}; a build runs it after them (tag {@code contract}).
 * Requests a test sent off the spec on purpose, inside {@link MockTwilioServer#offSpec(String)},
 * are left out and listed with their reasons.
 */
@Tag("contract")
class RequestContractTest {

    // A regional host, such as api.dublin.ie1.twilio.com, serves what its global host serves.
    private static final String REGIONAL_HOST = "([a-z0-9-]+)\\.[a-z0-9-]+\\.[a-z0-9-]+\\.twilio\\.com";

    @Test
    void everyRequestTheTestsSentIsOneTwilioSpecDeclares() throws IOException {
        TwilioSpecs specs = TwilioSpecs.load();
        List<JsonNode> requests = loggedRequests();
        Map<String, Integer> violations = new TreeMap<>();
        Map<String, Integer> offSpec = new TreeMap<>();
        for (JsonNode request : requests) {
            String reason = request.path("offSpec").asString(null);
            if (reason != null) {
                offSpec.merge(request.get("method").asString() + " " + request.get("path").asString() + ": " + reason,
                        1, Integer::sum);
            }
            else {
                violations(specs, request).forEach((violation) -> violations.merge(violation, 1, Integer::sum));
            }
        }
        int deliberate = offSpec.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("Request contract: %d requests checked, %d off the spec on purpose%n",
                requests.size() - deliberate, deliberate);
        offSpec.forEach((request, count) -> System.out.printf("  off the spec (x%d) %s%n", count, request));
        if (!violations.isEmpty()) {
            StringBuilder report = new StringBuilder("Requests off Twilio's specs, with how many times each was sent:");
            violations.forEach(
                    (violation, count) -> report.append("\n  (x").append(count).append(") ").append(violation));
            fail(report.toString());
        }
    }

    private static List<JsonNode> loggedRequests() throws IOException {
        String directory = System.getProperty(RequestLog.DIRECTORY_PROPERTY);
        if (directory == null || directory.isBlank()) {
            fail("No request log to check: set the system property " + RequestLog.DIRECTORY_PROPERTY
                    + " for the tests whose requests are to be checked");
        }
        List<JsonNode> requests = new ArrayList<>();
        Path path = Path.of(directory);
        if (Files.isDirectory(path)) {
            try (Stream<Path> files = Files.list(path)) {
                for (Path file : files.filter((candidate) -> candidate.toString().endsWith(".jsonl")).toList()) {
                    for (String line : Files.readAllLines(file)) {
                        requests.add(JsonMapper.shared().readTree(line));
                    }
                }
            }
        }
        assertThat(requests).as("requests logged in %s: without any, this check would pass vacuously", path)
            .isNotEmpty();
        return requests;
    }

    private static List<String> violations(TwilioSpecs specs, JsonNode request) {
        String method = request.get("method").asString();
        String path = request.get("path").asString();
        String host = host(request.path("host").asString(null));
        String sent = method + " " + path + ((host != null) ? " on " + host : "");
        if (host != null && !specs.servesHost(host)) {
            return List.of(sent + ": no Twilio spec is served on " + host);
        }
        Optional<PathItem> item = specs.pathItem(host, path);
        if (item.isEmpty()) {
            return List.of(sent + ": no path of " + ((host != null) ? host + "'s spec" : "any spec") + " matches");
        }
        Optional<SpecOperation> operation = item.get().operation(method);
        if (operation.isEmpty()) {
            return List.of(method + " " + item.get().template() + ": the spec declares only " + item.get().methods());
        }
        return operation.get()
            .requestViolations(names(request.path("query")), names(request.path("form")),
                    request.path("contentType").asString(null))
            .stream()
            .map((violation) -> operation.get() + ": " + violation)
            .toList();
    }

    private static String host(String forwardedHost) {
        if (forwardedHost == null) {
            return null;
        }
        String host = forwardedHost.split(",", 2)[0].trim().toLowerCase(Locale.ROOT).replaceFirst(":443$", "");
        return host.matches(REGIONAL_HOST) ? host.replaceFirst(REGIONAL_HOST, "$1.twilio.com") : host;
    }

    private static List<String> names(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }
}
