package io.github.twilioauth.samples.quickstart;

import java.io.PrintStream;

import io.github.twilioauth.client.Message;
import io.github.twilioauth.client.TwilioClient;
import io.github.twilioauth.test.MockTwilioServer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.CommandLineRunner;
import org.springframework.stereotype.Component;

/**
 * Sends the configured message, fetches it back and prints what happened.
 */
@Component
class SendSms implements CommandLineRunner {

    private final TwilioClient twilio;

    private final QuickstartProperties message;

    private final ObjectProvider<MockTwilioServer> localTwilio;

    SendSms(TwilioClient twilio, QuickstartProperties message, ObjectProvider<MockTwilioServer> localTwilio) {
        this.twilio = twilio;
        this.message = message;
        this.localTwilio = localTwilio;
    }

    @Override
    public void run(String... args) {
        PrintStream out = System.out;
        MockTwilioServer local = this.localTwilio.getIfAvailable();
        out.println("Twilio: " + ((local != null) ? "local stand-in at " + local.baseUrl() : "api.twilio.com"));
        Message sent = this.twilio.messages().create(this.message.to(), this.message.from(), this.message.body());
        out.println("Sent message " + sent.sid() + " to " + sent.to() + " (status: " + sent.status() + ", segments: "
                + sent.numSegments() + ")");
        Message fetched = this.twilio.messages().fetch(sent.sid());
        out.println("Fetched it back: status " + fetched.status() + ", created " + fetched.dateCreated());
        if (local != null) {
            out.println("Token requests made: " + local.tokenRequestCount());
        }
    }
}
