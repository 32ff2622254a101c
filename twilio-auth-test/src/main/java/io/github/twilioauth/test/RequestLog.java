package io.github.twilioauth.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The requests a server received, for the request contract suite, which holds what a client sent
 * to Twilio's OpenAPI specs: when the system property {@value #DIRECTORY_PROPERTY} names a
 * directory, each request is appended to a file of it as a JSON line with the host it stands for,
 * its method and path, the names of its query and form parameters, and its media type. Never a
 * header value or a parameter value: no credential or phone number is written.
 * <p>
 * Thread-safe: the servers of one JVM append whole lines to one file under one lock.
 */
final class RequestLog {

    /** The system property naming the directory to log to. */
    static final String DIRECTORY_PROPERTY = "twilio.mock.request-log";

    private static final Object LOCK = new Object();

    private final @Nullable Path file;

    /** Why the requests received now are off the spec on purpose, or {@code null}. */
    private volatile @Nullable String offSpec;

    RequestLog() {
        String directory = System.getProperty(DIRECTORY_PROPERTY);
        this.file = (directory == null || directory.isBlank()) ? null
                : Path.of(directory).resolve("requests-" + ProcessHandle.current().pid() + ".jsonl");
    }

    void offSpec(@Nullable String reason) {
        this.offSpec = reason;
    }

    void append(@Nullable String forwardedHost, String method, String path, @Nullable String rawQuery,
            Collection<String> formNames, @Nullable String contentType) {
        Path file = this.file;
        if (file == null) {
            return;
        }
        ObjectNode line = JsonNodeFactory.instance.objectNode();
        line.put("host", forwardedHost);
        line.put("method", method);
        line.put("path", path);
        ArrayNode query = line.putArray("query");
        FormData.parse(rawQuery).keySet().forEach(query::add);
        ArrayNode form = line.putArray("form");
        formNames.forEach(form::add);
        line.put("contentType", (contentType != null) ? contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT)
                : null);
        line.put("offSpec", this.offSpec);
        write(file, JsonMapper.shared().writeValueAsString(line) + "\n");
    }

    private static void write(Path file, String line) {
        synchronized (LOCK) {
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            }
            catch (IOException ex) {
                throw new UncheckedIOException("Cannot log the request to " + file, ex);
            }
        }
    }
}
