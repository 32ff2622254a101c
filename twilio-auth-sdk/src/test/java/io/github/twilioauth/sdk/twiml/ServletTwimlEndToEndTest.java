package io.github.twilioauth.sdk.twiml;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * Spring MVC on Tomcat: TwiML answers.
 */
@SpringBootTest(classes = AbstractTwimlEndToEndTest.App.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "twilio.account-sid=" + AbstractTwimlEndToEndTest.ACCOUNT_SID,
                "twilio.auth.auth-token=" + AbstractTwimlEndToEndTest.AUTH_TOKEN })
class ServletTwimlEndToEndTest extends AbstractTwimlEndToEndTest {

}
