package io.github.twilioauth.observation;

import java.net.URI;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

import io.github.twilioauth.Sids;
import org.springframework.http.client.observation.ClientHttpObservationDocumentation.HighCardinalityKeyNames;
import org.springframework.http.client.observation.ClientHttpObservationDocumentation.LowCardinalityKeyNames;
import org.springframework.http.client.observation.ClientRequestObservationContext;
import org.springframework.http.client.observation.DefaultClientRequestObservationConvention;

/**
 * Observes Twilio calls as {@code http.client.requests}, like Spring's default convention, but
 * with the path as a template. {@code TwilioClient} sends concrete URIs, so the default
 * convention would tag every call {@code uri=none}; this one tags
 * {@code uri=/2010-04-01/Accounts/{sid}/Messages/{sid}.json}. A path segment is kept only
 * when it is an API version or a resource name (letters, {@code -} and {@code _}); a SID
 * becomes {@code {sid}} and anything else, such as a phone number, {@code {id}}. The
 * high-cardinality {@code http.url} is the same template on the request's host, without the
 * query, so neither metrics nor traces carry a SID, a phone number or a query parameter. A
 * low-cardinality {@link TenantTag#KEY} names the tenant the call was made for, from the
 * request attribute of that name: {@code default} for the single client.
 */
public final class TwilioClientRequestObservationConvention extends DefaultClientRequestObservationConvention {

    private static final Pattern SEGMENT = Pattern.compile("(?<name>[^.]*)(?<extension>\\.[A-Za-z]+)?");

    private static final Pattern RESOURCE_NAME = Pattern.compile("[A-Za-z_-]*");

    private static final Pattern API_VERSION = Pattern.compile("v\\d+[A-Za-z]*|\\d{4}-\\d{2}-\\d{2}");

    @Override
    public KeyValues getLowCardinalityKeyValues(ClientRequestObservationContext context) {
        Object tenant = (context.getCarrier() != null) ? context.getCarrier().getAttributes().get(TenantTag.KEY) : null;
        return super.getLowCardinalityKeyValues(context)
            .and(TenantTag.KEY, (tenant instanceof String name) ? name : TenantTag.DEFAULT_TENANT);
    }

    @Override
    protected KeyValue uri(ClientRequestObservationContext context) {
        if (context.getUriTemplate() == null && context.getCarrier() != null) {
            return KeyValue.of(LowCardinalityKeyNames.URI, template(context.getCarrier().getURI().getRawPath()));
        }
        return super.uri(context);
    }

    @Override
    protected KeyValue requestUri(ClientRequestObservationContext context) {
        if (context.getCarrier() != null) {
            URI uri = context.getCarrier().getURI();
            return KeyValue.of(HighCardinalityKeyNames.HTTP_URL,
                    uri.getScheme() + "://" + uri.getRawAuthority() + template(uri.getRawPath()));
        }
        return super.requestUri(context);
    }

    /**
     * Returns a path's template: SIDs as {@code {sid}}, other identifiers as {@code {id}}.
     * @param path the raw path
     * @return the template
     */
    public static String template(String path) {
        if (path == null || path.isEmpty()) {
            return "/";
        }
        StringJoiner template = new StringJoiner("/");
        for (String segment : path.split("/", -1)) {
            template.add(templateOf(segment));
        }
        return template.toString();
    }

    private static String templateOf(String segment) {
        Matcher parts = SEGMENT.matcher(segment);
        if (!parts.matches()) {
            return "{id}";
        }
        String name = parts.group("name");
        String extension = (parts.group("extension") != null) ? parts.group("extension") : "";
        if (Sids.isSid(name)) {
            return "{sid}" + extension;
        }
        if (RESOURCE_NAME.matcher(name).matches() || API_VERSION.matcher(name).matches()) {
            return segment;
        }
        return "{id}" + extension;
    }
}
