package io.github.twilioauth.test.webhook;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Signs a MockMvc request as Twilio would: adds {@code X-Twilio-Signature} for the request's
 * URL and the form parameters of its body, and, for a body that is not a form, first adds
 * {@code bodySHA256} to the query.
 * <pre class="code">
 * mockMvc.perform(post("/sms").contentType(MediaType.APPLICATION_FORM_URLENCODED)
 *         .param("From", "+15558675310").param("Body", "Hi")
 *         .with(signedByTwilio(authToken)))
 *     .andExpect(status().isOk());
 * mockMvc.perform(post("/sms").with(signedByTwilio(authToken).form(inboundMessage)))
 *     .andExpect(status().isOk());
 * </pre>
 * {@link #form(Record)} makes the body the parameters of a typed request, such as an
 * {@code InboundMessage}. {@link #idempotencyToken(String)} adds the
 * {@code I-Twilio-Idempotency-Token} Twilio sends on a delivery and each of its retries: perform
 * the same request builder twice for a repeated delivery, same bytes and same signature.
 * <p>
 * The form parameters of a request whose content type is {@code application/x-www-form-urlencoded}
 * are its parameters less those of its query string; any other request is signed by its URL. The URL is
 * the request's ({@code http://localhost/...} by default), unless {@link #url(String)} names
 * another, as Twilio would sign behind a proxy.
 */
public final class TwilioSignatureRequestPostProcessor implements RequestPostProcessor {

    private static final String FORM = "application/x-www-form-urlencoded";

    private final String authToken;

    private final @Nullable String url;

    private final @Nullable Record form;

    private final @Nullable String idempotencyToken;

    private TwilioSignatureRequestPostProcessor(String authToken, @Nullable String url, @Nullable Record form,
            @Nullable String idempotencyToken) {
        this.authToken = authToken;
        this.url = url;
        this.form = form;
        this.idempotencyToken = idempotencyToken;
    }

    /**
     * Signs requests with an account's Auth Token.
     * @param authToken the Auth Token
     * @return the post-processor
     */
    public static TwilioSignatureRequestPostProcessor signedByTwilio(String authToken) {
        return new TwilioSignatureRequestPostProcessor(authToken, null, null, null);
    }

    /**
     * Signs this URL instead of the request's, as the URL Twilio requested through a proxy; a
     * {@code bodySHA256} added to the request is appended to it too.
     * @param url the URL Twilio requested
     * @return a post-processor signing that URL
     */
    public TwilioSignatureRequestPostProcessor url(String url) {
        return new TwilioSignatureRequestPostProcessor(this.authToken, url, this.form, this.idempotencyToken);
    }

    /**
     * Makes the request a form POST of a typed request, as Twilio sends it: its content type
     * {@code application/x-www-form-urlencoded}, its parameters and body those of
     * {@link TwilioWebhookParameters#of(Record)}.
     * @param request the typed request, a record
     * @return a post-processor sending it
     */
    public TwilioSignatureRequestPostProcessor form(Record request) {
        return new TwilioSignatureRequestPostProcessor(this.authToken, this.url, request, this.idempotencyToken);
    }

    /**
     * Adds the {@code I-Twilio-Idempotency-Token} of a delivery, which Twilio sends again, the
     * same, on each retry. The header is not signed.
     * @param token the token of the delivery
     * @return a post-processor adding it
     */
    public TwilioSignatureRequestPostProcessor idempotencyToken(String token) {
        return new TwilioSignatureRequestPostProcessor(this.authToken, this.url, this.form, token);
    }

    @Override
    public MockHttpServletRequest postProcessRequest(MockHttpServletRequest request) {
        if (this.form != null) {
            Map<String, List<String>> parameters = TwilioWebhookParameters.of(this.form);
            request.setContentType(FORM);
            parameters.forEach((name, values) -> request.addParameter(name, values.toArray(String[]::new)));
            request.setContent(TwilioWebhookSigner.formBody(parameters).getBytes(StandardCharsets.UTF_8));
        }
        if (this.idempotencyToken != null) {
            request.addHeader(TwilioWebhookSigner.IDEMPOTENCY_TOKEN_HEADER, this.idempotencyToken);
        }
        String url = (this.url != null) ? this.url : requestUrl(request);
        Map<String, List<String>> formParameters = Map.of();
        String contentType = request.getContentType();
        byte[] body = request.getContentAsByteArray();
        if (contentType != null && contentType.startsWith(FORM)) {
            formParameters = bodyParameters(request);
        }
        else if (body != null && body.length > 0
                && (request.getQueryString() == null || !request.getQueryString().contains("bodySHA256="))) {
            String hash = TwilioWebhookSigner.bodySha256(body);
            String query = request.getQueryString();
            request.setQueryString(((query != null) ? query + "&" : "") + "bodySHA256=" + hash);
            request.addParameter("bodySHA256", hash);
            url = TwilioWebhookSigner.withBodySha256(url, body);
        }
        request.addHeader(TwilioWebhookSigner.SIGNATURE_HEADER,
                TwilioWebhookSigner.signature(this.authToken, url, formParameters));
        return request;
    }

    private static String requestUrl(MockHttpServletRequest request) {
        String query = request.getQueryString();
        return request.getRequestURL() + ((query != null) ? "?" + query : "");
    }

    private static Map<String, List<String>> bodyParameters(MockHttpServletRequest request) {
        Map<String, Integer> queryCounts = new HashMap<>();
        String query = request.getQueryString();
        if (query != null) {
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                String name = URLDecoder.decode((equals >= 0) ? pair.substring(0, equals) : pair, StandardCharsets.UTF_8);
                queryCounts.merge(name, 1, Integer::sum);
            }
        }
        Map<String, List<String>> body = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            int skip = queryCounts.getOrDefault(name, 0);
            if (values.length > skip) {
                body.put(name, Arrays.asList(values).subList(skip, values.length));
            }
        });
        return body;
    }
}
