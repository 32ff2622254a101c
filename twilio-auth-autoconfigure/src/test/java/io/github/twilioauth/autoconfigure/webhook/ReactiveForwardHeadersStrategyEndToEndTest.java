package io.github.twilioauth.autoconfigure.webhook;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * Spring WebFlux on Reactor Netty: Boot's {@code ForwardedHeaderTransformer}, registered by
 * {@code server.forward-headers-strategy=framework}, gives the webhook filter the URL Twilio
 * signed.
 */
@SpringBootTest(classes = AbstractForwardHeadersStrategyEndToEndTest.App.class,
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "server.forward-headers-strategy=framework",
                "twilio.webhook.auth-token=" + AbstractForwardHeadersStrategyEndToEndTest.AUTH_TOKEN,
                "spring.main.web-application-type=reactive" })
class ReactiveForwardHeadersStrategyEndToEndTest extends AbstractForwardHeadersStrategyEndToEndTest {

}
