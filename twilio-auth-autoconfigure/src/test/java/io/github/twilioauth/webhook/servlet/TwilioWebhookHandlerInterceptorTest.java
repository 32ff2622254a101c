package io.github.twilioauth.webhook.servlet;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import io.github.twilioauth.autoconfigure.webhook.TwilioWebhookAutoConfiguration;
import io.github.twilioauth.test.webhook.TwilioWebhookSigner;
import io.github.twilioauth.webhook.StackNeutralWebhookController;
import io.github.twilioauth.webhook.TwilioWebhook;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.DefaultMockMvcBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.ForwardedHeaderFilter;

import static io.github.twilioauth.test.webhook.TwilioSignatureRequestPostProcessor.signedByTwilio;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Spring MVC: the auto-configured interceptor and body filter in front of controllers, driven
 * with MockMvc and requests signed by the test module's {@link TwilioWebhookSigner}.
 */
class TwilioWebhookHandlerInterceptorTest {

    static final String TOKEN = "webhook-test-token";

    static final String ACME = "AC00000000000000000000000000000a01";

    static final String ACME_TOKEN = "acme-webhook-token";

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class,
                HttpMessageConvertersAutoConfiguration.class, TwilioWebhookAutoConfiguration.class))
        .withUserConfiguration(WebhookController.class, StackNeutralWebhookController.class, StatusController.class,
                OpenController.class)
        .withPropertyValues("twilio.webhook.auth-token=" + TOKEN, "twilio.webhook.secondary-auth-token=next-token",
                "twilio.tenants.acme.account-sid=" + ACME, "twilio.tenants.acme.webhook.auth-token=" + ACME_TOKEN,
                "twilio.webhook.paths=/raw/**", "twilio.webhook.max-body-size=256B");

    @Test
    void acceptsTwilioDocumentedSignatureOnTheDocumentedUrl() {
        this.runner.withPropertyValues("twilio.webhook.auth-token=12345").run(mvc((mvc) -> mvc
            .perform(post("https://mycompany.com:443/myapp.php?foo=1&bar=2").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("CallSid", "CA1234567890ABCDE").param("Caller", "+14158675309").param("Digits", "1234")
                .param("From", "+14158675309").param("To", "+18005551212")
                .header("X-Twilio-Signature", "RSOYDt4T1cUTdK1PDd93/VVr8B8="))
            .andExpect(status().isOk())
            .andExpect(content().string("digits 1234"))));
    }

    @Test
    void acceptsSignedFormPostAndTheControllerBindsItsParameters() {
        this.runner.run(mvc((mvc) -> mvc.perform(smsPost().with(signedByTwilio(TOKEN)))
            .andExpect(status().isOk())
            .andExpect(content().string("+15558675310 says Hi"))));
    }

    @Test
    void acceptsFormWithQueryParametersSignedInTheUrlOnly() {
        this.runner.run(mvc((mvc) -> mvc
            .perform(post("/sms?tenant=main&Body=query").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("From", "+15558675310").param("Body", "Hi").with(signedByTwilio(TOKEN)))
            .andExpect(status().isOk())));
    }

    @Test
    void acceptsSignedFormPostAndBindsItToAModelAttribute() {
        this.runner.run(mvc((mvc) -> mvc
            .perform(post("/bound").contentType(MediaType.APPLICATION_FORM_URLENCODED).param("From", "+15558675310")
                .param("Body", "Hi").with(signedByTwilio(TOKEN)))
            .andExpect(status().isOk())
            .andExpect(content().string("+15558675310 bound Hi"))));
    }

    @Test
    void acceptsUnicodeAndRepeatedParameters() {
        this.runner.run(mvc((mvc) -> mvc
            .perform(post("/sms").contentType(MediaType.APPLICATION_FORM_URLENCODED).param("From", "+4915123456789")
                .param("Body", "Grüße 👋 日本").param("MediaUrl", "https://b.example/2.png", "https://a.example/1.png")
                .with(signedByTwilio(TOKEN)))
            .andExpect(status().isOk())
            .andExpect(content().string("+4915123456789 says Grüße 👋 日本"))));
    }

    @Test
    void acceptsSignedGetWithQuery() {
        this.runner.run(mvc((mvc) -> mvc.perform(get("/voice?CallSid=CA123&From=%2B14158675309").with(signedByTwilio(TOKEN)))
            .andExpect(status().isOk())
            .andExpect(content().string("CA123"))));
    }

    @Test
    void acceptsJsonWithBodySha256AndTheControllerReadsTheBody() {
        String json = "{\"FlowSid\":\"FW123\",\"Note\":\"café\"}";
        this.runner.run(mvc((mvc) -> mvc
            .perform(post("/studio").contentType(MediaType.APPLICATION_JSON)
                .content(json.getBytes(StandardCharsets.UTF_8))
                .with(signedByTwilio(TOKEN)))
            .andExpect(status().isOk())
            .andExpect(content().string(json))));
    }

    @Test
    void rejectsTamperedJsonBody() {
        byte[] signedBody = "{\"FlowSid\":\"FW123\"}".getBytes(StandardCharsets.UTF_8);
        String url = TwilioWebhookSigner.withBodySha256("http://localhost/studio", signedBody);
        this.runner.run(mvc((mvc) -> mvc
            .perform(post(url).contentType(MediaType.APPLICATION_JSON)
                .content("{\"FlowSid\":\"FW666\"}")
                .header("X-Twilio-Signature", TwilioWebhookSigner.signature(TOKEN, url, Map.of())))
            .andExpect(status().isForbidden())
            .andExpect(content().string(""))));
    }

    @Test
    void rejectsJsonLargerThanTheLimit() {
        this.runner.run(mvc((mvc) -> mvc
            .perform(post("/studio").contentType(MediaType.APPLICATION_JSON)
                .content("{\"Note\":\"" + "x".repeat(600) + "\"}")
                .with(signedByTwilio(TOKEN)))
            .andExpect(status().isForbidden())));
    }

    @Test
    void rejectsMissingSignatureWithEmptyForbidden() {
        this.runner.run(mvc((mvc) -> mvc.perform(smsPost())
            .andExpect(status().isForbidden())
            .andExpect(content().string(""))));
    }

    @Test
    void rejectsForgedSignature() {
        this.runner.run(mvc((mvc) -> mvc.perform(smsPost().with(signedByTwilio("not-the-token")))
            .andExpect(status().isForbidden())));
    }

    @Test
    void rejectsTamperedParameter() {
        this.runner.run(mvc((mvc) -> mvc.perform(smsPost().with(signedByTwilio(TOKEN)).with((request) -> {
            request.setParameter("Body", "Send me money");
            return request;
        })).andExpect(status().isForbidden())));
    }

    @Test
    void rejectsSignatureReplayedOnAnotherUrl() {
        String signature = TwilioWebhookSigner.signature(TOKEN, "http://localhost/status",
                Map.of("MessageStatus", java.util.List.of("delivered")));
        this.runner.run(mvc((mvc) -> mvc
            .perform(post("/status?replayed=1").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("MessageStatus", "delivered").header("X-Twilio-Signature", signature))
            .andExpect(status().isForbidden())));
    }

    @Test
    void validatesEveryHandlerOfAnAnnotatedController() {
        this.runner.run(mvc((mvc) -> {
            mvc.perform(post("/status").contentType(MediaType.APPLICATION_FORM_URLENCODED).param("MessageStatus", "sent"))
                .andExpect(status().isForbidden());
            mvc.perform(post("/status").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("MessageStatus", "sent").with(signedByTwilio(TOKEN))).andExpect(status().isOk());
        }));
    }

    @Test
    void validatesConfiguredPathsWhateverTheHandler() {
        this.runner.run(mvc((mvc) -> {
            mvc.perform(post("/raw/hook")).andExpect(status().isForbidden());
            mvc.perform(post("/raw/hook").with(signedByTwilio(TOKEN))).andExpect(status().isOk());
        }));
    }

    @Test
    void leavesUnannotatedHandlersAlone() {
        this.runner.run(mvc((mvc) -> mvc.perform(post("/open").contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .param("Body", "anything")).andExpect(status().isOk()).andExpect(content().string("open"))));
    }

    @Test
    void acceptsHttpsSignedUrlBehindAnHttpProxyWithForwardedHeaders() {
        this.runner.run((context) -> {
            MockMvc mvc = mockMvc(context, (builder) -> builder.addFilters(new ForwardedHeaderFilter()));
            mvc.perform(proxied().with(signedByTwilio(TOKEN).url("https://hooks.example.com/sms")))
                .andExpect(status().isOk());
        });
    }

    @Test
    void rejectsHttpsSignedUrlBehindAProxyWhenForwardedHeadersAreIgnored() {
        this.runner.run(mvc((mvc) -> mvc.perform(proxied().with(signedByTwilio(TOKEN).url("https://hooks.example.com/sms")))
            .andExpect(status().isForbidden())));
    }

    @Test
    void baseUrlReplacesWhatTheProxyRewrote() {
        this.runner.withPropertyValues("twilio.webhook.base-url=https://hooks.example.com/app")
            .run(mvc((mvc) -> mvc
                .perform(post("http://10.0.0.7:8080/sms").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .param("From", "+15558675310").param("Body", "Hi")
                    .with(signedByTwilio(TOKEN).url("https://hooks.example.com/app/sms")))
                .andExpect(status().isOk())));
    }

    @Test
    void acceptsAnExplicitPortAndTheDefaultPortEitherWay() {
        this.runner.run(mvc((mvc) -> {
            mvc.perform(post("http://localhost:8080/sms").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("From", "+15558675310").param("Body", "Hi").with(signedByTwilio(TOKEN)))
                .andExpect(status().isOk());
            mvc.perform(smsPost().with(signedByTwilio(TOKEN).url("http://localhost:80/sms"))).andExpect(status().isOk());
            mvc.perform(smsPost().with(signedByTwilio(TOKEN).url("http://localhost:8080/sms")))
                .andExpect(status().isForbidden());
        }));
    }

    @Test
    void checksATenantsWebhookWithTheTenantsToken() {
        this.runner.run(mvc((mvc) -> {
            mvc.perform(smsPost().param("AccountSid", ACME).with(signedByTwilio(ACME_TOKEN))).andExpect(status().isOk());
            mvc.perform(smsPost().param("AccountSid", ACME).with(signedByTwilio(TOKEN))).andExpect(status().isForbidden());
        }));
    }

    @Test
    void acceptsTheSecondaryTokenDuringRotation() {
        this.runner.run(mvc((mvc) -> mvc.perform(smsPost().with(signedByTwilio("next-token"))).andExpect(status().isOk())));
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder smsPost() {
        return post("/sms").contentType(MediaType.APPLICATION_FORM_URLENCODED).param("From", "+15558675310")
            .param("Body", "Hi");
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder proxied() {
        return post("http://internal:8080/sms").contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "hooks.example.com")
            .header("X-Forwarded-Port", "443").param("From", "+15558675310").param("Body", "Hi");
    }

    static org.springframework.boot.test.context.runner.ContextConsumer<AssertableWebApplicationContext> mvc(
            MvcCheck check) {
        return (context) -> check.accept(mockMvc(context, (builder) -> {
        }));
    }

    static MockMvc mockMvc(AssertableWebApplicationContext context, Consumer<DefaultMockMvcBuilder> customizer) {
        DefaultMockMvcBuilder builder = MockMvcBuilders.webAppContextSetup(context);
        customizer.accept(builder);
        return builder.addFilters(context.getBean(TwilioWebhookBodyFilter.class)).build();
    }

    @FunctionalInterface
    interface MvcCheck {

        void accept(MockMvc mvc) throws Exception;

    }

    @RestController
    static class WebhookController {

        @TwilioWebhook
        @PostMapping("/sms")
        String sms(@RequestParam("From") String from, @RequestParam("Body") String body) {
            return from + " says " + body;
        }

        @TwilioWebhook
        @PostMapping("/myapp.php")
        String voice(@RequestParam("Digits") String digits) {
            return "digits " + digits;
        }

    }

    @TwilioWebhook
    @RestController
    static class StatusController {

        @PostMapping("/status")
        String status(@RequestParam("MessageStatus") String status) {
            return status;
        }

    }

    @RestController
    static class OpenController {

        @PostMapping("/open")
        String open() {
            return "open";
        }

        @PostMapping("/raw/hook")
        String raw() {
            return "raw";
        }

    }
}
