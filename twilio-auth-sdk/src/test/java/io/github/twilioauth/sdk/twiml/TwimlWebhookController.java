package io.github.twilioauth.sdk.twiml;

import com.twilio.twiml.MessagingResponse;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.messaging.Message;
import com.twilio.twiml.voice.Say;

import io.github.twilioauth.webhook.TwilioWebhook;
import io.github.twilioauth.webhook.request.InboundCall;
import io.github.twilioauth.webhook.request.InboundMessage;
import io.github.twilioauth.webhook.request.MessageStatusCallback;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code @TwilioWebhook} handlers written once for Spring MVC and WebFlux that answer TwiML, or
 * nothing.
 */
@TwilioWebhook
@RestController
public class TwimlWebhookController {

    @PostMapping("/sms")
    MessagingResponse reply(@ModelAttribute InboundMessage message) {
        return new MessagingResponse.Builder()
            .message(new Message.Builder("Thanks " + message.from() + ", we got: " + message.body()).build())
            .build();
    }

    @PostMapping("/voice")
    VoiceResponse answer(@ModelAttribute InboundCall call) {
        return new VoiceResponse.Builder().say(new Say.Builder("Hello " + call.from()).build()).build();
    }

    @PostMapping("/sms-ignored")
    void ignore(@ModelAttribute InboundMessage message) {
    }

    @PostMapping("/voice-null")
    VoiceResponse answerNothing(@ModelAttribute InboundCall call) {
        return null;
    }

    @PostMapping("/voice-entity")
    ResponseEntity<VoiceResponse> answerWithHeader(@ModelAttribute InboundCall call) {
        return ResponseEntity.ok()
            .header("X-Call", call.callSid())
            .body(new VoiceResponse.Builder().say(new Say.Builder("Hello").build()).build());
    }

    @PostMapping("/status")
    void status(@ModelAttribute MessageStatusCallback callback) {
    }
}
