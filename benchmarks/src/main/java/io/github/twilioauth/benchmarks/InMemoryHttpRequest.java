package io.github.twilioauth.benchmarks;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRequest;

/**
 * A request that exists only in memory, with headers of its own, for measuring an interceptor
 * without I/O.
 */
final class InMemoryHttpRequest implements HttpRequest {

    private final HttpHeaders headers = new HttpHeaders();

    private final Map<String, Object> attributes = new HashMap<>();

    private final HttpMethod method;

    private final URI uri;

    InMemoryHttpRequest(HttpMethod method, URI uri) {
        this.method = method;
        this.uri = uri;
    }

    @Override
    public HttpMethod getMethod() {
        return this.method;
    }

    @Override
    public URI getURI() {
        return this.uri;
    }

    @Override
    public Map<String, Object> getAttributes() {
        return this.attributes;
    }

    @Override
    public HttpHeaders getHeaders() {
        return this.headers;
    }
}
