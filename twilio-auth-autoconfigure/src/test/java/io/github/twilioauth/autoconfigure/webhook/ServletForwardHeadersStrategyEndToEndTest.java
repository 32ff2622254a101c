package io.github.twilioauth.autoconfigure.webhook;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * Spring MVC on Tomcat: Boot's {@code ForwardedHeaderFilter}, registered by
 * {@code server.forward-headers-strategy=framework}, gives the webhook interceptor the URL Twilio
 * signed.
 */
@SpringBootTest(classes = AbstractForwardHeadersStrategyEndToEndTest.App.class,
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "server.forward-headers-strategy=framework",
                "twilio.webhook.auth-token=" + AbstractForwardHeadersStrategyEndToEndTest.AUTH_TOKEN })
class ServletForwardHeadersStrategyEndToEndTest extends AbstractForwardHeadersStrategyEndToEndTest {

}
