package io.github.twilioauth.test;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * How the 2010-04-01 API authenticates requests: Basic with an auth token or API key, Bearer
 * with a token the server issued.
 */
class AuthenticationTest {

    private static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";

    private static final String OTHER_ACCOUNT_SID = "ACfedcba9876543210fedcba9876543210";

    private static final String AUTH_TOKEN = "auth-token-value";

    private static final String API_KEY = "SK0123456789abcdef0123456789abcdef";

    private static final String API_SECRET = "api-secret-value";

    private static final String ORG_SID = "OR0123456789abcdef0123456789abcdef";

    private static final Instant NOW = Instant.parse("2025-11-01T10:00:00Z");

    @AutoClose
    private final MockTwilioServer server = new MockTwilioServer().clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .account(ACCOUNT_SID, AUTH_TOKEN)
        .apiKey(API_KEY, API_SECRET, ACCOUNT_SID)
        .apiKey("SKother", "other-secret", OTHER_ACCOUNT_SID)
        .oauthApp("account-client", "account-secret", ACCOUNT_SID)
        .oauthApp("other-client", "other-secret", OTHER_ACCOUNT_SID)
        .organization(ORG_SID, "org-client", "org-secret", ACCOUNT_SID)
        .start();

    private final TwilioHttp http = new TwilioHttp();

    @Test
    void acceptsBasicWithAccountSidAndAuthToken() {
        assertThat(listMessages(TwilioHttp.basic(ACCOUNT_SID, AUTH_TOKEN)).statusCode()).isEqualTo(200);
    }

    @Test
    void acceptsBasicWithApiKeyOfTheAccount() {
        assertThat(listMessages(TwilioHttp.basic(API_KEY, API_SECRET)).statusCode()).isEqualTo(200);
    }

    @Test
    void rejectsApiKeyOfAnotherAccount() {
        assertThat(listMessages(TwilioHttp.basic("SKother", "other-secret")).statusCode()).isEqualTo(401);
    }

