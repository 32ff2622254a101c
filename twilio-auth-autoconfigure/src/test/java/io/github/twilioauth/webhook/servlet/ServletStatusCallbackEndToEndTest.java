package io.github.twilioauth.webhook.servlet;

import io.github.twilioauth.test.AutoConfigureMockTwilio;
import io.github.twilioauth.webhook.AbstractStatusCallbackEndToEndTest;
import io.github.twilioauth.webhook.TwilioWebhook;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Spring MVC over real HTTP: the stand-in posts signed status callbacks to a
 * {@code @TwilioWebhook} endpoint of the application on Tomcat; forged ones are refused.
 */
@SpringBootTest(classes = { AbstractStatusCallbackEndToEndTest.App.class,
        ServletStatusCallbackEndToEndTest.StatusController.class }, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "twilio.account-sid=" + AbstractStatusCallbackEndToEndTest.ACCOUNT_SID,
                "twilio.auth.auth-token=" + AbstractStatusCallbackEndToEndTest.AUTH_TOKEN })
@AutoConfigureMockTwilio
class ServletStatusCallbackEndToEndTest extends AbstractStatusCallbackEndToEndTest {

    @TwilioWebhook
    @RestController
    static class StatusController {

        private final StatusLog log;

        StatusController(StatusLog log) {
            this.log = log;
        }

        @PostMapping("/status")
        void status(@RequestParam("MessageSid") String sid, @RequestParam("MessageStatus") String status,
                @RequestParam(name = "ErrorCode", required = false) String errorCode) {
            this.log.record(sid, status, errorCode);
        }

    }
}
