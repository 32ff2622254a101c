package io.github.twilioauth.webhook;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The {@code @TwilioWebhook} endpoints of the webhook tests that read a request the same way on
 * Spring MVC and on Spring WebFlux: a query parameter ({@code GET /voice}), a form bound to a
 * record ({@code POST /bound}) and a JSON body read whole and answered as it was
 * ({@code POST /studio}).
 */
@RestController
public class StackNeutralWebhookController {

    @TwilioWebhook
    @GetMapping("/voice")
    String voiceGet(@RequestParam("CallSid") String callSid) {
        return callSid;
    }

    @TwilioWebhook
    @PostMapping("/bound")
    String bound(@ModelAttribute Sms sms) {
        return sms.From() + " bound " + sms.Body();
    }

    @TwilioWebhook
    @PostMapping(path = "/studio", produces = "text/plain;charset=UTF-8")
    String studio(@RequestBody String json) {
        return json;
    }

    /**
     * The fields of an SMS webhook, named as Twilio posts them.
     * @param From the sender
     * @param Body the text
     */
    public record Sms(String From, String Body) {
    }
}
