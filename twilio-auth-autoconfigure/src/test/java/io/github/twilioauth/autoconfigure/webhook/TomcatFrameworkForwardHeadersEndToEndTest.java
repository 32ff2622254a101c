package io.github.twilioauth.autoconfigure.webhook;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * Spring MVC on Tomcat with {@code server.forward-headers-strategy=framework}: Boot's
 * {@code ForwardedHeaderFilter} applies {@code X-Forwarded-*} and {@code Forwarded} alike.
 */
@SpringBootTest(classes = AbstractForwardHeadersStrategyEndToEndTest.App.class,
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "server.forward-headers-strategy=framework",
                "twilio.webhook.auth-token=" + AbstractForwardHeadersStrategyEndToEndTest.AUTH_TOKEN })
class TomcatFrameworkForwardHeadersEndToEndTest extends AbstractForwardHeadersStrategyEndToEndTest {

    @Override
    boolean appliesTheForwardedHeader() {
        return true;
    }
}
