package io.github.twilioauth.client;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import io.github.twilioauth.http.AllowedHosts;
import io.github.twilioauth.token.TokenManagerOptions;
import org.jspecify.annotations.Nullable;

/**
 * Where Twilio API calls go: {@code https://{product}.twilio.com}, the regional host
 * {@code https://{product}.{edge}.{region}.twilio.com} when a region or edge is set, or a base
 * URL that replaces the scheme and host of every call (a local stand-in, a proxy).
 * <p>
 * Regions follow the hosts Twilio serves since 28 April 2026, when hosts naming a region
 * without an edge ({@code api.ie1.twilio.com}) stopped working: an edge alone means region
 * {@code us1}; {@code ie1} alone means edge {@code dublin} and {@code au1} alone edge
 * {@code sydney}, the hosts Twilio's domain migration guide lists; {@code us1} alone means the
 * global hosts; any other region needs its edge, and a region and edge given together are used
 * as given. twilio-java 11.3.3 and twilio-node dropped their region-to-edge maps at the same
 * time, so a region alone gets no guessed edge here either.
 *
 * @param baseUrl replaces {@code https://{product}.twilio.com} when set, or {@code null}
 * @param region the Twilio region, such as {@code ie1}, or {@code null}
 * @param edge the Twilio edge location, such as {@code dublin}, or {@code null}
 */
public record TwilioEndpoints(@Nullable String baseUrl, @Nullable String region, @Nullable String edge) {

    /**
     * The header that names the Twilio host a request to the base URL stands for, such as
     * {@code api.twilio.com}, so that a stand-in or proxy serving every product on one address
     * knows which one is meant.
     */
    public static final String FORWARDED_HOST = "X-Forwarded-Host";

    /** The path of the token endpoint on a base URL. */
    public static final String TOKEN_PATH = "/v2/token";

    private static final String DOMAIN = "twilio.com";

    private static final String HTTPS = "https://";

    private static final String US1 = "us1";

    /** The regions that may be given without an edge, with the edge they mean. */
    private static final Map<String, String> EDGE_OF_REGION = Map.of("ie1", "dublin", "au1", "sydney");

    /**
     * Normalizes the values (blank means unset; the base URL loses its trailing slash; region
     * and edge are lower case) and checks that they name hosts Twilio serves.
     * @throws IllegalArgumentException when the base URL is not absolute, or a region other
     * than {@code us1}, {@code ie1} and {@code au1} is given without an edge
     */
    public TwilioEndpoints {
        baseUrl = (baseUrl == null || baseUrl.isBlank()) ? null : stripTrailingSlash(baseUrl.trim());
        region = (region == null || region.isBlank()) ? null : region.trim().toLowerCase(Locale.ROOT);
        edge = (edge == null || edge.isBlank()) ? null : edge.trim().toLowerCase(Locale.ROOT);
        if (baseUrl != null && URI.create(baseUrl).getHost() == null) {
            throw new IllegalArgumentException("baseUrl must be an absolute URL such as http://127.0.0.1:8080");
        }
        if (region != null && edge == null && !region.equals(US1) && !EDGE_OF_REGION.containsKey(region)) {
            throw new IllegalArgumentException("Region '" + region + "' needs an edge: Twilio has served no host for"
                    + " a region given alone since 2026-04-28. Valid choices: no region (global hosts), " + US1
                    + " (global hosts), ie1 (edge dublin), au1 (edge sydney), or a region with its edge.");
        }
    }

