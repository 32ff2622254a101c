package io.github.twilioauth.autoconfigure.webhook;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * Spring MVC on Tomcat with {@code server.forward-headers-strategy=native}: Tomcat's
 * {@code RemoteIpValve} applies {@code X-Forwarded-*} (from a proxy on an internal address, as
 * loopback is), and ignores an RFC 7239 {@code Forwarded} header.
 */
@SpringBootTest(classes = AbstractForwardHeadersStrategyEndToEndTest.App.class,
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "server.forward-headers-strategy=native",
                "twilio.webhook.auth-token=" + AbstractForwardHeadersStrategyEndToEndTest.AUTH_TOKEN })
class TomcatNativeForwardHeadersEndToEndTest extends AbstractForwardHeadersStrategyEndToEndTest {

    @Override
    boolean appliesTheForwardedHeader() {
        return false;
    }
}
