package io.github.twilioauth.webhook;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WebhookUrlResolverTest {

    private final WebhookUrlResolver fromRequest = new WebhookUrlResolver(null);

    @Test
    void leavesOutTheSchemesDefaultPort() {
        assertThat(this.fromRequest.resolve("https", "example.com", 443, "/sms", null)).isEqualTo("https://example.com/sms");
        assertThat(this.fromRequest.resolve("http", "example.com", 80, "/sms", "a=1")).isEqualTo("http://example.com/sms?a=1");
        assertThat(this.fromRequest.resolve("HTTP", "example.com", -1, "/sms", null)).isEqualTo("http://example.com/sms");
    }

    @Test
    void keepsAnExplicitPortAndTheRawPathAndQuery() {
        assertThat(this.fromRequest.resolve("http", "10.0.0.7", 8080, "/hooks/caf%C3%A9", "x=a%20b&y=%2B1"))
            .isEqualTo("http://10.0.0.7:8080/hooks/caf%C3%A9?x=a%20b&y=%2B1");
    }

    @Test
    void baseUrlReplacesSchemeHostAndPortAndPrefixesItsPath() {
        WebhookUrlResolver resolver = new WebhookUrlResolver("https://public.example.com/app/");
        assertThat(resolver.resolve("http", "internal", 8080, "/sms", "x=1"))
            .isEqualTo("https://public.example.com/app/sms?x=1");
        assertThat(resolver.baseUrl()).isEqualTo("https://public.example.com/app");
    }

    @Test
    void rejectsABaseUrlThatIsNotAnAbsoluteHttpUrlWithoutQuery() {
        assertThatIllegalArgumentException().isThrownBy(() -> new WebhookUrlResolver("public.example.com"));
        assertThatIllegalArgumentException().isThrownBy(() -> new WebhookUrlResolver("ftp://example.com"));
        assertThatIllegalArgumentException().isThrownBy(() -> new WebhookUrlResolver("https://example.com/?a=1"));
    }

    @Test
    void addsTheDefaultPortToAUrlWithoutPort() {
        assertThat(WebhookUrlResolver.portVariants("https://example.com/sms?a=1"))
            .containsExactly("https://example.com/sms?a=1", "https://example.com:443/sms?a=1");
        assertThat(WebhookUrlResolver.portVariants("http://example.com"))
            .containsExactly("http://example.com", "http://example.com:80");
    }

    @Test
    void removesTheDefaultPortFromAUrlThatHasIt() {
        assertThat(WebhookUrlResolver.portVariants("https://example.com:443/sms"))
            .containsExactly("https://example.com:443/sms", "https://example.com/sms");
        assertThat(WebhookUrlResolver.portVariants("http://[::1]:80/sms"))
            .containsExactly("http://[::1]:80/sms", "http://[::1]/sms");
    }

    @Test
    void hasNoOtherFormForAnotherPort() {
        assertThat(WebhookUrlResolver.portVariants("https://example.com:8443/sms"))
            .containsExactly("https://example.com:8443/sms");
        assertThat(WebhookUrlResolver.portVariants("http://example.com:443/sms")).containsExactly("http://example.com:443/sms");
    }
}
