package io.github.twilioauth.samples.multitenant;

import io.github.twilioauth.client.Message;
import io.github.twilioauth.client.TwilioClients;
import org.springframework.boot.CommandLineRunner;
import org.springframework.stereotype.Component;

/**
 * Sends one message from each tenant's account.
 */
@Component
class NotifyEveryTenant implements CommandLineRunner {

    private final TwilioClients twilio;

    NotifyEveryTenant(TwilioClients twilio) {
        this.twilio = twilio;
    }

    @Override
    public void run(String... args) {
        for (String tenant : this.twilio.tenants()) {
            Message sent = this.twilio.get(tenant)
                .messages()
                .create("+15558675310", "+15005550006", "Hello from " + tenant);
            System.out.println("Tenant " + tenant + ": sent " + sent.sid() + " from account " + sent.accountSid());
        }
    }
}
