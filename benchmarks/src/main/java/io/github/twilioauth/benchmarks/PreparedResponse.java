package io.github.twilioauth.benchmarks;

import java.io.InputStream;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpResponse;

/**
 * A {@code 200 OK} with no body, allocated once and returned for every request: the
 * interceptor's caller sees a response without any I/O taking place.
 */
final class PreparedResponse implements ClientHttpResponse {

    private final HttpHeaders headers = new HttpHeaders();

    @Override
    public HttpStatusCode getStatusCode() {
        return HttpStatus.OK;
    }

    @Override
    public String getStatusText() {
        return HttpStatus.OK.getReasonPhrase();
    }

    @Override
    public HttpHeaders getHeaders() {
        return this.headers;
    }

    @Override
    public InputStream getBody() {
        return InputStream.nullInputStream();
    }

    @Override
    public void close() {
    }
}
