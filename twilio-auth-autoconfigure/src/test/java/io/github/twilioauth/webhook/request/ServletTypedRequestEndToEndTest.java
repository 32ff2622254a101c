package io.github.twilioauth.webhook.request;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * Spring MVC on Tomcat: typed requests bound from Twilio's parameters.
 */
@SpringBootTest(classes = AbstractTypedRequestEndToEndTest.App.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "twilio.account-sid=" + AbstractTypedRequestEndToEndTest.ACCOUNT_SID,
                "twilio.auth.auth-token=" + AbstractTypedRequestEndToEndTest.AUTH_TOKEN,
                "twilio.tenants.acme.account-sid=" + AbstractTypedRequestEndToEndTest.ACME_SID,
                "twilio.tenants.acme.auth.auth-token=" + AbstractTypedRequestEndToEndTest.ACME_TOKEN })
class ServletTypedRequestEndToEndTest extends AbstractTypedRequestEndToEndTest {

}
