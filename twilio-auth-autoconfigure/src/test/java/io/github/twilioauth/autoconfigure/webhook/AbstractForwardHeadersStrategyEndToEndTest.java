package io.github.twilioauth.autoconfigure.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.twilioauth.test.webhook.TwilioWebhookSigner;
import io.github.twilioauth.webhook.StackNeutralWebhookController.Sms;
import io.github.twilioauth.webhook.TwilioWebhook;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One web stack on a real server with one {@code server.forward-headers-strategy} and no
 * forwarded-header filter or transformer of the application's own, as a TLS-terminating proxy
 * reaches it: a webhook Twilio signed for {@code https://example.com/sms} arrives over plain HTTP
 * on loopback, with {@code X-Forwarded-*} headers or an RFC 7239 {@code Forwarded} header saying
 * what the proxy received. Every combination applies {@code X-Forwarded-*}; whether it applies
 * {@code Forwarded} is {@link #appliesTheForwardedHeader()}, and the README's proxy table states
 * each answer.
 * <p>
 * A subclass per server and strategy is a {@code @SpringBootTest} of {@link App} on a random port
 * with the strategy set and {@link #AUTH_TOKEN} as the application's Auth Token.
 */
abstract class AbstractForwardHeadersStrategyEndToEndTest {

    /** The Auth Token of the application's account, which signs its webhooks. */
    static final String AUTH_TOKEN = "forwarded-auth-token";

    private static final Map<String, List<String>> FORM = Map.of("From", List.of("+15558675310"), "Body",
            List.of("Hi"));

    @LocalServerPort
    private int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void acceptsAWebhookSignedForTheHttpsUrlWhoseSchemeAndHostTheProxyForwards() throws Exception {
        HttpResponse<String> response = post(signed("https://example.com/sms"), "X-Forwarded-Proto", "https",
                "X-Forwarded-Host", "example.com");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("+15558675310 says Hi");
    }

    @Test
    void acceptsAWebhookSignedWithThePortTheProxyForwardsAndNoOther() throws Exception {
        String[] forwarded = { "X-Forwarded-Proto", "https", "X-Forwarded-Host", "example.com", "X-Forwarded-Port",
                "8443" };

        assertThat(post(signed("https://example.com:8443/sms"), forwarded).statusCode()).isEqualTo(200);
        assertThat(post(signed("https://example.com/sms"), forwarded).statusCode()).isEqualTo(403);
    }

    @Test
    void rebuildsTheSignedUrlFromAForwardedHeaderExactlyWhereTheServerAndStrategyApplyIt() throws Exception {
        HttpResponse<String> response = post(signed("https://example.com/sms"), "Forwarded",
                "proto=https;host=example.com");

        assertThat(response.statusCode()).isEqualTo(appliesTheForwardedHeader() ? 200 : 403);
    }

    @Test
    void refusesTheSameWebhookWithoutForwardedHeaders() throws Exception {
        HttpResponse<String> response = post(signed("https://example.com/sms"));

        assertThat(response.statusCode()).isEqualTo(403);
    }

    /**
     * Returns whether this server, with this strategy, rebuilds the request URL from an RFC 7239
     * {@code Forwarded} header.
     * @return whether a webhook signed for the URL the header names is accepted
     */
    abstract boolean appliesTheForwardedHeader();

    private static String signed(String url) {
        return TwilioWebhookSigner.signature(AUTH_TOKEN, url, FORM);
    }

    private HttpResponse<String> post(String signature, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/sms"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header(TwilioWebhookSigner.SIGNATURE_HEADER, signature)
            .POST(HttpRequest.BodyPublishers.ofString(TwilioWebhookSigner.formBody(FORM)));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /**
     * The application: one {@code @TwilioWebhook} endpoint, {@code POST /sms}, that answers with
     * the sender and text it bound, on either stack.
     */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(SmsController.class)
    static class App {

    }

    @RestController
    static class SmsController {

        @TwilioWebhook
        @PostMapping("/sms")
        String sms(@ModelAttribute Sms sms) {
            return sms.From() + " says " + sms.Body();
        }

    }
}
