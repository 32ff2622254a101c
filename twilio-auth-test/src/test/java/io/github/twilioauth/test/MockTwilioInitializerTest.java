package io.github.twilioauth.test;

import java.io.UncheckedIOException;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link MockTwilioInitializer} on a plain application context.
 */
class MockTwilioInitializerTest {

    private final TwilioHttp http = new TwilioHttp();

    @Test
    void closesTheServerWithTheContext() {
        GenericApplicationContext context = new GenericApplicationContext();
        new MockTwilioInitializer().initialize(context);
        context.refresh();
        String tokenUrl = context.getBean(MockTwilioServer.class).tokenUrl();

        context.close();

        assertThatThrownBy(() -> this.http.postForm(tokenUrl, null)).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void closesTheServerWhenTheContextFailsToRefresh() {
        GenericApplicationContext context = new GenericApplicationContext();
        new MockTwilioInitializer().initialize(context);
        MockTwilioServer server = context.getBeanFactory().getBean(MockTwilioServer.class);
        String tokenUrl = server.tokenUrl();
        context.registerBean("failing", Object.class, () -> {
            throw new IllegalStateException("refresh fails");
        });

        assertThatExceptionOfType(BeanCreationException.class).isThrownBy(context::refresh);

        assertThatThrownBy(() -> this.http.postForm(tokenUrl, null)).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void registersAnOrganizationWhoseSidDerivesFromTheClientId() {
        try (GenericApplicationContext context = new GenericApplicationContext()) {
            context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource("test", Map.of("twilio.auth.type", "orgs", "twilio.auth.client-id",
                        "org-client", "twilio.auth.client-secret", "org-secret")));
            new MockTwilioInitializer().initialize(context);
            context.refresh();

            String token = this.http.accessToken(context.getBean(MockTwilioServer.class), "org-client", "org-secret");

            assertThat(AutoConfigureMockTwilioTest.subject(token))
                .isEqualTo(MockTwilioInitializer.organizationSid("org-client"));
        }
    }

    @Test
    void derivesTheSameOrganizationSidFromAClientIdInEveryRunAndAnotherFromAnotherClientId() {
        assertThat(MockTwilioInitializer.organizationSid("org-client")).isEqualTo("OR5d4e5f92a4020776c26ad9abca0dec01")
            .matches("OR[0-9a-f]{32}");
        assertThat(MockTwilioInitializer.organizationSid("other-client"))
            .isNotEqualTo(MockTwilioInitializer.organizationSid("org-client"));
    }
}
