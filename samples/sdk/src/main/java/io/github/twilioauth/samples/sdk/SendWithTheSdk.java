package io.github.twilioauth.samples.sdk;

import java.io.PrintStream;

import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;

import io.github.twilioauth.test.MockTwilioServer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.CommandLineRunner;
import org.springframework.stereotype.Component;

/**
 * Sends messages with twilio-java, reads them back page by page, shows a Twilio error as the
 * SDK's {@code ApiException}, and prints what went over the wire.
 */
@Component
class SendWithTheSdk implements CommandLineRunner {

    private final TwilioRestClient twilio;

    private final SdkSampleProperties messages;

    private final ObjectProvider<MockTwilioServer> localTwilio;

    SendWithTheSdk(TwilioRestClient twilio, SdkSampleProperties messages, ObjectProvider<MockTwilioServer> localTwilio) {
        this.twilio = twilio;
        this.messages = messages;
        this.localTwilio = localTwilio;
    }

    @Override
    public void run(String... args) {
        PrintStream out = System.out;
        MockTwilioServer local = this.localTwilio.getIfAvailable();
        out.println("Twilio: " + ((local != null) ? "local stand-in at " + local.baseUrl() : "api.twilio.com"));
        PhoneNumber to = new PhoneNumber(this.messages.to());
        PhoneNumber from = new PhoneNumber(this.messages.from());
        for (int i = 1; i <= this.messages.count(); i++) {
            Message sent = Message.creator(to, from, "Message " + i + " of " + this.messages.count() + ", sent by twilio-java")
                .create(this.twilio);
            out.println("Sent " + sent.getSid() + " (status: " + sent.getStatus() + ")");
        }
        int read = 0;
        for (Message message : Message.reader().setTo(to).setPageSize(2L).read(this.twilio)) {
            read++;
            out.println("Read " + message.getSid() + ": " + message.getBody());
        }
        out.println("Read " + read + " messages, 2 a page");
        try {
            Message.fetcher("SM" + "0".repeat(32)).fetch(this.twilio);
        }
        catch (ApiException ex) {
            out.println("Fetching an unknown message: ApiException " + ex.getStatusCode() + ", Twilio error "
                    + ex.getCode() + " (" + ex.getMoreInfo() + ")");
        }
        if (local != null) {
            out.println("Requests to the API: " + local.requests().size() + ", token requests: "
                    + local.tokenRequestCount() + ", each API request with a Bearer token: "
                    + local.requests().stream().allMatch((request) -> "Bearer".equals(request.authScheme())));
        }
    }
}
