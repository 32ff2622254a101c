package io.github.twilioauth.samples.tenantrepository;

import io.github.twilioauth.client.Message;
import io.github.twilioauth.client.TwilioClients;
import org.springframework.boot.CommandLineRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sends one message from each tenant of the table, by name.
 */
@Component
class NotifyEveryTenant implements CommandLineRunner {

    private final TwilioClients twilio;

    private final JdbcClient jdbc;

    NotifyEveryTenant(TwilioClients twilio, JdbcClient jdbc) {
        this.twilio = twilio;
        this.jdbc = jdbc;
    }

    @Override
    public void run(String... args) {
        for (String tenant : this.jdbc.sql("SELECT name FROM twilio_tenant ORDER BY name").query(String.class).list()) {
            Message sent = this.twilio.get(tenant)
                .messages()
                .create("+15558675310", "+15005550006", "Hello from " + tenant);
            System.out.println("Tenant " + tenant + ": sent " + sent.sid() + " from account " + sent.accountSid());
        }
    }
}
