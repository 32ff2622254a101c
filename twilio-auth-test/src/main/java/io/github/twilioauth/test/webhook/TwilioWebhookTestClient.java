package io.github.twilioauth.test.webhook;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Sends webhook requests signed as Twilio would through a {@link WebTestClient}: a form POST,
 * from parameters or from a typed request, a JSON POST with {@code bodySHA256}, or a GET.
 * <pre class="code">
 * TwilioWebhookTestClient twilio = TwilioWebhookTestClient.of(webTestClient, authToken);
 * twilio.postForm("/sms", "From", "+15558675310", "Body", "Hi").exchange().expectStatus().isOk();
 * twilio.postForm("/sms", inboundMessage).exchange().expectStatus().isOk();
 * </pre>
 * A repeated delivery is the same request sent again with the same
 * {@code I-Twilio-Idempotency-Token}, as Twilio retries one: {@code twilio.idempotencyToken("token")}
 * sends it with every request, and the same call twice sends the same bytes and signature twice.
 * <p>
 * URLs are taken as they are, already encoded, never as URI templates. A relative URL is requested, and signed, as {@code http://localhost} followed by it, which is
 * what an application bound with {@code WebTestClient.bindToApplicationContext} sees. Each
 * method returns the request, so a test can change it (a header, a forged signature) before
 * {@code exchange()}.
 */
public final class TwilioWebhookTestClient {

    private static final String DEFAULT_ORIGIN = "http://localhost";

    private final WebTestClient client;

    private final String authToken;

    private final @Nullable String signedUrl;

    private final @Nullable String idempotencyToken;

    private TwilioWebhookTestClient(WebTestClient client, String authToken, @Nullable String signedUrl,
            @Nullable String idempotencyToken) {
        this.client = client;
        this.authToken = authToken;
        this.signedUrl = signedUrl;
        this.idempotencyToken = idempotencyToken;
    }

    /**
     * Signs requests with an account's Auth Token.
     * @param client the client to send them with
     * @param authToken the Auth Token
     * @return the signing client
     */
    public static TwilioWebhookTestClient of(WebTestClient client, String authToken) {
        return new TwilioWebhookTestClient(client, authToken, null, null);
    }

    /**
     * Signs this URL instead of the one requested, as the URL Twilio requested through a proxy;
     * a {@code bodySHA256} is appended to both.
     * @param url the URL Twilio requested
     * @return a client signing that URL
     */
    public TwilioWebhookTestClient signingUrl(String url) {
        return new TwilioWebhookTestClient(this.client, this.authToken, url, this.idempotencyToken);
    }

    /**
     * Sends an {@code I-Twilio-Idempotency-Token} with every request, as Twilio sends on a
     * delivery and on each of its retries: send a request twice for a repeated delivery. The
     * header is not signed.
     * @param token the token of the delivery
     * @return a client sending that token
     */
    public TwilioWebhookTestClient idempotencyToken(String token) {
        return new TwilioWebhookTestClient(this.client, this.authToken, this.signedUrl, token);
    }

    /**
     * A form POST, as Twilio sends SMS and call webhooks and status callbacks.
     * @param url the URL
     * @param namesAndValues alternating parameter names and values; a name may repeat
     * @return the request, ready to {@code exchange()}
     */
    public WebTestClient.RequestHeadersSpec<?> postForm(String url, String... namesAndValues) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.computeIfAbsent(namesAndValues[i], (name) -> new ArrayList<>()).add(namesAndValues[i + 1]);
        }
        return postForm(url, form);
    }

    /**
     * A form POST of a typed request, such as an {@code InboundMessage}: its parameters are those
     * of {@link TwilioWebhookParameters#of(Record)}.
     * @param url the URL
     * @param request the request, a record
     * @return the request, ready to {@code exchange()}
     */
    public WebTestClient.RequestHeadersSpec<?> postForm(String url, Record request) {
        return postForm(url, TwilioWebhookParameters.of(request));
    }

    private WebTestClient.RequestHeadersSpec<?> postForm(String url, Map<String, List<String>> form) {
        String absolute = absolute(url);
        return this.client.post()
            .uri(URI.create(absolute))
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .header(TwilioWebhookSigner.SIGNATURE_HEADER, TwilioWebhookSigner.signature(this.authToken, signed(absolute), form))
            .headers(this::addIdempotencyToken)
            .bodyValue(TwilioWebhookSigner.formBody(form));
    }

    /**
     * A JSON POST, as Studio and Event Streams send: {@code bodySHA256} is added to the URL.
     * @param url the URL
     * @param json the body
     * @return the request, ready to {@code exchange()}
     */
    public WebTestClient.RequestHeadersSpec<?> postJson(String url, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String absolute = TwilioWebhookSigner.withBodySha256(absolute(url), body);
        String signed = (this.signedUrl != null) ? TwilioWebhookSigner.withBodySha256(this.signedUrl, body) : absolute;
        return this.client.post()
            .uri(URI.create(absolute))
            .contentType(MediaType.APPLICATION_JSON)
            .header(TwilioWebhookSigner.SIGNATURE_HEADER, TwilioWebhookSigner.signature(this.authToken, signed, Map.of()))
            .headers(this::addIdempotencyToken)
            .bodyValue(body);
    }

    /**
     * A GET, as Twilio sends a webhook configured with method GET: its parameters are in the query.
     * @param url the URL, query included
     * @return the request, ready to {@code exchange()}
     */
    public WebTestClient.RequestHeadersSpec<?> get(String url) {
        String absolute = absolute(url);
        return this.client.get()
            .uri(URI.create(absolute))
            .header(TwilioWebhookSigner.SIGNATURE_HEADER,
                    TwilioWebhookSigner.signature(this.authToken, signed(absolute), Map.of()))
            .headers(this::addIdempotencyToken);
    }

    private void addIdempotencyToken(HttpHeaders headers) {
        if (this.idempotencyToken != null) {
            headers.set(TwilioWebhookSigner.IDEMPOTENCY_TOKEN_HEADER, this.idempotencyToken);
        }
    }

    private String signed(String absolute) {
        return (this.signedUrl != null) ? this.signedUrl : absolute;
    }

    private static String absolute(String url) {
        return url.startsWith("/") ? DEFAULT_ORIGIN + url : url;
    }
}
