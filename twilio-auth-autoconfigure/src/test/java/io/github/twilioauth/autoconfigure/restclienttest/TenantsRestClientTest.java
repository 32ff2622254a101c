package io.github.twilioauth.autoconfigure.restclienttest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import io.github.twilioauth.client.TwilioClients;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.restclient.test.MockServerRestClientCustomizer;
import org.springframework.boot.restclient.test.autoconfigure.RestClientTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.client.MockRestServiceServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.header;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.method;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withStatus;

/**
 * A {@code @RestClientTest} of an application with the single client and two tenants, whose
 * {@code application.yml} has the single client and tenant {@code acme} get OAuth tokens.
 * <p>
 * Every Twilio client, the single one and each tenant's, is built from one base
 * {@code RestClient.Builder}, which Boot's {@link MockServerRestClientCustomizer} binds to one
 * {@link MockRestServiceServer}: the auto-configured server sees the requests of all of them, told
 * apart by the account in their path and their {@code Authorization} header. Token requests never
 * reach it (token managers have an HTTP client of their own), so the test sets
 * {@code auth.type=basic} and an Auth Token for each OAuth client. An Auth Token alone would not
 * do: the single client's {@code type: client-credentials} would stay, and {@code acme}, whose type
 * is inferred from its client id, would stop startup with both kinds of credentials set.
 */
@RestClientTest(components = Notifier.class,
        properties = {
                "spring.config.location=classpath:/io/github/twilioauth/autoconfigure/restclienttest/application.yml",
                "twilio.auth.type=basic", "twilio.auth.auth-token=" + TenantsRestClientTest.SINGLE_AUTH_TOKEN,
                "twilio.tenants.acme.auth.type=basic",
                "twilio.tenants.acme.auth.auth-token=" + TenantsRestClientTest.ACME_AUTH_TOKEN })
class TenantsRestClientTest {

    static final String SINGLE_AUTH_TOKEN = "single-test-auth-token";

    static final String ACME_AUTH_TOKEN = "acme-test-auth-token";

    private static final String SINGLE_ACCOUNT = "AC0123456789abcdef0123456789abcdef";

    private static final String ACME_ACCOUNT = "AC" + "a".repeat(32);

    private static final String GLOBEX_ACCOUNT = "AC" + "b".repeat(32);

    private static final String GLOBEX_API_KEY = "SK" + "b".repeat(32);

    @Autowired
    private Notifier notifier;

    @Autowired
    private TwilioClients tenants;

    @Autowired
    private MockRestServiceServer server;

    @Autowired
    private MockServerRestClientCustomizer customizer;

    @Test
    void oneMockServerIsBoundForTheSingleClientAndEveryTenant() {
        assertThat(this.customizer.getServers()).hasSize(1);
    }

    @Test
    void theRequestsOfEachClientAreToldApartByAccountPathAndAuthorization() {
        expectMessage(SINGLE_ACCOUNT, basic(SINGLE_ACCOUNT, SINGLE_AUTH_TOKEN));
        expectMessage(ACME_ACCOUNT, basic(ACME_ACCOUNT, ACME_AUTH_TOKEN));
        expectMessage(GLOBEX_ACCOUNT, basic(GLOBEX_API_KEY, "globex-api-secret"));

        this.notifier.notifyShipped("+15558675310");
        this.tenants.get("acme").messages().create("+15558675310", "+15005550006", "Your order has shipped");
        this.tenants.get("globex").messages().create("+15558675310", "+15005550006", "Your order has shipped");

        this.server.verify();
    }

    private void expectMessage(String accountSid, String authorization) {
        this.server.expect(requestTo("https://api.twilio.com/2010-04-01/Accounts/" + accountSid + "/Messages.json"))
            .andExpect(method(HttpMethod.POST))
            .andExpect(header(HttpHeaders.AUTHORIZATION, authorization))
            .andRespond(withStatus(HttpStatus.CREATED).contentType(MediaType.APPLICATION_JSON)
                .body("{\"sid\": \"SM0123456789abcdef0123456789abcdef\", \"account_sid\": \"" + accountSid
                        + "\", \"status\": \"queued\"}"));
    }

    private static String basic(String username, String password) {
        return "Basic "
                + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
