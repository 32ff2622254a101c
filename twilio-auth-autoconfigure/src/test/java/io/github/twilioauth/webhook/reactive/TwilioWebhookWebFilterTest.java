package io.github.twilioauth.webhook.reactive;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import io.github.twilioauth.autoconfigure.webhook.TwilioWebhookAutoConfiguration;
import io.github.twilioauth.test.webhook.TwilioWebhookSigner;
import io.github.twilioauth.test.webhook.TwilioWebhookTestClient;
import io.github.twilioauth.webhook.StackNeutralWebhookController;
import io.github.twilioauth.webhook.TwilioWebhook;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.adapter.ForwardedHeaderTransformer;

import static org.springframework.web.reactive.function.server.RequestPredicates.POST;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

/**
 * Spring WebFlux: the auto-configured filter in front of controllers, driven with a
 * {@link WebTestClient} bound to the application context and requests signed by the test
 * module's {@link TwilioWebhookSigner}.
 */
class TwilioWebhookWebFilterTest {

    static final String TOKEN = "webhook-test-token";

    static final String ACME = "AC00000000000000000000000000000a01";

    static final String ACME_TOKEN = "acme-webhook-token";

    private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(CodecsAutoConfiguration.class, WebFluxAutoConfiguration.class,
                HttpHandlerAutoConfiguration.class, TwilioWebhookAutoConfiguration.class))
        .withUserConfiguration(WebhookController.class, StackNeutralWebhookController.class, StatusController.class,
                OpenController.class, RawRoutes.class)
        .withPropertyValues("twilio.webhook.auth-token=" + TOKEN, "twilio.webhook.secondary-auth-token=next-token",
                "twilio.tenants.acme.account-sid=" + ACME, "twilio.tenants.acme.webhook.auth-token=" + ACME_TOKEN,
                "twilio.webhook.paths=/raw/**", "twilio.webhook.max-body-size=256B");

    @Test
    void acceptsTwilioDocumentedSignatureOnTheDocumentedUrl() {
        this.runner.withPropertyValues("twilio.webhook.auth-token=12345").run(client((client) -> client.post()
            .uri(URI.create("https://mycompany.com/myapp.php?foo=1&bar=2"))
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .header("X-Twilio-Signature", "RSOYDt4T1cUTdK1PDd93/VVr8B8=")
            .bodyValue("CallSid=CA1234567890ABCDE&Caller=%2B14158675309&Digits=1234&From=%2B14158675309&To=%2B18005551212")
            .exchange()
            .expectStatus().isOk()
            .expectBody(String.class).isEqualTo("digits 1234")));
    }

    @Test
    void acceptsSignedFormPostAndTheControllerReadsTheFormData() {
        this.runner.run(twilio(TOKEN, (twilio) -> twilio.postForm("/sms", "From", "+15558675310", "Body", "Hi")
            .exchange()
            .expectStatus().isOk()
            .expectBody(String.class).isEqualTo("+15558675310 says Hi")));
    }

    @Test
    void acceptsSignedFormPostAndBindsItToAModelAttribute() {
        this.runner.run(twilio(TOKEN, (twilio) -> twilio.postForm("/bound", "From", "+15558675310", "Body", "Hi")
            .exchange()
            .expectStatus().isOk()
            .expectBody(String.class).isEqualTo("+15558675310 bound Hi")));
    }

    @Test
    void acceptsUnicodeAndRepeatedParameters() {
        this.runner.run(twilio(TOKEN, (twilio) -> twilio
            .postForm("/sms", "From", "+4915123456789", "Body", "Grüße 👋 日本", "MediaUrl", "https://b.example/2.png",
                    "MediaUrl", "https://a.example/1.png")
            .exchange()
            .expectStatus().isOk()
            .expectBody(String.class).isEqualTo("+4915123456789 says Grüße 👋 日本")));
    }

    @Test
    void acceptsSignedGetWithQuery() {
        this.runner.run(twilio(TOKEN, (twilio) -> twilio.get("/voice?CallSid=CA123&From=%2B14158675309")
            .exchange()
            .expectStatus().isOk()
            .expectBody(String.class).isEqualTo("CA123")));
    }

    @Test
    void acceptsJsonWithBodySha256AndTheControllerReadsTheBody() {
        String json = "{\"FlowSid\":\"FW123\",\"Note\":\"café\"}";
        this.runner.run(twilio(TOKEN, (twilio) -> twilio.postJson("/studio", json)
            .exchange()
            .expectStatus().isOk()
            .expectBody(String.class).isEqualTo(json)));
    }

    @Test
    void rejectsTamperedJsonBody() {
        String url = TwilioWebhookSigner.withBodySha256("http://localhost/studio", "{\"FlowSid\":\"FW123\"}".getBytes());
        this.runner.run(client((client) -> client.post()
            .uri(URI.create(url))
            .contentType(MediaType.APPLICATION_JSON)
            .header("X-Twilio-Signature", TwilioWebhookSigner.signature(TOKEN, url, Map.of()))
            .bodyValue("{\"FlowSid\":\"FW666\"}")
            .exchange()
            .expectStatus().isForbidden()
            .expectBody().isEmpty()));
    }

    @Test
    void rejectsJsonLargerThanTheLimit() {
        this.runner.run(twilio(TOKEN, (twilio) -> twilio.postJson("/studio", "{\"Note\":\"" + "x".repeat(600) + "\"}")
            .exchange()
            .expectStatus().isForbidden()));
    }

    @Test
    void rejectsMissingSignatureWithEmptyForbidden() {
        this.runner.run(client((client) -> client.post()
            .uri("/sms")
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .bodyValue("From=%2B15558675310&Body=Hi")
            .exchange()
            .expectStatus().isForbidden()
            .expectBody().isEmpty()));
    }

    @Test
    void rejectsForgedSignature() {
        this.runner.run(twilio("not-the-token", (twilio) -> twilio.postForm("/sms", "From", "+15558675310", "Body", "Hi")
            .exchange()
            .expectStatus().isForbidden()));
    }

    @Test
    void rejectsTamperedParameter() {
        String signature = TwilioWebhookSigner.signature(TOKEN, "http://localhost/sms",
                Map.of("From", List.of("+15558675310"), "Body", List.of("Hi")));
        this.runner.run(client((client) -> client.post()
            .uri(URI.create("http://localhost/sms"))
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .header("X-Twilio-Signature", signature)
            .bodyValue("From=%2B15558675310&Body=Send+me+money")
            .exchange()
            .expectStatus().isForbidden()));
    }

    @Test
    void rejectsSignatureReplayedOnAnotherUrl() {
        this.runner.run(twilio(TOKEN, (twilio) -> twilio.signingUrl("http://localhost/status")
            .postForm("/status?replayed=1", "MessageStatus", "delivered")
            .exchange()
            .expectStatus().isForbidden()));
    }

    @Test
    void validatesEveryHandlerOfAnAnnotatedController() {
        this.runner.run((context) -> {
            WebTestClient client = WebTestClient.bindToApplicationContext(context).build();
            client.post().uri("/status").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("MessageStatus=sent").exchange().expectStatus().isForbidden();
            TwilioWebhookTestClient.of(client, TOKEN).postForm("/status", "MessageStatus", "sent")
                .exchange().expectStatus().isOk().expectBody(String.class).isEqualTo("sent");
        });
    }

    @Test
    void validatesConfiguredPathsWhateverTheHandler() {
        this.runner.run((context) -> {
            WebTestClient client = WebTestClient.bindToApplicationContext(context).build();
            client.post().uri("/raw/hook").exchange().expectStatus().isForbidden();
            TwilioWebhookTestClient.of(client, TOKEN).postForm("/raw/hook", "CallSid", "CA1")
                .exchange().expectStatus().isOk().expectBody(String.class).isEqualTo("raw CA1");
        });
    }

    @Test
    void leavesUnannotatedHandlersAlone() {
        this.runner.run(client((client) -> client.post()
            .uri("/open")
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .bodyValue("Body=anything")
            .exchange()
            .expectStatus().isOk()
            .expectBody(String.class).isEqualTo("open")));
    }

    @Test
    void leavesAnUnannotatedHandlerOnAnAnnotatedPathAlone() {
        this.runner.run(client((client) -> client.get()
            .uri("/sms")
            .exchange()
            .expectStatus().isOk()
            .expectBody(String.class).isEqualTo("no webhook here")));
    }

    @Test
    void acceptsHttpsSignedUrlBehindAnHttpProxyWithForwardedHeaders() {
        this.runner.withBean(ForwardedHeaderTransformer.class).run(twilio(TOKEN, (twilio) -> twilio
            .signingUrl("https://hooks.example.com/sms")
            .postForm("http://internal:8080/sms", "From", "+15558675310", "Body", "Hi")
            .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "hooks.example.com")
            .header("X-Forwarded-Port", "443")
            .exchange()
            .expectStatus().isOk()));
    }

    @Test
    void rejectsHttpsSignedUrlBehindAProxyWhenForwardedHeadersAreIgnored() {
        this.runner.run(twilio(TOKEN, (twilio) -> twilio.signingUrl("https://hooks.example.com/sms")
            .postForm("http://internal:8080/sms", "From", "+15558675310", "Body", "Hi")
            .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "hooks.example.com")
            .exchange()
            .expectStatus().isForbidden()));
    }

    @Test
    void baseUrlReplacesWhatTheProxyRewrote() {
        this.runner.withPropertyValues("twilio.webhook.base-url=https://hooks.example.com/app")
            .run(twilio(TOKEN, (twilio) -> twilio.signingUrl("https://hooks.example.com/app/sms")
                .postForm("http://10.0.0.7:8080/sms", "From", "+15558675310", "Body", "Hi")
                .exchange()
                .expectStatus().isOk()));
    }

    @Test
    void acceptsAnExplicitPortAndTheDefaultPortEitherWay() {
        this.runner.run((context) -> {
            TwilioWebhookTestClient twilio = TwilioWebhookTestClient.of(WebTestClient.bindToApplicationContext(context).build(), TOKEN);
            twilio.postForm("http://localhost:8080/sms", "From", "+1", "Body", "Hi").exchange().expectStatus().isOk();
            twilio.signingUrl("http://localhost:80/sms").postForm("/sms", "From", "+1", "Body", "Hi")
                .exchange().expectStatus().isOk();
            twilio.signingUrl("http://localhost:8080/sms").postForm("/sms", "From", "+1", "Body", "Hi")
                .exchange().expectStatus().isForbidden();
        });
    }

    @Test
    void checksATenantsWebhookWithTheTenantsToken() {
        this.runner.run((context) -> {
            WebTestClient client = WebTestClient.bindToApplicationContext(context).build();
            TwilioWebhookTestClient.of(client, ACME_TOKEN).postForm("/sms", "AccountSid", ACME, "From", "+1", "Body", "Hi")
                .exchange().expectStatus().isOk();
            TwilioWebhookTestClient.of(client, TOKEN).postForm("/sms", "AccountSid", ACME, "From", "+1", "Body", "Hi")
                .exchange().expectStatus().isForbidden();
        });
    }

    @Test
    void acceptsTheSecondaryTokenDuringRotation() {
        this.runner.run(twilio("next-token", (twilio) -> twilio.postForm("/sms", "From", "+1", "Body", "Hi")
            .exchange()
            .expectStatus().isOk()));
    }

    static org.springframework.boot.test.context.runner.ContextConsumer<org.springframework.boot.test.context.assertj.AssertableReactiveWebApplicationContext> client(
            Consumer<WebTestClient> check) {
        return (context) -> check.accept(WebTestClient.bindToApplicationContext(context).build());
    }

    static org.springframework.boot.test.context.runner.ContextConsumer<org.springframework.boot.test.context.assertj.AssertableReactiveWebApplicationContext> twilio(
            String authToken, Consumer<TwilioWebhookTestClient> check) {
        return (context) -> check.accept(TwilioWebhookTestClient.of(webTestClient(context), authToken));
    }

    private static WebTestClient webTestClient(ApplicationContext context) {
        return WebTestClient.bindToApplicationContext(context).build();
    }

    @RestController
    static class WebhookController {

        @TwilioWebhook
        @PostMapping("/sms")
        Mono<String> sms(ServerWebExchange exchange) {
            return exchange.getFormData()
                .map((form) -> form.getFirst("From") + " says " + form.getFirst("Body"));
        }

        @GetMapping("/sms")
        String smsGet() {
            return "no webhook here";
        }

        @TwilioWebhook
        @PostMapping("/myapp.php")
        Mono<String> voice(ServerWebExchange exchange) {
            return exchange.getFormData().map((form) -> "digits " + form.getFirst("Digits"));
        }

    }

    @TwilioWebhook
    @RestController
    static class StatusController {

        @PostMapping("/status")
        Mono<String> status(ServerWebExchange exchange) {
            return exchange.getFormData().map((form) -> form.getFirst("MessageStatus"));
        }

    }

    @RestController
    static class OpenController {

        @PostMapping("/open")
        Mono<String> open(ServerWebExchange exchange) {
            return exchange.getFormData().map(MultiValueMap::size).thenReturn("open");
        }

    }

    @Configuration(proxyBeanMethods = false)
    static class RawRoutes {

        @Bean
        org.springframework.web.reactive.function.server.RouterFunction<?> rawRoute() {
            return route(POST("/raw/hook"), (request) -> request.formData()
                .flatMap((form) -> org.springframework.web.reactive.function.server.ServerResponse.ok()
                    .bodyValue("raw " + form.getFirst("CallSid"))));
        }

    }
}
