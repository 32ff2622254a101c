package io.github.twilioauth.client;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.twilioauth.http.AllowedHosts;
import org.jspecify.annotations.Nullable;

/**
 * Where Twilio API calls go: {@code https://{product}.twilio.com}, the regional host
 * {@code https://{product}.{edge}.{region}.twilio.com} when a region or edge is set, or a base
 * URL that replaces the scheme and host of every call (a local stand-in, a proxy). An edge alone
 * means region {@code us1}; a known region alone gets its default edge ({@code ie1} →
 * {@code dublin}, {@code au1} → {@code sydney}, ...), as Twilio's SDKs do.
 *
 * @param baseUrl replaces {@code https://{product}.twilio.com} when set, or {@code null}
 * @param region the Twilio region, such as {@code ie1}, or {@code null}
 * @param edge the Twilio edge location, such as {@code dublin}, or {@code null}
 */
public record TwilioEndpoints(@Nullable String baseUrl, @Nullable String region, @Nullable String edge) {

    private static final String DOMAIN = "twilio.com";

    private static final Map<String, String> DEFAULT_EDGES = Map.of("us1", "ashburn", "us2", "umatilla", "ie1",
            "dublin", "de1", "frankfurt", "au1", "sydney", "jp1", "tokyo", "jp2", "osaka", "sg1", "singapore", "br1",
            "sao-paulo");

    /**
     * Normalizes the base URL: no trailing slash; blank values mean unset.
     */
    public TwilioEndpoints {
        baseUrl = (baseUrl == null || baseUrl.isBlank()) ? null : stripTrailingSlash(baseUrl.trim());
        region = (region == null || region.isBlank()) ? null : region.trim();
        edge = (edge == null || edge.isBlank()) ? null : edge.trim();
        if (baseUrl != null && URI.create(baseUrl).getHost() == null) {
            throw new IllegalArgumentException("baseUrl must be an absolute URL such as http://127.0.0.1:8080");
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
     * Resolves a URI given to the client: a path on the {@code api} host, or an absolute
     * {@code https://*.twilio.com} URI whose host is regionalized or replaced by the base URL.
     * @param uri a path starting with {@code /} or an absolute Twilio URI; already encoded
     * @return the URI to call
     * @throws IllegalArgumentException when the URI is neither
     */
    public URI resolve(String uri) {
        if (uri == null || uri.isBlank()) {
            throw new IllegalArgumentException("uri must be a path such as /2010-04-01/Accounts.json or an absolute "
                    + "https://*.twilio.com URI");
        }
        if (uri.startsWith("/")) {
            return URI.create(origin("api") + uri);
        }
        URI absolute = URI.create(uri);
        String host = (absolute.getHost() != null) ? absolute.getHost().toLowerCase(Locale.ROOT) : "";
        if (!host.endsWith("." + DOMAIN)) {
            throw new IllegalArgumentException("uri must be a path or an https://*.twilio.com URI, but its host is '"
                    + host + "'");
        }
        String product = host.substring(0, host.indexOf('.'));
        String pathAndQuery = absolute.getRawPath() + ((absolute.getRawQuery() != null) ? "?" + absolute.getRawQuery() : "");
        boolean globalHost = host.equals(product + "." + DOMAIN);
        return URI.create((globalHost || this.baseUrl != null) ? origin(product) + pathAndQuery : uri);
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
        if (this.region == null && this.edge == null) {
            return "https://" + product + "." + DOMAIN;
        }
        String regionPart = (this.region != null) ? this.region : "us1";
        String edgeName = (this.edge != null) ? this.edge : DEFAULT_EDGES.get(regionPart);
        String edgePart = (edgeName != null) ? edgeName + "." : "";
        return "https://" + product + "." + edgePart + regionPart + "." + DOMAIN;
    }
}
