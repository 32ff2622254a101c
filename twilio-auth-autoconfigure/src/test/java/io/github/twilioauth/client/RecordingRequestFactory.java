package io.github.twilioauth.client;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;

/**
 * A request factory that records the headers of every request as it goes on the wire, after
 * every interceptor of the {@code RestClient} (the authenticating one included) has run.
 * Thread-safe.
 */
final class RecordingRequestFactory implements ClientHttpRequestFactory {

    private final ClientHttpRequestFactory delegate = new JdkClientHttpRequestFactory();

    private final Queue<SentRequest> sent = new ConcurrentLinkedQueue<>();

    @Override
    public ClientHttpRequest createRequest(URI uri, HttpMethod httpMethod) throws IOException {
        return new RecordingRequest(this.delegate.createRequest(uri, httpMethod));
    }

    /**
     * Returns the requests sent so far, in the order they were sent.
     */
    List<SentRequest> sent() {
        return List.copyOf(this.sent);
    }

    /**
     * A request as it was sent.
     *
     * @param method the HTTP method
     * @param uri the URI
     * @param authorizations every {@code Authorization} header value, in order; empty without one
     * @param forwardedHost the {@code X-Forwarded-Host} header, or {@code null} without one
     * @param headers every header as it was sent; read-only
     */
    record SentRequest(HttpMethod method, URI uri, List<String> authorizations, @Nullable String forwardedHost,
            HttpHeaders headers) {
    }

    private final class RecordingRequest implements ClientHttpRequest {

        private final ClientHttpRequest request;

        RecordingRequest(ClientHttpRequest request) {
            this.request = request;
        }

        @Override
        public ClientHttpResponse execute() throws IOException {
            List<String> authorizations = this.request.getHeaders().getOrEmpty(HttpHeaders.AUTHORIZATION);
            RecordingRequestFactory.this.sent.add(new SentRequest(getMethod(), getURI(), List.copyOf(authorizations),
                    this.request.getHeaders().getFirst(TwilioEndpoints.FORWARDED_HOST),
                    HttpHeaders.readOnlyHttpHeaders(HttpHeaders.copyOf(this.request.getHeaders()))));
            return this.request.execute();
        }

        @Override
        public OutputStream getBody() throws IOException {
            return this.request.getBody();
        }

        @Override
        public HttpMethod getMethod() {
            return this.request.getMethod();
        }

        @Override
        public URI getURI() {
            return this.request.getURI();
        }

        @Override
        public Map<String, Object> getAttributes() {
            return this.request.getAttributes();
        }

        @Override
        public HttpHeaders getHeaders() {
            return this.request.getHeaders();
        }
    }
}
