package io.github.twilioauth.test;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Accounts resource of the Organizations API, which accepts only organization tokens.
 */
class OrganizationsApiTest {

    private static final String ORG_SID = "OR0123456789abcdef0123456789abcdef";

    private static final String[] ACCOUNT_SIDS = { "AC00000000000000000000000000000001",
            "AC00000000000000000000000000000002", "AC00000000000000000000000000000003" };

    private static final String TWILIO_ACCOUNTS_URL = "https://preview-iam.twilio.com/Organizations/" + ORG_SID
            + "/Accounts";

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
            assertThat(meta.get("first_page_url").asString()).isEqualTo(TWILIO_ACCOUNTS_URL + "?PageSize=2");
            url = meta.get("next_page_url").isNull() ? null : onTheServer(meta.get("next_page_url").asString());
        }

        assertThat(listed).containsExactly(ACCOUNT_SIDS);
        assertThat(pageSizes).containsExactly(2, 1);
    }

    @Test
    void pagesWithAbsoluteUrlsOnTwilioHostCarryingPageSizeAndPageTokenOnly() {
        String authorization = TwilioHttp.bearer(this.http.accessToken(this.server, "org-client", "org-secret"));

        JsonNode first = TwilioHttp.json(this.http.get(accountsUrl() + "?PageSize=1", authorization)).get("meta");
        JsonNode second = TwilioHttp
            .json(this.http.get(onTheServer(first.get("next_page_url").asString()), authorization))
            .get("meta");
        JsonNode third = TwilioHttp
            .json(this.http.get(onTheServer(second.get("next_page_url").asString()), authorization))
            .get("meta");

        assertThat(first.get("page").asInt()).isZero();
        assertThat(first.get("url").asString()).isEqualTo(TWILIO_ACCOUNTS_URL + "?PageSize=1");
        assertThat(first.get("previous_page_url").isNull()).isTrue();
        assertThat(first.get("next_page_url").asString())
            .isEqualTo(TWILIO_ACCOUNTS_URL + "?PageSize=1&PageToken=PA" + ACCOUNT_SIDS[0]);
        assertThat(second.get("page").asInt()).isEqualTo(1);
        assertThat(second.get("previous_page_url").asString()).isEqualTo(TWILIO_ACCOUNTS_URL + "?PageSize=1");
        assertThat(third.get("previous_page_url").asString())
            .isEqualTo(TWILIO_ACCOUNTS_URL + "?PageSize=1&PageToken=PA" + ACCOUNT_SIDS[0]);
        assertThat(third.get("next_page_url").isNull()).isTrue();
    }

    @Test
    void listsFiftyAccountsPerPageByDefault() {
        String authorization = TwilioHttp.bearer(this.http.accessToken(this.server, "org-client", "org-secret"));

        JsonNode meta = TwilioHttp.json(this.http.get(accountsUrl(), authorization)).get("meta");

        assertThat(meta.get("page_size").asInt()).isEqualTo(50);
        assertThat(meta.get("url").asString()).isEqualTo(TWILIO_ACCOUNTS_URL + "?PageSize=50");
    }

    @Test
    void acceptsPageSizeOfAHundred() {
        String authorization = TwilioHttp.bearer(this.http.accessToken(this.server, "org-client", "org-secret"));

        assertThat(this.http.get(accountsUrl() + "?PageSize=100", authorization).statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = { "0", "101", "1000" })
    void rejectsPageSizeOutsideOneToAHundred(String pageSize) {
        String authorization = TwilioHttp.bearer(this.http.accessToken(this.server, "org-client", "org-secret"));

        HttpResponse<String> response = this.http.get(accountsUrl() + "?PageSize=" + pageSize, authorization);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode json = TwilioHttp.json(response);
        assertThat(json.get("code").asInt()).isEqualTo(20001);
        assertThat(json.get("message").asString()).isEqualTo("PageSize must be between 1 and 100");
        assertThat(json.get("more_info").asString()).isEqualTo("https://www.twilio.com/docs/errors/20001");
        assertThat(json.get("status").asInt()).isEqualTo(400);
    }

    @Test
    void describesEachAccountOfTheOrganization() {
        String authorization = TwilioHttp.bearer(this.http.accessToken(this.server, "org-client", "org-secret"));

        JsonNode account = TwilioHttp.json(this.http.get(accountsUrl(), authorization)).get("content").get(0);

        assertThat(account.get("account_sid").asString()).isEqualTo(ACCOUNT_SIDS[0]);
        assertThat(account.get("friendly_name").asString()).isNotBlank();
        assertThat(account.get("status").asString()).isEqualTo("active");
        assertThat(account.get("owner_sid").asString()).matches("US[0-9a-f]{32}");
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

    /** The address of a page URL Twilio answered, on this server. */
    private String onTheServer(String twilioUrl) {
        assertThat(twilioUrl).startsWith("https://preview-iam.twilio.com/");
        return this.server.baseUrl() + twilioUrl.substring("https://preview-iam.twilio.com".length());
    }

    private String accountsUrl() {
        return this.server.baseUrl() + "/Organizations/" + ORG_SID + "/Accounts";
    }
}
