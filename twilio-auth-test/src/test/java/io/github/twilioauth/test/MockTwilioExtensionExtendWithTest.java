package io.github.twilioauth.test;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link MockTwilioExtension} declared with {@code @ExtendWith}, injecting the server.
 */
@ExtendWith(MockTwilioExtension.class)
class MockTwilioExtensionExtendWithTest {

    private final MockTwilioServer server;

    MockTwilioExtensionExtendWithTest(MockTwilioServer server) {
        this.server = server.oauthApp("client-id", "client-secret", "AC0123456789abcdef0123456789abcdef");
    }

    @Test
    void injectsARunningServerIntoTheConstructor() {
        assertThat(new TwilioHttp().requestToken(this.server, "client-id", "client-secret").statusCode())
            .isEqualTo(200);
    }

    @Test
    void injectsTheSameServerIntoConstructorAndMethods(MockTwilioServer server) {
        assertThat(server).isSameAs(this.server);
    }
}
