package io.github.twilioauth.test;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Accounts resource of the Organizations API, which accepts only organization tokens.
 */
class OrganizationsApiTest {

    private static final String ORG_SID = "OR0123456789abcdef0123456789abcdef";

    private static final String[] ACCOUNT_SIDS = { "AC00000000000000000000000000000001",
            "AC00000000000000000000000000000002", "AC00000000000000000000000000000003" };

    private static final Instant CREATED = Instant.parse("2025-11-01T10:00:00Z");

    private final MockTwilioServer server = new MockTwilioServer().clock(Clock.fixed(CREATED, ZoneOffset.UTC))
        .organization(ORG_SID, "org-client", "org-secret", ACCOUNT_SIDS)
        .account(ACCOUNT_SIDS[0], "auth-token")
        .start();

    private final TwilioHttp http = new TwilioHttp();

    @AfterEach
    void closeServer() {
        this.server.close();
    }

    @Test
    void listsAccountsInPagesFollowingNextPageUrl() {
        String authorization = TwilioHttp.bearer(this.http.accessToken(this.server, "org-client", "org-secret"));
        List<String> listed = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();

        String url = accountsUrl() + "?PageSize=2";
        while (url != null) {
            HttpResponse<String> response = this.http.get(url, authorization);
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode page = TwilioHttp.json(response);
            page.get("content").forEach((account) -> listed.add(account.get("account_sid").asString()));
            pageSizes.add(page.get("content").size());
            JsonNode meta = page.get("meta");
            assertThat(meta.get("key").asString()).isEqualTo("content");
            assertThat(meta.get("page_size").asInt()).isEqualTo(2);
            assertThat(meta.get("first_page_url").asString()).isEqualTo(accountsUrl() + "?PageSize=2&Page=0");
            url = meta.get("next_page_url").isNull() ? null : meta.get("next_page_url").asString();
        }

        assertThat(listed).containsExactly(ACCOUNT_SIDS);
        assertThat(pageSizes).containsExactly(2, 1);
    }

    @Test
    void describesEachAccountOfTheOrganization() {
        String authorization = TwilioHttp.bearer(this.http.accessToken(this.server, "org-client", "org-secret"));

        JsonNode account = TwilioHttp.json(this.http.get(accountsUrl(), authorization)).get("content").get(0);

        assertThat(account.get("account_sid").asString()).isEqualTo(ACCOUNT_SIDS[0]);
        assertThat(account.get("friendly_name").asString()).isNotBlank();
        assertThat(account.get("status").asString()).isEqualTo("active");
        assertThat(account.get("owner_sid").asString()).isEqualTo(ORG_SID);
        assertThat(Instant.parse(account.get("date_created").asString())).isEqualTo(CREATED);
    }

    @Test
    void fetchesOneAccountOfTheOrganization() {
        String authorization = TwilioHttp.bearer(this.http.accessToken(this.server, "org-client", "org-secret"));

        HttpResponse<String> response = this.http.get(accountsUrl() + "/" + ACCOUNT_SIDS[1], authorization);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(TwilioHttp.json(response).get("account_sid").asString()).isEqualTo(ACCOUNT_SIDS[1]);
    }

    @Test
    void answersNotFoundForAccountOutsideTheOrganization() {
        String authorization = TwilioHttp.bearer(this.http.accessToken(this.server, "org-client", "org-secret"));

        HttpResponse<String> response = this.http.get(accountsUrl() + "/AC99999999999999999999999999999999",
                authorization);

        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    void rejectsBasicAuthenticationWithBearerChallenge() {
        HttpResponse<String> response = this.http.get(accountsUrl(), TwilioHttp.basic(ACCOUNT_SIDS[0], "auth-token"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(TwilioHttp.json(response).get("code").asInt()).isEqualTo(20003);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"Twilio API\"");
    }

    @Test
    void rejectsTokenOfAnotherOrganization() {
        this.server.organization("ORother", "other-client", "other-secret");
        String authorization = TwilioHttp.bearer(this.http.accessToken(this.server, "other-client", "other-secret"));

        assertThat(this.http.get(accountsUrl(), authorization).statusCode()).isEqualTo(401);
    }

    @Test
    void rejectsAccountToken() {
        this.server.oauthApp("account-client", "account-secret", ACCOUNT_SIDS[0]);
        String authorization = TwilioHttp
            .bearer(this.http.accessToken(this.server, "account-client", "account-secret"));

        assertThat(this.http.get(accountsUrl(), authorization).statusCode()).isEqualTo(401);
    }

    private String accountsUrl() {
        return this.server.baseUrl() + "/Organizations/" + ORG_SID + "/Accounts";
    }
}