    @Test
    void rejectsWrongAuthTokenWithTwilioAuthenticateErrorAndChallenge() {
        HttpResponse<String> response = listMessages(TwilioHttp.basic(ACCOUNT_SID, "wrong"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"Twilio API\"");
        JsonNode json = TwilioHttp.json(response);
        assertThat(json.get("code").asInt()).isEqualTo(20003);
        assertThat(json.get("message").asString()).isEqualTo("Authenticate");
        assertThat(json.get("status").asInt()).isEqualTo(401);
    }

    @Test
    void rejectsRequestWithoutAuthorization() {
        assertThat(listMessages(null).statusCode()).isEqualTo(401);
    }

    @Test
    void rejectsMalformedBasicCredentials() {
        assertThat(listMessages("Basic not-base64!").statusCode()).isEqualTo(401);
    }

    @Test
    void acceptsBearerTokenIssuedForTheAccount() {
        String token = this.http.accessToken(this.server, "account-client", "account-secret");

        assertThat(listMessages(TwilioHttp.bearer(token)).statusCode()).isEqualTo(200);
    }

    @Test
    void rejectsBearerTokenIssuedForAnotherAccount() {
        String token = this.http.accessToken(this.server, "other-client", "other-secret");

        assertThat(listMessages(TwilioHttp.bearer(token)).statusCode()).isEqualTo(401);
    }

    @Test
    void acceptsBearerTokenUntilItExpires() {
        String token = this.http.accessToken(this.server, "account-client", "account-secret");

        this.server.clock(Clock.fixed(NOW.plus(Duration.ofHours(1)).minusSeconds(1), ZoneOffset.UTC));

        assertThat(listMessages(TwilioHttp.bearer(token)).statusCode()).isEqualTo(200);
    }

    @Test
    void rejectsExpiredBearerToken() {
        String token = this.http.accessToken(this.server, "account-client", "account-secret");

        this.server.clock(Clock.fixed(NOW.plus(Duration.ofHours(1)), ZoneOffset.UTC));

        assertThat(listMessages(TwilioHttp.bearer(token)).statusCode()).isEqualTo(401);
    }

    @Test
    void rejectsBearerTokenIssuedByAnotherServer() {
        String token;
        try (MockTwilioServer other = new MockTwilioServer().oauthApp("account-client", "account-secret", ACCOUNT_SID)
            .start()) {
            token = this.http.accessToken(other, "account-client", "account-secret");
        }

        assertThat(listMessages(TwilioHttp.bearer(token)).statusCode()).isEqualTo(401);
    }

    @Test
    void rejectsBearerTokenWithTamperedPayload() {
        String[] parts = this.http.accessToken(this.server, "other-client", "other-secret").split("\\.");
        String forged = this.http.accessToken(this.server, "account-client", "account-secret").split("\\.")[1];

        assertThat(listMessages(TwilioHttp.bearer(parts[0] + "." + forged + "." + parts[2])).statusCode())
            .isEqualTo(401);
    }

    @Test
    void rejectsAnAcceptedTokensPayloadUnderAnotherSignature() {
        String genuine = this.http.accessToken(this.server, "account-client", "account-secret");
        String otherSignature = this.http.accessToken(this.server, "other-client", "other-secret").split("\\.")[2];
        assertThat(listMessages(TwilioHttp.bearer(genuine)).statusCode()).isEqualTo(200);

        String resigned = genuine.substring(0, genuine.lastIndexOf('.') + 1) + otherSignature;

        assertThat(listMessages(TwilioHttp.bearer(resigned)).statusCode()).isEqualTo(401);
    }

    @Test
    void rejectsBearerTokenAcceptedBeforeOnceItExpires() {
        String token = this.http.accessToken(this.server, "account-client", "account-secret");
        assertThat(listMessages(TwilioHttp.bearer(token)).statusCode()).isEqualTo(200);

        this.server.clock(Clock.fixed(NOW.plus(Duration.ofHours(1)), ZoneOffset.UTC));

        assertThat(listMessages(TwilioHttp.bearer(token)).statusCode()).isEqualTo(401);
    }

    @Test
    void acceptsOrganizationTokenForAccountTheOrganizationLists() {
        String token = this.http.accessToken(this.server, "org-client", "org-secret");

        assertThat(listMessages(TwilioHttp.bearer(token)).statusCode()).isEqualTo(200);
    }

    @Test
    void rejectsOrganizationTokenForAccountTheOrganizationDoesNotList() {
        String token = this.http.accessToken(this.server, "org-client", "org-secret");

        HttpResponse<String> response = this.http.get(
                this.server.baseUrl() + "/2010-04-01/Accounts/" + OTHER_ACCOUNT_SID + "/Messages.json",
                TwilioHttp.bearer(token));

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void acceptsCredentialsRegisteredAfterStart() {
        this.server.account("ACnew", "new-token");

        HttpResponse<String> response = this.http.get(this.server.baseUrl() + "/2010-04-01/Accounts/ACnew/Messages.json",
                TwilioHttp.basic("ACnew", "new-token"));

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void recordsSchemePrincipalAndAuthorizationHeaderButPrintsNoCredentials() {
        String token = this.http.accessToken(this.server, "account-client", "account-secret");
        listMessages(TwilioHttp.basic(API_KEY, API_SECRET));
        listMessages(TwilioHttp.bearer(token));
        listMessages(null);

        assertThat(this.server.requests())
            .extracting(RecordedRequest::authScheme, RecordedRequest::principal, RecordedRequest::authorization)
            .containsExactly(tuple("Basic", API_KEY, TwilioHttp.basic(API_KEY, API_SECRET)),
                    tuple("Bearer", ACCOUNT_SID, TwilioHttp.bearer(token)),
                    tuple(null, null, null));
        assertThat(this.server.requests().toString()).contains("Basic ******", "Bearer ******")
            .doesNotContain(API_SECRET)
            .doesNotContain(TwilioHttp.basic(API_KEY, API_SECRET).substring("Basic ".length()))
            .doesNotContain(token);
    }

    private HttpResponse<String> listMessages(String authorization) {
        return this.http.get(this.server.baseUrl() + "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json",
                authorization);
    }
}
