package io.github.twilioauth.test;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import org.jspecify.annotations.Nullable;

/**
 * Decodes {@code application/x-www-form-urlencoded} bodies and query strings into ordered,
 * immutable multi-valued maps.
 */
final class FormData {

    private static final String FORM_CONTENT_TYPE = "application/x-www-form-urlencoded";

    private FormData() {
    }

    /**
     * Reads the body of a form-encoded request; any other body is not a form and reads as empty.
     */
    static Map<String, List<String>> read(HttpExchange exchange) throws IOException {
        if (!isForm(exchange.getRequestHeaders().getFirst("Content-Type"))) {
            return Map.of();
        }
        return parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    }

    /**
     * Whether a {@code Content-Type} header names a form-encoded body.
     */
    static boolean isForm(@Nullable String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(FORM_CONTENT_TYPE);
    }

    static Map<String, List<String>> parse(@Nullable String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String pair : encoded.split("&")) {
            if (!pair.isEmpty()) {
                int equals = pair.indexOf('=');
                String name = decode((equals >= 0) ? pair.substring(0, equals) : pair);
                String value = (equals >= 0) ? decode(pair.substring(equals + 1)) : "";
                values.computeIfAbsent(name, (key) -> new ArrayList<>()).add(value);
            }
        }
        values.replaceAll((name, list) -> List.copyOf(list));
        return Collections.unmodifiableMap(values);
    }

    /**
     * Returns the first value of a field, treating an empty value as absent.
     */
    static @Nullable String first(Map<String, List<String>> values, String name) {
        List<String> list = values.getOrDefault(name, List.of());
        return (list.isEmpty() || list.get(0).isEmpty()) ? null : list.get(0);
    }

    static Map<String, String> firstValues(Map<String, List<String>> values) {
        Map<String, String> first = new LinkedHashMap<>();
        values.forEach((name, list) -> first.put(name, list.get(0)));
        return Collections.unmodifiableMap(first);
    }

    private static String decode(String encoded) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        }
        catch (IllegalArgumentException ex) {
            throw ErrorAnswer.invalidParameter("Malformed form encoding: " + ex.getMessage());
        }
    }
}
