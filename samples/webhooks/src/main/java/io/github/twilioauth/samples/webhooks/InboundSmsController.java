package io.github.twilioauth.samples.webhooks;

import com.twilio.twiml.MessagingResponse;
import com.twilio.twiml.messaging.Message;

import io.github.twilioauth.webhook.TwilioWebhook;
import io.github.twilioauth.webhook.request.InboundMessage;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers an inbound SMS, Twilio's "A message comes in" webhook, with TwiML that replies to it.
 */
@RestController
class InboundSmsController {

    @TwilioWebhook
    @PostMapping("/sms")
    MessagingResponse reply(@ModelAttribute InboundMessage message) {
        return new MessagingResponse.Builder()
            .message(new Message.Builder("Thanks " + message.from() + ", we got: " + message.body()).build())
            .build();
    }
}
