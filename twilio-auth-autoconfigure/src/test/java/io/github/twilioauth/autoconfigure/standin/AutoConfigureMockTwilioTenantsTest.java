package io.github.twilioauth.autoconfigure.standin;

import org.junit.jupiter.api.Test;

import io.github.twilioauth.client.TwilioClient;
import io.github.twilioauth.client.TwilioClients;
import io.github.twilioauth.test.AutoConfigureMockTwilio;
import io.github.twilioauth.test.MockTwilioServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * {@link AutoConfigureMockTwilio} on a {@code @SpringBootTest} of an application with the single
 * client and two tenants: with no line of the test about them, every client reaches the stand-in
 * and is accepted with its own credentials.
 */
@SpringBootTest(classes = TenantsApplication.class, properties = TenantsApplication.CONFIG)
@AutoConfigureMockTwilio
class AutoConfigureMockTwilioTenantsTest {

    @Autowired
    private TwilioClient twilio;

    @Autowired
    private TwilioClients tenants;

    @Autowired
    private MockTwilioServer server;

    @Test
    void theSingleClientAndEachTenantSendWithTheirOwnCredentials() {
        TenantsApplication.sendsThroughEveryClientWithItsCredentials(this.twilio, this.tenants, this.server);
    }
}
