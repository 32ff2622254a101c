package io.github.twilioauth.test.webhook;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link TwilioWebhookTestClient} sends typed requests and repeated deliveries as Twilio does,
 * as a WebFlux application receives them.
 */
class TwilioWebhookTestClientTest {

    private static final String AUTH_TOKEN = "test-client-token";

    private final List<Received> received = new CopyOnWriteArrayList<>();

    private final WebTestClient client = WebTestClient.bindToRouterFunction(RouterFunctions.route()
        .POST("/call-status", (request) -> request.bodyToMono(String.class)
            .doOnNext((body) -> this.received.add(Received.of(request, body)))
            .then(ServerResponse.ok().build()))
        .build()).build();

    @Test
    void postsATypedRequestAsATwilioSignedForm() {
        TwilioWebhookTestClient.of(this.client, AUTH_TOKEN)
            .postForm("/call-status", TypedTestRequest.COMPLETED)
            .exchange()
            .expectStatus()
            .isOk();

        Map<String, List<String>> parameters = TwilioWebhookParameters.of(TypedTestRequest.COMPLETED);
        assertThat(this.received).containsExactly(new Received("application/x-www-form-urlencoded",
                TwilioWebhookSigner.signature(AUTH_TOKEN, "http://localhost/call-status", parameters), null,
                TwilioWebhookSigner.formBody(parameters)));
    }

    @Test
    void repeatsADeliveryWithTheSameIdempotencyTokenBytesAndSignature() {
        TwilioWebhookTestClient twilio = TwilioWebhookTestClient.of(this.client, AUTH_TOKEN)
            .idempotencyToken("delivery-1");

        twilio.postForm("/call-status", TypedTestRequest.COMPLETED).exchange().expectStatus().isOk();
        twilio.postForm("/call-status", TypedTestRequest.COMPLETED).exchange().expectStatus().isOk();

        assertThat(this.received).hasSize(2).allMatch((request) -> request.equals(this.received.get(0)));
        assertThat(this.received.get(0).idempotencyToken()).isEqualTo("delivery-1");
    }

    @Test
    void sendsTheIdempotencyTokenWithJsonToo() {
        TwilioWebhookTestClient.of(this.client, AUTH_TOKEN)
            .idempotencyToken("delivery-2")
            .postJson("/call-status", "{\"CallSid\":\"CA1\"}")
            .exchange()
            .expectStatus()
            .isOk();

        assertThat(this.received).singleElement().satisfies((request) -> {
            assertThat(request.idempotencyToken()).isEqualTo("delivery-2");
            assertThat(request.body()).isEqualTo("{\"CallSid\":\"CA1\"}");
        });
    }

    /**
     * What the application received.
     *
     * @param contentType the {@code Content-Type}
     * @param signature the {@code X-Twilio-Signature}
     * @param idempotencyToken the {@code I-Twilio-Idempotency-Token}, or {@code null}
     * @param body the body
     */
    private record Received(@Nullable String contentType, @Nullable String signature,
            @Nullable String idempotencyToken, String body) {

        static Received of(ServerRequest request, String body) {
            HttpHeaders headers = request.headers().asHttpHeaders();
            return new Received(headers.getFirst(HttpHeaders.CONTENT_TYPE),
                    headers.getFirst(TwilioWebhookSigner.SIGNATURE_HEADER),
                    headers.getFirst(TwilioWebhookSigner.IDEMPOTENCY_TOKEN_HEADER), body);
        }
    }
}
