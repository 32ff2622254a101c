package io.github.twilioauth.samples.customtokenmanager;

import io.github.twilioauth.client.Message;
import io.github.twilioauth.client.TwilioClient;
import io.github.twilioauth.credential.ClientCredentialProvider;
import io.github.twilioauth.credential.CredentialProvider;
import org.springframework.boot.CommandLineRunner;
import org.springframework.stereotype.Component;

/**
 * Sends two messages and shows whose tokens authenticated them.
 */
@Component
class SendWithCustomTokens implements CommandLineRunner {

    private final TwilioClient twilio;

    private final CredentialProvider credentials;

    private final SimpleTokenManager tokenManager;

    SendWithCustomTokens(TwilioClient twilio, CredentialProvider credentials, SimpleTokenManager tokenManager) {
        this.twilio = twilio;
        this.credentials = credentials;
        this.tokenManager = tokenManager;
    }

    @Override
    public void run(String... args) {
        for (String body : new String[] { "First message", "Second message" }) {
            Message sent = this.twilio.messages().create("+15558675310", "+15005550006", body);
            System.out.println("Sent message " + sent.sid() + " (status: " + sent.status() + ")");
        }
        System.out.println("Token manager in use: "
                + ((ClientCredentialProvider) this.credentials).getTokenManager().getClass().getSimpleName()
                + ", tokens fetched: " + this.tokenManager.fetches());
    }
}
