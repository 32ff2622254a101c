package io.github.twilioauth.samples.multitenant;

import io.github.twilioauth.client.Message;
import io.github.twilioauth.test.MockTwilioServer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.CommandLineRunner;
import org.springframework.stereotype.Component;

/**
 * Sends one message from each tenant's account.
 */
@Component
class NotifyEveryTenant implements CommandLineRunner {

    private final TenantClients tenants;

    private final TenantProperties properties;

    private final ObjectProvider<MockTwilioServer> localTwilio;

    NotifyEveryTenant(TenantClients tenants, TenantProperties properties, ObjectProvider<MockTwilioServer> localTwilio) {
        this.tenants = tenants;
        this.properties = properties;
        this.localTwilio = localTwilio;
    }

    @Override
    public void run(String... args) {
        this.localTwilio.ifAvailable(this::registerTenants);
        for (String name : this.tenants.names()) {
            Message sent = this.tenants.get(name).messages().create("+15558675310", "+15005550006", "Hello from " + name);
            System.out.println("Tenant " + name + ": sent " + sent.sid() + " from account " + sent.accountSid());
        }
    }

    /** The local stand-in learns the tenants' credentials; real Twilio already knows them. */
    private void registerTenants(MockTwilioServer server) {
        this.properties.tenants().values().forEach((tenant) -> {
            if (tenant.authToken() != null) {
                server.account(tenant.accountSid(), tenant.authToken());
            }
            else {
                server.oauthApp(tenant.clientId(), tenant.clientSecret(), tenant.accountSid());
            }
        });
    }
}
