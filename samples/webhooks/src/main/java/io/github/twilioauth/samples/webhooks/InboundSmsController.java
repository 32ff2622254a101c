package io.github.twilioauth.samples.webhooks;

import io.github.twilioauth.webhook.TwilioWebhook;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers an inbound SMS, Twilio's "A message comes in" webhook, with TwiML that replies to it.
 */
@RestController
class InboundSmsController {

    @TwilioWebhook
    @PostMapping(path = "/sms", produces = MediaType.APPLICATION_XML_VALUE)
    String reply(@RequestParam("From") String from, @RequestParam("Body") String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Message>Thanks " + xml(from) + ", we got: "
                + xml(body) + "</Message></Response>";
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
