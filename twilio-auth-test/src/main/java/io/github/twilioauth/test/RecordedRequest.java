package io.github.twilioauth.test;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An API request (anything but a token request) that reached a {@link MockTwilioServer}.
 * <p>
 * {@link #toString()} masks the credentials of the {@code Authorization} header, so a recorded
 * request can be printed safely.
 *
 * @param method the HTTP method
 * @param path the decoded request path
 * @param query the raw query string, or {@code null} when absent
 * @param authScheme {@code "Basic"}, {@code "Bearer"}, or {@code null} without a recognised
 * {@code Authorization} header
 * @param principal the Basic username, the subject of a Bearer token this server issued, or
 * {@code null}
 * @param form the fields of a form-encoded body, in the order they were sent; immutable
 * @param authorization the {@code Authorization} header as it arrived (the first one, if there
 * were several), or {@code null} without one
 * @param userAgent the {@code User-Agent} header, or {@code null} without one
 * @param forwardedHost the {@code X-Forwarded-Host} header, the Twilio host the request stands
 * for, or {@code null} without one
 * @param cookie the {@code Cookie} header, or {@code null} without one
 */
public record RecordedRequest(String method, String path, @Nullable String query, @Nullable String authScheme,
        @Nullable String principal, Map<String, List<String>> form, @Nullable String authorization,
        @Nullable String userAgent, @Nullable String forwardedHost, @Nullable String cookie) {

    /**
     * A request recorded without a {@code Cookie} header.
     * @param method the HTTP method
     * @param path the path
     * @param query the raw query, or {@code null}
     * @param authScheme the scheme of the credentials, or {@code null}
     * @param principal who the credentials name, or {@code null}
     * @param form the fields of a form-encoded body
     * @param authorization the {@code Authorization} header, or {@code null}
     * @param userAgent the {@code User-Agent} header, or {@code null}
     * @param forwardedHost the {@code X-Forwarded-Host} header, or {@code null}
     */
    public RecordedRequest(String method, String path, @Nullable String query, @Nullable String authScheme,
            @Nullable String principal, Map<String, List<String>> form, @Nullable String authorization,
            @Nullable String userAgent, @Nullable String forwardedHost) {
        this(method, path, query, authScheme, principal, form, authorization, userAgent, forwardedHost, null);
    }

    @Override
    public String toString() {
        return "RecordedRequest[method=" + this.method + ", path=" + this.path + ", query=" + this.query
                + ", authScheme=" + this.authScheme + ", principal=" + this.principal + ", form=" + this.form
                + ", authorization=" + masked(this.authorization) + ", userAgent=" + this.userAgent
                + ", forwardedHost=" + this.forwardedHost + ", cookie=" + ((this.cookie != null) ? "******" : null)
                + "]";
    }

    private static @Nullable String masked(@Nullable String authorization) {
        if (authorization == null) {
            return null;
        }
        int space = authorization.indexOf(' ');
        return (space < 0) ? "******" : authorization.substring(0, space) + " ******";
    }
}
