package io.github.twilioauth.strategy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * An outgoing request as an {@link AuthStrategy} sees it.
 * <p>
 * Immutable: {@link #withHeader(String, String)} returns a copy. {@link #toString()} masks
 * the value of the {@code Authorization} header.
 *
 * @param method the HTTP method
 * @param url the absolute URL
 * @param headers the request headers; never {@code null}
 * @param data the request body or form parameters, or {@code null}
 * @param timeout how long the request may take, or {@code null} for the client's default
 */
public record RequestConfig(String method, String url, Map<String, String> headers, @Nullable Object data,
        @Nullable Duration timeout) {

    static final String AUTHORIZATION = "Authorization";

    /**
     * Creates a request config; a {@code null} header map becomes an empty one.
     */
    public RequestConfig {
        headers = (headers != null) ? Map.copyOf(headers) : Map.of();
    }

    /**
     * Creates a request without headers, body or timeout.
     * @param method the HTTP method
     * @param url the absolute URL
     * @return the request config
     */
    public static RequestConfig of(String method, String url) {
        return new RequestConfig(method, url, Map.of(), null, null);
    }

    /**
     * Returns a copy of this request with a header set, replacing any previous value.
     * @param name the header name
     * @param value the header value
     * @return the new request config
     */
    public RequestConfig withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(this.headers);
        copy.put(name, value);
        return new RequestConfig(this.method, this.url, copy, this.data, this.timeout);
    }

    @Override
    public String toString() {
        String shownHeaders = this.headers.entrySet()
            .stream()
            .map((header) -> header.getKey() + "="
                    + (AUTHORIZATION.equalsIgnoreCase(header.getKey()) ? "******" : header.getValue()))
            .collect(Collectors.joining(", ", "{", "}"));
        return "RequestConfig[method=" + this.method + ", url=" + this.url + ", headers=" + shownHeaders
                + ", data=" + ((this.data != null) ? "(present)" : "null") + ", timeout=" + this.timeout + "]";
    }
}
