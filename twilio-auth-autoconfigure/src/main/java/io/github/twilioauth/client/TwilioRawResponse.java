package io.github.twilioauth.client;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

import org.springframework.http.HttpHeaders;

/**
 * A response of {@link TwilioClient#exchange}, whatever its status: for callers that read
 * Twilio's error statuses themselves, such as the adapter of an SDK.
 *
 * @param statusCode the HTTP status
 * @param headers the response headers; read-only
 * @param body the body, read up to the client's bounds; possibly empty
 */
public record TwilioRawResponse(int statusCode, HttpHeaders headers, byte[] body) {

    /**
     * Creates a response. Read-only headers, such as a {@code ClientHttpResponse}'s own, are
     * kept as given; others are copied read-only.
     * @param statusCode the HTTP status
     * @param headers the response headers
     * @param body the body
     */
    public TwilioRawResponse {
        Objects.requireNonNull(headers, "headers");
        // readOnlyHttpHeaders returns read-only headers themselves, and a view of any others.
        if (HttpHeaders.readOnlyHttpHeaders(headers) != headers) {
            HttpHeaders copy = new HttpHeaders();
            copy.addAll(headers);
            headers = HttpHeaders.readOnlyHttpHeaders(copy);
        }
        Objects.requireNonNull(body, "body");
    }

    /**
     * Returns the body as UTF-8 text, as Twilio's JSON is.
     * @return the body
     */
    public String bodyAsString() {
        return new String(this.body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "TwilioRawResponse[statusCode=" + this.statusCode + ", headers=" + this.headers + ", body="
                + this.body.length + " bytes]";
    }
}
