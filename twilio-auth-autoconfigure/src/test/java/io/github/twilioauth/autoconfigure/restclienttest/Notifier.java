package io.github.twilioauth.autoconfigure.restclienttest;

import io.github.twilioauth.client.Message;
import io.github.twilioauth.client.TwilioClient;
import org.springframework.stereotype.Service;

/**
 * An application's component that sends SMS through the injected {@link TwilioClient}.
 */
@Service
class Notifier {

    private final TwilioClient twilio;

    Notifier(TwilioClient twilio) {
        this.twilio = twilio;
    }

    Message notifyShipped(String to) {
        return this.twilio.messages().create(to, "+15005550006", "Your order has shipped");
    }
}
