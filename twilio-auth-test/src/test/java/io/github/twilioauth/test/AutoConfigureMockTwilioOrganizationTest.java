package io.github.twilioauth.test;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AutoConfigureMockTwilio} on a {@code @SpringBootTest} with organization properties.
 */
@SpringBootTest(classes = AutoConfigureMockTwilioOrganizationTest.Config.class,
        properties = { "twilio.auth.type=orgs", "twilio.account-sid=" + AutoConfigureMockTwilioOrganizationTest.ACCOUNT_SID,
                "twilio.auth.client-id=org-client", "twilio.auth.client-secret=org-secret" })
@AutoConfigureMockTwilio
class AutoConfigureMockTwilioOrganizationTest {

    static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";

    @Autowired
    private MockTwilioServer server;

    private final TwilioHttp http = new TwilioHttp();

    @Test
    void registersAnOrganizationListingTheAccount() {
        String orgSid = MockTwilioInitializer.organizationSid("org-client");
        String token = this.http.accessToken(this.server, "org-client", "org-secret");

        HttpResponse<String> response = listAccounts(orgSid, token);

        assertThat(AutoConfigureMockTwilioTest.subject(token)).isEqualTo(orgSid);
        assertThat(TwilioHttp.json(response).get("content").get(0).get("account_sid").asString())
            .isEqualTo(ACCOUNT_SID);
    }

    @Test
    @DirtiesContext
    void anOrganizationRegisteredByTheTestGivesTheAppsTokensTheTestsSid() {
        String orgSid = "OR0123456789abcdef0123456789abcdef";
        this.server.organization(orgSid, "org-client", "org-secret", ACCOUNT_SID);
        String token = this.http.accessToken(this.server, "org-client", "org-secret");

        HttpResponse<String> response = listAccounts(orgSid, token);

        assertThat(AutoConfigureMockTwilioTest.subject(token)).isEqualTo(orgSid);
        assertThat(response.statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> listAccounts(String orgSid, String token) {
        return this.http.get(this.server.baseUrl() + "/Organizations/" + orgSid + "/Accounts",
                TwilioHttp.bearer(token));
    }

    @SpringBootConfiguration
    static class Config {
    }
}
