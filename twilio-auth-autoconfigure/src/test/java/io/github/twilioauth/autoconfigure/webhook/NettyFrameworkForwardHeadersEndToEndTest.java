package io.github.twilioauth.autoconfigure.webhook;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * Spring WebFlux on Reactor Netty with {@code server.forward-headers-strategy=framework}: Boot's
 * {@code ForwardedHeaderTransformer} applies {@code X-Forwarded-*} and {@code Forwarded} alike.
 */
@SpringBootTest(classes = AbstractForwardHeadersStrategyEndToEndTest.App.class,
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "server.forward-headers-strategy=framework",
                "twilio.webhook.auth-token=" + AbstractForwardHeadersStrategyEndToEndTest.AUTH_TOKEN,
                "spring.main.web-application-type=reactive" })
class NettyFrameworkForwardHeadersEndToEndTest extends AbstractForwardHeadersStrategyEndToEndTest {

    @Override
    boolean appliesTheForwardedHeader() {
        return true;
    }
}