    /**
     * Returns the endpoints of Twilio's global hosts.
     * @return endpoints without base URL, region or edge
     */
    public static TwilioEndpoints global() {
        return new TwilioEndpoints(null, null, null);
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /**
     * Returns where credentials of calls to these endpoints may go: Twilio's hosts, the host of
     * the base URL, and the given hosts.
     * @param moreHosts more host names, or {@code *.example.com} for a domain's subdomains;
     * {@code null} entries are ignored
     * @param insecureHttp whether plain HTTP to hosts other than loopback addresses is allowed
     * @return the allowed hosts
     */
    public AllowedHosts allowedHosts(Collection<? extends @Nullable String> moreHosts, boolean insecureHttp) {
        List<@Nullable String> hosts = new ArrayList<>(moreHosts);
        hosts.add(AllowedHosts.hostOf(this.baseUrl));
        return AllowedHosts.of(hosts, insecureHttp);
    }

    /**
     * Routes a URI given to the client: a path on the {@code api} host, an absolute
     * {@code https://*.twilio.com} URI whose host is regionalized or replaced by the base URL,
     * or an absolute URI on the base URL itself (such as a next-page link a stand-in returned).
     * @param uri a path starting with {@code /} or an absolute URI; already encoded
     * @return where to send it
     * @throws IllegalArgumentException when the URI is none of these
     */
    public Route route(String uri) {
        if (uri == null || uri.isBlank()) {
            throw new IllegalArgumentException("uri must be a path such as /2010-04-01/Accounts.json or an absolute "
                    + "https://*.twilio.com URI");
        }
        if (uri.startsWith("/")) {
            return on("api", uri);
        }
        Route global = onGlobalHost(uri);
        if (global != null) {
            return global;
        }
        URI absolute = URI.create(uri);
        // The base URL is parsed only when it names the host: the URIs given are mostly Twilio's.
        if (this.baseUrl != null && absolute.getHost() != null && this.baseUrl.contains(absolute.getHost())
                && sameOrigin(absolute, URI.create(this.baseUrl))) {
            return new Route(absolute, null);
        }
        String host = (absolute.getHost() != null) ? absolute.getHost().toLowerCase(Locale.ROOT) : "";
        if (!host.endsWith("." + DOMAIN) || !"https".equalsIgnoreCase(absolute.getScheme())) {
            throw new IllegalArgumentException("uri must be a path, an https://*.twilio.com URI or a URI on the base"
                    + " URL, but it is on '" + absolute.getScheme() + "://" + host + "'");
        }
        String product = host.substring(0, host.indexOf('.'));
        String pathAndQuery = (absolute.getRawQuery() != null) ? absolute.getRawPath() + "?" + absolute.getRawQuery()
                : absolute.getRawPath();
        // The host is {product}.twilio.com, or has more labels between the two.
        boolean globalHost = host.length() == product.length() + 1 + DOMAIN.length();
        return (globalHost || this.baseUrl != null) ? on(product, pathAndQuery) : new Route(absolute, null);
    }

    /**
     * Routes {@code https://{product}.twilio.com/...}, the URI of every SDK request, without
     * parsing it twice (it is parsed once, in {@link #on}); {@code null} for any other URI, or
     * one on a base URL that is a Twilio host itself, which the general path handles.
     */
    private @Nullable Route onGlobalHost(String uri) {
        int hostEnd = uri.indexOf('/', HTTPS.length());
        if (!uri.startsWith(HTTPS) || hostEnd < 0 || uri.indexOf('#', hostEnd) >= 0) {
            return null;
        }
        String host = uri.substring(HTTPS.length(), hostEnd);
        int dot = host.indexOf('.');
        if (dot < 0 || !host.startsWith(DOMAIN, dot + 1) || host.length() != dot + 1 + DOMAIN.length()
                || !isProduct(host.substring(0, dot)) || (this.baseUrl != null && this.baseUrl.contains(host))) {
            return null;
        }
        return on(host.substring(0, dot), uri.substring(hostEnd));
    }

    /** Whether a host label is a lower-case product name, such as {@code api} or {@code preview-iam}. */
    private static boolean isProduct(String label) {
        if (label.isEmpty()) {
            return false;
        }
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private Route on(String product, String pathAndQuery) {
        String standsFor = (this.baseUrl != null) ? product + "." + DOMAIN : null;
        return new Route(URI.create(origin(product) + pathAndQuery), standsFor);
    }

    private static boolean sameOrigin(URI uri, URI base) {
        return Objects.equals(uri.getScheme(), base.getScheme()) && Objects.equals(uri.getHost(), base.getHost())
                && uri.getPort() == base.getPort();
    }

    /**
     * Returns the origin of a Twilio product's host, for example {@code https://api.twilio.com}.
     * @param product the product, such as {@code api} or {@code preview-iam}
     * @return the scheme and host, without trailing slash
     */
    public String origin(String product) {
        if (this.baseUrl != null) {
            return this.baseUrl;
        }
        if (this.edge == null && (this.region == null || this.region.equals(US1))) {
            return "https://" + product + "." + DOMAIN;
        }
        String regionName = (this.region != null) ? this.region : US1;
        String edgeName = (this.edge != null) ? this.edge : EDGE_OF_REGION.get(regionName);
        return "https://" + product + "." + edgeName + "." + regionName + "." + DOMAIN;
    }

    /**
     * Returns the token endpoint of OAuth apps that call these endpoints:
     * <code>{baseUrl}/v2/token</code> with a base URL, else Twilio's, never regionalized: the
     * token endpoint has no regional hosts.
     * @return the token URL
     */
    public String tokenUrl() {
        return (this.baseUrl != null) ? this.baseUrl + TOKEN_PATH : TokenManagerOptions.DEFAULT_TOKEN_URL;
    }

    /**
     * Where one call goes.
     *
     * @param uri the URI to call
     * @param standsFor the Twilio host that {@code uri}, on the base URL, stands for, such as
     * {@code api.twilio.com}: the value of {@link #FORWARDED_HOST}; {@code null} when the call
     * goes to Twilio itself or to a URI given on the base URL
     */
    public record Route(URI uri, @Nullable String standsFor) {
    }
}
