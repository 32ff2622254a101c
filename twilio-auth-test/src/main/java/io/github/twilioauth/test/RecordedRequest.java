package io.github.twilioauth.test;

import java.util.List;
import java.util.Map;

/**
 * An API request (anything but a token request) that reached a {@link MockTwilioServer}.
 * It holds no credential: only the authentication scheme and who the caller claimed to be.
 *
 * @param method the HTTP method
 * @param path the decoded request path
 * @param query the raw query string, or {@code null} when absent
 * @param authScheme {@code "Basic"}, {@code "Bearer"}, or {@code null} without a recognised
 * {@code Authorization} header
 * @param principal the Basic username, the subject of a Bearer token this server issued, or
 * {@code null}
 * @param form the fields of a form-encoded body, in the order they were sent; immutable
 */
public record RecordedRequest(String method, String path, String query, String authScheme, String principal,
        Map<String, List<String>> form) {
}
