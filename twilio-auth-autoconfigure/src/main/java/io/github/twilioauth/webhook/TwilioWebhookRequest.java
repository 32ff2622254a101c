package io.github.twilioauth.webhook;

import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What a webhook request brings to its validation: the URL Twilio requested, the
 * {@code X-Twilio-Signature} header, and either the form parameters of its body or its raw body.
 * Built by the servlet and reactive adapters.
 * <p>
 * Immutable. {@link #toString()} shows the method and the path, never the signature, a
 * parameter or the body.
 */
public final class TwilioWebhookRequest {

    private static final String ACCOUNT_SID = "AccountSid";

    private final String method;

    private final String url;

    private final @Nullable String signature;

    private final Map<String, List<String>> formParameters;

    private final byte @Nullable [] body;

    private final boolean bodyTooLarge;

    private TwilioWebhookRequest(String method, String url, @Nullable String signature,
            Map<String, List<String>> formParameters, byte @Nullable [] body, boolean bodyTooLarge) {
        this.method = method;
        this.url = url;
        this.signature = signature;
        this.formParameters = formParameters;
        this.body = body;
        this.bodyTooLarge = bodyTooLarge;
    }

    /**
     * A request with an {@code application/x-www-form-urlencoded} body: the signature covers its
     * parameters.
     * @param method the HTTP method
     * @param url the URL Twilio requested
     * @param signature the {@code X-Twilio-Signature} header, or {@code null}
     * @param formParameters the parameters of the body (not of the query), each name's values in
     * the order received
     * @return the request
     */
    public static TwilioWebhookRequest form(String method, String url, @Nullable String signature,
            Map<String, List<String>> formParameters) {
        return new TwilioWebhookRequest(method, url, signature, formParameters, null, false);
    }

    /**
     * A request with another body, such as JSON: the signature covers the URL only, whose
     * {@code bodySHA256} query parameter must be the body's SHA-256.
     * @param method the HTTP method
     * @param url the URL Twilio requested
     * @param signature the {@code X-Twilio-Signature} header, or {@code null}
     * @param body the raw body
     * @return the request
     */
    public static TwilioWebhookRequest body(String method, String url, @Nullable String signature, byte[] body) {
        return new TwilioWebhookRequest(method, url, signature, Map.of(), body, false);
    }

    /**
     * A request without a body, such as a GET: the signature covers the URL only.
     * @param method the HTTP method
     * @param url the URL Twilio requested
     * @param signature the {@code X-Twilio-Signature} header, or {@code null}
     * @return the request
     */
    public static TwilioWebhookRequest withoutBody(String method, String url, @Nullable String signature) {
        return form(method, url, signature, Map.of());
    }

    /**
     * A request whose body was larger than the application reads to check it: always rejected.
     * @param method the HTTP method
     * @param url the URL Twilio requested
     * @return the request
     */
    public static TwilioWebhookRequest bodyTooLarge(String method, String url) {
        return new TwilioWebhookRequest(method, url, null, Map.of(), null, true);
    }

    /**
     * Returns the HTTP method.
     * @return the method
     */
    public String method() {
        return this.method;
    }

    /**
     * Returns the URL Twilio requested, as rebuilt by the application.
     * @return the URL
     */
    public String url() {
        return this.url;
    }

    /**
     * Returns the {@code X-Twilio-Signature} header.
     * @return the signature, or {@code null} when absent
     */
    public @Nullable String signature() {
        return this.signature;
    }

    /**
     * Returns the form parameters of the body.
     * @return the parameters, empty for a request without a form body
     */
    public Map<String, List<String>> formParameters() {
        return this.formParameters;
    }

    /**
     * Returns the raw body of a request whose body is not a form.
     * @return the body, or {@code null} for a form or no body
     */
    public byte @Nullable [] body() {
        return this.body;
    }

    /**
     * Returns whether the body was too large to be read.
     * @return whether the request is to be rejected for its size
     */
    public boolean isBodyTooLarge() {
        return this.bodyTooLarge;
    }

    /**
     * Returns the account the request is for: its {@code AccountSid} form parameter, else its
     * {@code AccountSid} query parameter.
     * @return the account SID, or {@code null} when the request carries none
     */
    public @Nullable String accountSid() {
        List<String> values = this.formParameters.get(ACCOUNT_SID);
        if (values != null && !values.isEmpty()) {
            return values.get(0);
        }
        return queryParameter(this.url, ACCOUNT_SID);
    }

    /**
     * Returns the first value of a query parameter of a URL, decoded.
     * @param url the URL
     * @param name the parameter name
     * @return the value, or {@code null} when the query has no such parameter
     */
    public static @Nullable String queryParameter(String url, String name) {
        int query = url.indexOf('?');
        if (query < 0) {
            return null;
        }
        int fragment = url.indexOf('#', query);
        List<String> values = parseForm(url.substring(query + 1, (fragment >= 0) ? fragment : url.length()),
                StandardCharsets.UTF_8)
            .get(name);
        return (values != null) ? values.get(0) : null;
    }

    /**
     * Parses {@code application/x-www-form-urlencoded} data, as a form body or a query string.
     * @param encoded the encoded data
     * @param charset the charset of the encoded bytes
     * @return the parameters in the order of their first occurrence, each name's values in order;
     * immutable
     * @throws IllegalArgumentException if an escape is malformed
     */
    public static Map<String, List<String>> parseForm(String encoded, Charset charset) {
        if (encoded.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (String pair : encoded.split("&")) {
            if (!pair.isEmpty()) {
                int equals = pair.indexOf('=');
                String name = URLDecoder.decode((equals >= 0) ? pair.substring(0, equals) : pair, charset);
                String value = (equals >= 0) ? URLDecoder.decode(pair.substring(equals + 1), charset) : "";
                parameters.computeIfAbsent(name, (key) -> new ArrayList<>(1)).add(value);
            }
        }
        parameters.replaceAll((name, values) -> List.copyOf(values));
        return Collections.unmodifiableMap(parameters);
    }

    @Override
    public String toString() {
        int query = this.url.indexOf('?');
        return "TwilioWebhookRequest[" + this.method + " " + ((query >= 0) ? this.url.substring(0, query) : this.url)
                + "]";
    }
}
