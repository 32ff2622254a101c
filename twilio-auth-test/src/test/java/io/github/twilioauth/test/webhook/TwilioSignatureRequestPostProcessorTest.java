package io.github.twilioauth.test.webhook;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockServletContext;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static io.github.twilioauth.test.webhook.TwilioSignatureRequestPostProcessor.signedByTwilio;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * {@link TwilioSignatureRequestPostProcessor} makes a MockMvc request a typed request signed as
 * Twilio signs it, and a repeated delivery.
 */
class TwilioSignatureRequestPostProcessorTest {

    private static final String AUTH_TOKEN = "post-processor-token";

    @Test
    void makesTheRequestASignedFormOfATypedRequest() {
        MockHttpServletRequest request = build(post("/call-status")
            .with(signedByTwilio(AUTH_TOKEN).form(TypedTestRequest.COMPLETED)));

        Map<String, List<String>> parameters = TwilioWebhookParameters.of(TypedTestRequest.COMPLETED);
        assertThat(request.getContentType()).isEqualTo("application/x-www-form-urlencoded");
        assertThat(new String(request.getContentAsByteArray(), StandardCharsets.UTF_8))
            .isEqualTo(TwilioWebhookSigner.formBody(parameters));
        assertThat(request.getParameterValues("MediaUrl")).containsExactly("https://b.example/2", "https://a.example/1");
        assertThat(request.getParameter("Timestamp")).isEqualTo("Tue, 30 Jul 2024 15:01:02 +0000");
        assertThat(request.getHeader(TwilioWebhookSigner.SIGNATURE_HEADER))
            .isEqualTo(TwilioWebhookSigner.signature(AUTH_TOKEN, "http://localhost/call-status", parameters));
        assertThat(request.getHeader(TwilioWebhookSigner.IDEMPOTENCY_TOKEN_HEADER)).isNull();
    }

    @Test
    void repeatsADeliveryWithTheSameIdempotencyTokenBytesAndSignature() {
        MockHttpServletRequestBuilder delivery = post("/call-status")
            .with(signedByTwilio(AUTH_TOKEN).form(TypedTestRequest.COMPLETED).idempotencyToken("delivery-1"));

        MockHttpServletRequest first = build(delivery);
        MockHttpServletRequest retry = build(delivery);

        assertThat(retry.getHeader(TwilioWebhookSigner.IDEMPOTENCY_TOKEN_HEADER)).isEqualTo("delivery-1")
            .isEqualTo(first.getHeader(TwilioWebhookSigner.IDEMPOTENCY_TOKEN_HEADER));
        assertThat(retry.getHeader(TwilioWebhookSigner.SIGNATURE_HEADER))
            .isEqualTo(first.getHeader(TwilioWebhookSigner.SIGNATURE_HEADER));
        assertThat(retry.getContentAsByteArray()).isEqualTo(first.getContentAsByteArray());
    }

    @Test
    void signsAProxysUrlForATypedRequest() {
        MockHttpServletRequest request = build(post("/call-status")
            .with(signedByTwilio(AUTH_TOKEN).form(TypedTestRequest.COMPLETED).url("https://hooks.example.com/call-status")));

        assertThat(request.getHeader(TwilioWebhookSigner.SIGNATURE_HEADER)).isEqualTo(TwilioWebhookSigner.signature(
                AUTH_TOKEN, "https://hooks.example.com/call-status", TwilioWebhookParameters.of(TypedTestRequest.COMPLETED)));
        assertThat(new String(request.getContentAsByteArray(), StandardCharsets.UTF_8)).contains("CallSid=CA5f9b");
    }

    private static MockHttpServletRequest build(MockHttpServletRequestBuilder builder) {
        return builder.postProcessRequest(builder.buildRequest(new MockServletContext()));
    }
}
