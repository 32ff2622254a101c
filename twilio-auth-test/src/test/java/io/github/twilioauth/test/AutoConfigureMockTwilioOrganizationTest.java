package io.github.twilioauth.test;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AutoConfigureMockTwilio} on a {@code @SpringBootTest} with organization properties.
 */
@SpringBootTest(classes = AutoConfigureMockTwilioOrganizationTest.Config.class,
        properties = { "twilio.auth.type=orgs", "twilio.account-sid=" + AutoConfigureMockTwilioOrganizationTest.ACCOUNT_SID,
                "twilio.auth.organization-sid=" + AutoConfigureMockTwilioOrganizationTest.ORG_SID,
                "twilio.auth.client-id=org-client", "twilio.auth.client-secret=org-secret" })
@AutoConfigureMockTwilio
class AutoConfigureMockTwilioOrganizationTest {

    static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";

    static final String ORG_SID = "OR0123456789abcdef0123456789abcdef";

    @Autowired
    private MockTwilioServer server;

    private final TwilioHttp http = new TwilioHttp();

    @Test
    void registersAnOrganizationListingTheAccount() {
        String token = this.http.accessToken(this.server, "org-client", "org-secret");

        HttpResponse<String> response = this.http.get(this.server.baseUrl() + "/Organizations/" + ORG_SID + "/Accounts",
                TwilioHttp.bearer(token));

        assertThat(AutoConfigureMockTwilioTest.subject(token)).isEqualTo(ORG_SID);
        assertThat(TwilioHttp.json(response).get("content").get(0).get("account_sid").asString())
            .isEqualTo(ACCOUNT_SID);
    }

    @SpringBootConfiguration
    static class Config {
    }
}
