package io.github.twilioauth.test;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link MockTwilioExtension} registered on a static field.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
class MockTwilioExtensionRegisteredTest {

    @RegisterExtension
    static MockTwilioExtension twilio = new MockTwilioExtension();

    private final TwilioHttp http = new TwilioHttp();

    @BeforeAll
    static void registerCredentials() {
        twilio.server().oauthApp("client-id", "client-secret", "AC0123456789abcdef0123456789abcdef");
    }

    @Test
    @Order(1)
    void startsTheServerBeforeAllTests() {
        assertThat(this.http.requestToken(twilio.server(), "client-id", "client-secret").statusCode())
            .isEqualTo(200);
    }

    @Test
    @Order(2)
    void resetsRecordingsBeforeEachTestButKeepsRegistrations() {
        assertThat(twilio.server().tokenRequests()).isEmpty();
        assertThat(this.http.requestToken(twilio.server(), "client-id", "client-secret").statusCode())
            .isEqualTo(200);
    }

    @Test
    @Order(3)
    void resolvesServerParametersToTheSameServer(MockTwilioServer server) {
        assertThat(server).isSameAs(twilio.server());
    }

    @Nested
    @Order(1)
    class FirstNestedClass {

        @Test
        void sharesTheServerOfTheEnclosingClass(MockTwilioServer server) {
            assertThat(server).isSameAs(twilio.server());
        }
    }

    @Nested
    @Order(2)
    class SecondNestedClass {

        @Test
        void findsTheServerStillRunningAfterAnotherNestedClass() {
            assertThat(MockTwilioExtensionRegisteredTest.this.http
                .requestToken(twilio.server(), "client-id", "client-secret")
                .statusCode()).isEqualTo(200);
        }
    }
}
