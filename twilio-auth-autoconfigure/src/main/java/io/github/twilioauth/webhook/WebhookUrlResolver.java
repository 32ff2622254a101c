package io.github.twilioauth.webhook;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Rebuilds the URL Twilio requested, and so signed, from what the application received.
 * <p>
 * Without a base URL, the URL is the request's own scheme, host, port, raw path and raw query,
 * as the server reports them: behind a proxy that is only right with forwarded-header support
 * (Spring's {@code ForwardedHeaderFilter} or {@code ForwardedHeaderTransformer}, or the
 * server's own). With a base URL, such as {@code https://hooks.example.com} or
 * {@code https://example.com/app}, its scheme, host, port and path replace the request's scheme,
 * host and port, and the request's raw path and query follow.
 * <p>
 * Immutable and thread-safe.
 */
public final class WebhookUrlResolver {

    private final @Nullable String baseUrl;

    /**
     * Creates a resolver.
     * @param baseUrl the public URL that replaces the request's scheme, host and port, or
     * {@code null} to use the request's own
     * @throws IllegalArgumentException if the base URL is not an absolute http or https URL
     * without query
     */
    public WebhookUrlResolver(@Nullable String baseUrl) {
        this.baseUrl = (baseUrl != null && !baseUrl.isBlank()) ? checkBaseUrl(baseUrl.trim()) : null;
    }

    private static String checkBaseUrl(String baseUrl) {
        URI uri;
        try {
            uri = URI.create(baseUrl);
        }
        catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("The webhook base URL is not a valid URL: " + ex.getMessage(), ex);
        }
        String scheme = uri.getScheme();
        if (uri.getHost() == null || scheme == null
                || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
            throw new IllegalArgumentException("The webhook base URL must be an absolute http or https URL");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("The webhook base URL must have no query and no fragment");
        }
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /**
     * Returns the configured base URL.
     * @return the base URL without a trailing slash, or {@code null}
     */
    public @Nullable String baseUrl() {
        return this.baseUrl;
    }

    /**
     * Returns the URL Twilio requested.
     * @param scheme the request's scheme
     * @param host the request's host
     * @param port the request's port, or a negative number when it has none
     * @param rawPath the request's path, not decoded, context path included
     * @param rawQuery the request's query, not decoded, or {@code null}
     * @return the URL, with the port only when it is not the scheme's default
     */
    public String resolve(String scheme, String host, int port, String rawPath, @Nullable String rawQuery) {
        StringBuilder url = new StringBuilder(128);
        if (this.baseUrl != null) {
            url.append(this.baseUrl);
        }
        else {
            String lowerCaseScheme = scheme.toLowerCase(Locale.ROOT);
            url.append(lowerCaseScheme).append("://").append(host);
            if (port >= 0 && port != defaultPort(lowerCaseScheme)) {
                url.append(':').append(port);
            }
        }
        url.append(rawPath);
        if (rawQuery != null) {
            url.append('?').append(rawQuery);
        }
        return url.toString();
    }

    /**
     * Returns the forms of a URL Twilio may have signed: the URL itself, then the same URL with
     * the scheme's default port removed when it has it, or added when it has no port. Twilio's
     * SDKs accept both, as Twilio may sign either.
     * @param url an absolute URL
     * @return the URL, and its other form for an http or https URL
     */
    public static List<String> portVariants(String url) {
        int schemeEnd = url.indexOf("://");
        if (schemeEnd < 0) {
            return List.of(url);
        }
        int defaultPort = defaultPort(url.substring(0, schemeEnd).toLowerCase(Locale.ROOT));
        if (defaultPort < 0) {
            return List.of(url);
        }
        int authorityStart = schemeEnd + 3;
        int authorityEnd = authorityEnd(url, authorityStart);
        String authority = url.substring(authorityStart, authorityEnd);
        int userInfoEnd = authority.lastIndexOf('@');
        String hostAndPort = authority.substring(userInfoEnd + 1);
        int bracket = hostAndPort.lastIndexOf(']');
        int colon = hostAndPort.lastIndexOf(':');
        String prefix = url.substring(0, authorityStart + userInfoEnd + 1);
        String rest = url.substring(authorityEnd);
        if (colon > bracket) {
            String port = hostAndPort.substring(colon + 1);
            if (port.equals(Integer.toString(defaultPort))) {
                return List.of(url, prefix + hostAndPort.substring(0, colon) + rest);
            }
            return List.of(url);
        }
        return List.of(url, prefix + hostAndPort + ":" + defaultPort + rest);
    }

    private static int authorityEnd(String url, int start) {
        for (int i = start; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '/' || c == '?' || c == '#') {
                return i;
            }
        }
        return url.length();
    }

    private static int defaultPort(String lowerCaseScheme) {
        return switch (lowerCaseScheme) {
            case "https" -> 443;
            case "http" -> 80;
            default -> -1;
        };
    }

    @Override
    public String toString() {
        return "WebhookUrlResolver[baseUrl=" + this.baseUrl + "]";
    }
}
