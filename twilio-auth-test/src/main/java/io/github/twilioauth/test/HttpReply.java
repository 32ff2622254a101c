package io.github.twilioauth.test;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A complete HTTP response of the mock server, built before anything is written.
 */
record HttpReply(int status, Map<String, String> headers, @Nullable String contentType, @Nullable String body)
        implements Reply {

    HttpReply {
        headers = Map.copyOf(headers);
    }

    static HttpReply json(int status, JsonNode body) {
        return json(status, body, Map.of());
    }

    static HttpReply json(int status, JsonNode body, Map<String, String> headers) {
        return new HttpReply(status, headers, "application/json", JsonMapper.shared().writeValueAsString(body));
    }

    HttpReply withHeader(String name, String value) {
        Map<String, String> headers = new LinkedHashMap<>(this.headers);
        headers.put(name, value);
        return new HttpReply(this.status, headers, this.contentType, this.body);
    }

    @Override
    public void send(HttpExchange exchange) throws IOException {
        Headers responseHeaders = exchange.getResponseHeaders();
        this.headers.forEach(responseHeaders::set);
        if (this.contentType != null) {
            responseHeaders.set("Content-Type", this.contentType);
        }
        byte[] bytes = (this.body != null) ? this.body.getBytes(StandardCharsets.UTF_8) : new byte[0];
        exchange.sendResponseHeaders(this.status, (bytes.length > 0) ? bytes.length : -1);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
