package io.github.twilioauth.http;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Where {@link TwilioAuthInterceptor} may send credentials: {@code twilio.com} and its
 * subdomains, plus the hosts an application adds (its stand-in, a proxy), over HTTPS, or over
 * plain HTTP to a loopback address. Plain HTTP elsewhere needs an explicit opt-in.
 * <p>
 * Immutable and thread-safe; {@link #allows(URI)} does no allocation.
 */
public final class AllowedHosts {

    private static final String TWILIO_DOMAIN = "twilio.com";

    private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

    private final String[] hosts;

    private final boolean insecureHttp;

    private AllowedHosts(String[] hosts, boolean insecureHttp) {
        this.hosts = hosts;
        this.insecureHttp = insecureHttp;
    }

    /**
     * Returns the policy that allows Twilio's hosts only.
     * @return {@code twilio.com} and its subdomains, over HTTPS
     */
    public static AllowedHosts twilio() {
        return new AllowedHosts(new String[0], false);
    }

    /**
     * Returns a policy that also allows the given hosts.
     * @param hosts host names (exact), or {@code *.example.com} for a domain's subdomains;
     * {@code null} and blank entries are ignored
     * @param insecureHttp whether plain HTTP to non-loopback hosts is allowed too
     * @return the policy
     */
    public static AllowedHosts of(Collection<? extends @Nullable String> hosts, boolean insecureHttp) {
        return new AllowedHosts(hosts.stream()
            .filter(Objects::nonNull)
            .map(String::trim)
            .filter((host) -> !host.isEmpty())
            .map((host) -> host.toLowerCase(Locale.ROOT))
            .distinct()
            .toArray(String[]::new), insecureHttp);
    }

    /**
     * Returns the host of a URL, for building a policy from configured URLs.
     * @param url an absolute URL, or {@code null}
     * @return its host, or {@code null} when there is none or the URL is malformed
     */
    public static @Nullable String hostOf(@Nullable String url) {
        try {
            return (url != null && !url.isBlank()) ? URI.create(url.trim()).getHost() : null;
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
    }

    /**
     * Returns whether credentials may go to this URI.
     * @param uri the request URI
     * @return whether the host is allowed and the scheme is HTTPS, or HTTP to a loopback
     * address (or anywhere when insecure HTTP was allowed)
     */
    public boolean allows(URI uri) {
        String host = uri.getHost();
        if (host == null) {
            return false;
        }
        // The common case first, with exact-case comparisons: several times cheaper than the
        // case-insensitive checks below, and this runs on every request.
        if ("https".equals(uri.getScheme()) && (host.endsWith(".twilio.com") || host.equals(TWILIO_DOMAIN))) {
            return true;
        }
        if (!isAllowedHost(host)) {
            return false;
        }
        String scheme = uri.getScheme();
        return "https".equalsIgnoreCase(scheme)
                || "http".equalsIgnoreCase(scheme) && (this.insecureHttp || isLoopback(host));
    }

    private boolean isAllowedHost(String host) {
        if (isInDomain(host, TWILIO_DOMAIN)) {
            return true;
        }
        for (String allowed : this.hosts) {
            boolean matches = allowed.startsWith("*.") ? isInDomain(host, allowed.substring(2))
                    : host.equalsIgnoreCase(allowed);
            if (matches) {
                return true;
            }
        }
        return false;
    }

    /** Whether the host is the domain or one of its subdomains, ignoring case. */
    private static boolean isInDomain(String host, String domain) {
        int prefix = host.length() - domain.length();
        return host.regionMatches(true, prefix, domain, 0, domain.length())
                && (prefix == 0 || prefix > 0 && host.charAt(prefix - 1) == '.');
    }

    /**
     * Returns whether a host is the loopback interface: {@code localhost}, or a literal address in
     * {@code 127.0.0.0/8} or {@code ::1}. A name that merely starts with {@code 127.}, such as
     * {@code 127.0.0.1.nip.io}, is not. No name is resolved.
     * @param host a host name or address literal
     * @return whether it is a loopback address
     */
    public static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (host.startsWith("127.")) {
            return isIpv4Loopback(host);
        }
        String literal = (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
        if (literal.indexOf(':') < 0 || !IPV6_LITERAL.matcher(literal).matches()) {
            return false;
        }
        try {
            // A string with a colon is parsed as an IPv6 literal, never looked up.
            return InetAddress.getByName(literal).isLoopbackAddress();
        }
        catch (UnknownHostException ex) {
            return false;
        }
    }

    /**
     * Whether an address that starts with {@code 127.} is the rest of a dotted quad: three more
     * octets of one to three digits up to 255. Read character by character, as {@link #allows}
     * allocates nothing.
     */
    private static boolean isIpv4Loopback(String host) {
        int dots = 0;
        int digits = 0;
        int octet = 0;
        for (int i = "127.".length(); i < host.length(); i++) {
            char c = host.charAt(i);
            if (c == '.') {
                if (digits == 0 || ++dots > 2) {
                    return false;
                }
                digits = 0;
                octet = 0;
            }
            else if (c >= '0' && c <= '9' && digits < 3) {
                digits++;
                octet = octet * 10 + (c - '0');
                if (octet > 255) {
                    return false;
                }
            }
            else {
                return false;
            }
        }
        return dots == 2 && digits > 0;
    }

    @Override
    public String toString() {
        return "AllowedHosts[twilio.com, " + String.join(", ",
                this.hosts) + ", insecureHttp=" + this.insecureHttp + "]";
    }
}
