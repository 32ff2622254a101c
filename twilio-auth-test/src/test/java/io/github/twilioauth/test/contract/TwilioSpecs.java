package io.github.twilioauth.test.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Twilio's OpenAPI specs of the products the stand-in serves: the 2010-04-01 API, the
 * Organizations API and the OAuth token API, each served on the host of its {@code servers}
 * entry. They are the copies kept in the repository, on this module's test classpath under
 * {@value #CLASSPATH_DIRECTORY} (with their licence and the upstream commit they were taken at),
 * unless the system property {@value #DIRECTORY_PROPERTY} names a directory of other copies.
 * <p>
 * Response schemas are held to the letter: every object schema that declares properties is read
 * as declaring all of them required and no others, because Twilio's responses carry every
 * property of their resource (nulls included) and a stand-in must not invent any.
 */
public final class TwilioSpecs {

    /** The system property naming a directory of other copies of the specs, read instead. */
    public static final String DIRECTORY_PROPERTY = "twilio.oai.dir";

    /** Where the copies kept in the repository are on the classpath. */
    static final String CLASSPATH_DIRECTORY = "twilio-oai/";

    private static final List<String> FILES = List.of("twilio_api_v2010.json", "twilio_iam_organizations.json",
            "twilio_oauth_v2.json");

    private static TwilioSpecs loaded;

    private final List<Spec> specs;

    private final List<PathItem> pathItems;

    private final SchemaRegistry schemas;

    private TwilioSpecs(List<Spec> specs) {
        this.specs = specs;
        this.pathItems = specs.stream().flatMap((spec) -> spec.pathItems().stream()).toList();
        Map<String, String> documents = new HashMap<>();
        specs.forEach((spec) -> documents.put(spec.uri(), JsonMapper.shared().writeValueAsString(spec.strict())));
        this.schemas = SchemaRegistry.withDialect(Dialects.getOpenApi30(), (builder) -> builder.schemas(documents));
    }

    /**
     * Returns the specs, read once per JVM.
     * @return the specs
     * @throws IllegalStateException when {@value #DIRECTORY_PROPERTY} names a directory that
     * lacks a spec, naming the property
     */
    public static synchronized TwilioSpecs load() {
        if (loaded == null) {
            loaded = new TwilioSpecs(read(documents(System.getProperty(DIRECTORY_PROPERTY))));
        }
        return loaded;
    }

    /**
     * Returns the content of each spec file, by file name: from the classpath, or from
     * {@code directory} when it is set.
     * @param directory the value of {@value #DIRECTORY_PROPERTY}, blank or {@code null} for the
     * copies kept in the repository
     * @return the documents in the order of {@link #FILES}
     */
    static Map<String, byte[]> documents(String directory) {
        Map<String, byte[]> documents = new LinkedHashMap<>();
        for (String file : FILES) {
            documents.put(file, (directory == null || directory.isBlank()) ? fromClasspath(file)
                    : fromDirectory(Path.of(directory), file));
        }
        return documents;
    }

    private static byte[] fromClasspath(String file) {
        try (InputStream in = TwilioSpecs.class.getClassLoader().getResourceAsStream(CLASSPATH_DIRECTORY + file)) {
            if (in == null) {
                throw new IllegalStateException("Twilio's OpenAPI spec " + file + " is not on the classpath under "
                        + CLASSPATH_DIRECTORY + ": it is kept in twilio-auth-test/src/test/resources/"
                        + CLASSPATH_DIRECTORY + ", or set the system property " + DIRECTORY_PROPERTY
                        + " to a directory holding " + FILES);
            }
            return in.readAllBytes();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot read " + CLASSPATH_DIRECTORY + file + " from the classpath", ex);
        }
    }

    private static byte[] fromDirectory(Path directory, String file) {
        Path path = directory.resolve(file);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("Twilio's OpenAPI spec " + file + " is not in "
                    + directory.toAbsolutePath() + ", named by the system property " + DIRECTORY_PROPERTY
                    + ": set it to a directory holding " + FILES + ", or leave it unset for the copies kept in"
                    + " the repository");
        }
        try {
            return Files.readAllBytes(path);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot read " + path, ex);
        }
    }

    private static List<Spec> read(Map<String, byte[]> documents) {
        List<Spec> specs = new ArrayList<>();
        documents.forEach((file, content) -> {
            JsonNode document = JsonMapper.shared().readTree(content);
            specs.add(new Spec(file, URI.create(document.get("servers").get(0).get("url").asString()).getHost(),
                    document, StrictSchemas.of((ObjectNode) document)));
        });
        return List.copyOf(specs);
    }

    /**
     * Returns the operation of a spec that serves a request: of the spec whose server is
     * {@code host}, or, without a host, of any spec with a path template matching.
     * @param host the Twilio host the request is for, such as {@code api.twilio.com}, or
     * {@code null}
     * @param method the HTTP method
     * @param path the request path
     * @return the operation, empty when no spec declares the method for the path
     */
    public Optional<SpecOperation> operation(String host, String method, String path) {
        return pathItem(host, path).flatMap((item) -> item.operation(method));
    }

    /**
     * Returns the path item of a spec whose template matches a path, the most literal one when
     * several do (as {@code /Messages/{Sid}.json} and {@code /Messages/Feedback.json} might).
     * @param host the Twilio host, or {@code null} for any spec
     * @param path the request path
     * @return the path item, empty when no template matches
     */
    public Optional<PathItem> pathItem(String host, String path) {
        return this.pathItems.stream()
            .filter((item) -> host == null || item.spec().host().equals(host))
            .filter((item) -> item.matches(path))
            .max(Comparator.comparingInt(PathItem::literalLength));
    }

    /**
     * Returns whether a host is the server of one of the specs.
     * @param host the host
     * @return whether a spec is served there
     */
    public boolean servesHost(String host) {
        return this.specs.stream().anyMatch((spec) -> spec.host().equals(host));
    }

    /**
     * Returns the schema at a JSON pointer of a spec document.
     * @param spec the spec file name
     * @param pointer the JSON pointer, such as {@code /components/schemas/Error}
     * @return the schema, with the strictness of response schemas
     */
    public Schema schema(String spec, String pointer) {
        Spec found = this.specs.stream().filter((candidate) -> candidate.file().equals(spec)).findFirst().orElseThrow();
        return schema(found, pointer);
    }

    Schema schema(Spec spec, String pointer) {
        // A JSON pointer in a URI fragment, so that the schema's $refs resolve in its document.
        String fragment = pointer.replace("%", "%25").replace("{", "%7B").replace("}", "%7D");
        return this.schemas.getSchema(SchemaLocation.of(spec.uri() + "#" + fragment));
    }

    /**
     * One spec file and the host that serves it.
     *
     * @param file the file name
     * @param host the host of its server
     * @param document the spec as written
     * @param strict the spec with its response schemas read to the letter
     */
    record Spec(String file, String host, JsonNode document, ObjectNode strict) {

        private static final Pattern TEMPLATE_PARAMETER = Pattern.compile("\\{[^/}]+}");

        String uri() {
            return "https://" + this.host + "/" + this.file;
        }

        List<PathItem> pathItems() {
            List<PathItem> items = new ArrayList<>();
            this.document.get("paths").properties().forEach((entry) -> items.add(new PathItem(this, entry.getKey(),
                    Pattern.compile(TEMPLATE_PARAMETER.matcher(Pattern.quote(entry.getKey()))
                        .replaceAll("\\\\E[^/]+\\\\Q")), entry.getValue())));
            return items;
        }
    }
}
