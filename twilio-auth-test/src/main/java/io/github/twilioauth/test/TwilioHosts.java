package io.github.twilioauth.test;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Which Twilio product a request is for. Twilio serves each product on a host of its own
 * ({@code api.twilio.com}, {@code preview-iam.twilio.com}, {@code oauth.twilio.com}, or a
 * regional {@code {product}.{edge}.{region}.twilio.com}), where the paths of the other products
 * are not found. The stand-in serves them all on one port: a request says which host it stands
 * for with {@code X-Forwarded-Host}, and one without the header is routed by its path alone.
 */
final class TwilioHosts {

    /** The header naming the Twilio host a request stands for. */
    static final String FORWARDED_HOST = "X-Forwarded-Host";

    private static final Pattern TWILIO_HOST = Pattern
        .compile("([a-z0-9-]+)(\\.[a-z0-9-]+\\.[a-z0-9-]+)?\\.twilio\\.com(:443)?");

    private TwilioHosts() {
    }

    /**
     * Whether a request for a path may be served: always without {@code X-Forwarded-Host},
     * otherwise only when the header names a Twilio host of the product the path belongs to.
     * @param forwardedHost the {@code X-Forwarded-Host} header, or {@code null}
     * @param path the request path
     */
    static boolean serves(@Nullable String forwardedHost, String path) {
        if (forwardedHost == null) {
            return true;
        }
        // A proxy chain lists one host per hop: the first is the one the client asked for.
        String first = forwardedHost.split(",", 2)[0].trim().toLowerCase(Locale.ROOT);
        Matcher host = TWILIO_HOST.matcher(first);
        return host.matches() && host.group(1).equals(productOf(path));
    }

    /**
     * Returns the product whose host serves a path: {@code api} (the 2010-04-01 API),
     * {@code preview-iam} (Organizations) or {@code oauth} (the token endpoint), or
     * {@code null} for a path of none of them.
     */
    static @Nullable String productOf(String path) {
        if (path.startsWith("/2010-04-01/")) {
            return "api";
        }
        if (path.startsWith("/Organizations/")) {
            return "preview-iam";
        }
        return TokenEndpoint.PATH.equals(path) ? "oauth" : null;
    }
}
