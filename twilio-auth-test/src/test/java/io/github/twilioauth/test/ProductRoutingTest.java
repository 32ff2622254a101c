package io.github.twilioauth.test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One port for every Twilio product: a request naming the Twilio host it stands for in
 * {@code X-Forwarded-Host} is served only a path of that host's product, as on Twilio's own hosts.
 */
class ProductRoutingTest {

    private static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";

    private static final String AUTH_TOKEN = "auth-token-value";

    private static final String ORG_SID = "OR0123456789abcdef0123456789abcdef";

    private static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";

    private static final String ACCOUNTS = "/Organizations/" + ORG_SID + "/Accounts";

    @AutoClose
    private final MockTwilioServer server = new MockTwilioServer().account(ACCOUNT_SID, AUTH_TOKEN)
        .organization(ORG_SID, "org-client", "org-secret", ACCOUNT_SID)
        .start();

    private final TwilioHttp http = new TwilioHttp();

    @ParameterizedTest
    @ValueSource(strings = { "api.twilio.com", "api.dublin.ie1.twilio.com", "API.twilio.com:443" })
    void servesThe2010ApiOnTheApiHost(String host) {
        assertThat(get(MESSAGES, TwilioHttp.basic(ACCOUNT_SID, AUTH_TOKEN), host).statusCode()).isEqualTo(200);
    }

    @Test
    void servesOrganizationsOnThePreviewIamHost() {
        assertThat(get(ACCOUNTS, organizationToken(null), "preview-iam.twilio.com").statusCode()).isEqualTo(200);
    }

    @Test
    void answersTwilioNotFoundForAnOrganizationsPathOnTheApiHost() {
        HttpResponse<String> response = get(ACCOUNTS, organizationToken(null), "api.twilio.com");

        assertNotFound(response, ACCOUNTS);
        assertThat(this.server.requests()).singleElement()
            .satisfies((request) -> assertThat(request.forwardedHost()).isEqualTo("api.twilio.com"));
    }

    @Test
    void answersTwilioNotFoundForA2010PathOnThePreviewIamHost() {
        assertNotFound(get(MESSAGES, TwilioHttp.basic(ACCOUNT_SID, AUTH_TOKEN), "preview-iam.twilio.com"), MESSAGES);
    }

    @ParameterizedTest
    @ValueSource(strings = { "example.com", "api.twilio.com.example.com", "twilio.com", "api.twilio.org" })
    void answersTwilioNotFoundForAHostThatIsNotTwilios(String host) {
        assertNotFound(get(MESSAGES, TwilioHttp.basic(ACCOUNT_SID, AUTH_TOKEN), host), MESSAGES);
    }

    @Test
    void servesTheTokenEndpointOnTheOauthHostAndRecordsTheHost() {
        assertThat(organizationToken("oauth.twilio.com")).isNotNull();

        assertThat(this.server.tokenRequests()).singleElement()
            .satisfies((request) -> assertThat(request.forwardedHost()).isEqualTo("oauth.twilio.com"));
    }

    @Test
    void answersTwilioNotFoundForTheTokenPathOnTheApiHost() {
        HttpResponse<String> response = this.http.send(TwilioHttp.request(this.server.tokenUrl(), null)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-Forwarded-Host", "api.twilio.com")
            .POST(HttpRequest.BodyPublishers.ofString(
                    TwilioHttp.form("grant_type", "client_credentials", "client_id", "org-client", "client_secret",
                            "org-secret")))
            .build());

        assertNotFound(response, "/v2/token");
        assertThat(this.server.tokenRequestCount()).isZero();
        assertThat(this.server.requests()).singleElement()
            .satisfies((request) -> assertThat(request.path()).isEqualTo("/v2/token"));
    }

    @Test
    void routesByPathAloneWithoutTheHeader() {
        String authorization = organizationToken(null);

        assertThat(get(ACCOUNTS, authorization, null).statusCode()).isEqualTo(200);
        assertThat(get(MESSAGES, TwilioHttp.basic(ACCOUNT_SID, AUTH_TOKEN), null).statusCode()).isEqualTo(200);
        assertThat(this.server.requests()).allSatisfy((request) -> assertThat(request.forwardedHost()).isNull());
    }

    private HttpResponse<String> get(String path, String authorization, String forwardedHost) {
        var request = TwilioHttp.request(this.server.baseUrl() + path, authorization);
        if (forwardedHost != null) {
            request.header("X-Forwarded-Host", forwardedHost);
        }
        return this.http.send(request.GET().build());
    }

    private String organizationToken(String forwardedHost) {
        var request = TwilioHttp.request(this.server.tokenUrl(), null)
            .header("Content-Type", "application/x-www-form-urlencoded");
        if (forwardedHost != null) {
            request.header("X-Forwarded-Host", forwardedHost);
        }
        HttpResponse<String> response = this.http.send(request
            .POST(HttpRequest.BodyPublishers.ofString(TwilioHttp.form("grant_type", "client_credentials",
                    "client_id", "org-client", "client_secret", "org-secret")))
            .build());
        assertThat(response.statusCode()).isEqualTo(200);
        return TwilioHttp.bearer(TwilioHttp.json(response).get("access_token").asString());
    }

    private static void assertNotFound(HttpResponse<String> response, String path) {
        assertThat(response.statusCode()).isEqualTo(404);
        JsonNode json = TwilioHttp.json(response);
        assertThat(json.get("code").asInt()).isEqualTo(20404);
        assertThat(json.get("message").asString()).isEqualTo("The requested resource " + path + " was not found");
        assertThat(json.get("more_info").asString()).isEqualTo("https://www.twilio.com/docs/errors/20404");
        assertThat(json.get("status").asInt()).isEqualTo(404);
    }
}
