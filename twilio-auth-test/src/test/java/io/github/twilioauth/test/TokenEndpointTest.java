package io.github.twilioauth.test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token endpoint, {@code POST /v2/token}, as Twilio's.
 */
class TokenEndpointTest {

    private static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";

    private static final String ORG_SID = "OR0123456789abcdef0123456789abcdef";

    private static final String CLIENT_ID = "OQ0123456789abcdef0123456789abcdef";

    private static final String CLIENT_SECRET = "client-secret-value";

    private final MockTwilioServer server = new MockTwilioServer().oauthApp(CLIENT_ID, CLIENT_SECRET, ACCOUNT_SID)
        .start();

    private final TwilioHttp http = new TwilioHttp();

    @AfterEach
    void closeServer() {
        this.server.close();
    }

    @Test
    void answersClientCredentialsWithBearerTokenJson() {
        HttpResponse<String> response = this.http.requestToken(this.server, CLIENT_ID, CLIENT_SECRET);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode json = TwilioHttp.json(response);
        assertThat(json.get("access_token").asString()).isNotBlank();
        assertThat(json.get("refresh_token").isNull()).isTrue();
        assertThat(json.get("id_token").isNull()).isTrue();
        assertThat(json.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(json.get("expires_in").asLong()).isEqualTo(3600);
    }

    @Test
    void accessTokenIsHs256JwtWithClientAsIssuerAndAccountAsSubject() {
        String[] parts = this.http.accessToken(this.server, CLIENT_ID, CLIENT_SECRET).split("\\.");

        assertThat(parts).hasSize(3);
        JsonNode header = decode(parts[0]);
        assertThat(header.get("alg").asString()).isEqualTo("HS256");
        assertThat(header.get("typ").asString()).isEqualTo("JWT");
        JsonNode claims = decode(parts[1]);
        assertThat(claims.get("iss").asString()).isEqualTo(CLIENT_ID);
        assertThat(claims.get("sub").asString()).isEqualTo(ACCOUNT_SID);
        assertThat(Base64.getUrlDecoder().decode(parts[2])).hasSize(32);
    }

    @Test
    void accessTokenExpiresAfterTheTokenLifetime() {
        Instant now = Instant.parse("2025-11-01T10:00:00Z");
        this.server.clock(Clock.fixed(now, ZoneOffset.UTC)).tokenLifetime(Duration.ofMinutes(5));

        HttpResponse<String> response = this.http.requestToken(this.server, CLIENT_ID, CLIENT_SECRET);

        JsonNode claims = claims(TwilioHttp.json(response).get("access_token").asString());
        assertThat(claims.get("iat").asLong()).isEqualTo(now.getEpochSecond());
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(300);
        assertThat(TwilioHttp.json(response).get("expires_in").asLong()).isEqualTo(300);
    }

    @Test
    void everyAccessTokenHasItsOwnJti() {
        Set<String> ids = IntStream.range(0, 5)
            .mapToObj((i) -> claims(this.http.accessToken(this.server, CLIENT_ID, CLIENT_SECRET)).get("jti").asString())
            .collect(Collectors.toSet());

        assertThat(ids).hasSize(5);
    }

    @Test
    void organizationAppTokensHaveTheOrganizationAsSubject() {
        this.server.organization(ORG_SID, "org-client", "org-secret", ACCOUNT_SID);

        JsonNode claims = claims(this.http.accessToken(this.server, "org-client", "org-secret"));

        assertThat(claims.get("sub").asString()).isEqualTo(ORG_SID);
    }

    @Test
    void rejectsWrongClientSecretWithTheTokenApiInvalidCredentialsError() {
        HttpResponse<String> response = this.http.requestToken(this.server, CLIENT_ID, "wrong");

        assertTokenApiError(response, 322402, "Invalid credentials");
    }

    @Test
    void rejectsUnknownClientIdAsInvalidCredentials() {
        assertTokenApiError(this.http.requestToken(this.server, "unknown", CLIENT_SECRET), 322402,
                "Invalid credentials");
    }

    @Test
    void rejectsGrantTypeOtherThanClientCredentials() {
        HttpResponse<String> response = this.http.postForm(this.server.tokenUrl(), null, "grant_type", "password",
                "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET);

        assertTokenApiError(response, 321403, "Invalid grant_type");
    }

    @ParameterizedTest
    @CsvSource({ "grant_type, 321403, Invalid grant_type", "client_id, 321402, Empty client_id",
            "client_secret, 322403, Empty client_secret" })
    void rejectsMissingFieldWithItsTokenApiError(String missing, int code, String message) {
        assertTokenApiError(this.http.postForm(this.server.tokenUrl(), null, fieldsWithout(missing)), code, message);
    }

    @Test
    void rejectsEmptyClientIdAsMissing() {
        HttpResponse<String> response = this.http.postForm(this.server.tokenUrl(), null, "grant_type",
                "client_credentials", "client_id", "", "client_secret", CLIENT_SECRET);

        assertTokenApiError(response, 321402, "Empty client_id");
    }

    @Test
    void rejectsBodyThatIsNotAFormAsBadRequest() {
        HttpResponse<String> response = this.http.send(TwilioHttp.request(this.server.tokenUrl(), null)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"grant_type\":\"client_credentials\",\"client_id\":\""
                    + CLIENT_ID + "\",\"client_secret\":\"" + CLIENT_SECRET + "\"}"))
            .build());

        assertTokenApiError(response, 322403, "Bad Request");
    }

    @Test
    void rejectsMalformedFormEncodingAsBadRequest() {
        HttpResponse<String> response = this.http.send(TwilioHttp.request(this.server.tokenUrl(), null)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=%zz"))
            .build());

        assertTokenApiError(response, 322403, "Bad Request");
    }

    @Test
    void rejectsOtherMethodsThanPost() {
        HttpResponse<String> response = this.http.get(this.server.tokenUrl(), null);

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("POST");
    }

    @Test
    void recordsTokenRequestsWithContentTypeAndForm() {
        this.http.requestToken(this.server, CLIENT_ID, CLIENT_SECRET);

        assertThat(this.server.tokenRequestCount()).isEqualTo(1);
        TokenRequest request = this.server.tokenRequests().get(0);
        assertThat(request.contentType()).isEqualTo("application/x-www-form-urlencoded");
        assertThat(request.grantType()).isEqualTo("client_credentials");
        assertThat(request.clientId()).isEqualTo(CLIENT_ID);
        assertThat(request.form()).containsEntry("client_secret", CLIENT_SECRET);
    }

    @Test
    void tokenRequestToStringMasksTheClientSecret() {
        this.http.requestToken(this.server, CLIENT_ID, CLIENT_SECRET);

        String printed = this.server.tokenRequests().get(0).toString();

        assertThat(printed).doesNotContain(CLIENT_SECRET).contains("client_secret=******").contains(CLIENT_ID);
    }

    @Test
    void servesConcurrentTokenRequestsWithUniqueTokens() {
        List<CompletableFuture<HttpResponse<String>>> responses = IntStream.range(0, 32)
            .mapToObj((i) -> this.http.postFormAsync(this.server.tokenUrl(), null, "grant_type", "client_credentials",
                    "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET))
            .toList();

        List<HttpResponse<String>> answered = responses.stream().map(CompletableFuture::join).toList();

        assertThat(answered).allSatisfy((response) -> assertThat(response.statusCode()).isEqualTo(200));
        assertThat(answered.stream().map((response) -> TwilioHttp.json(response).get("access_token").asString()))
            .doesNotHaveDuplicates()
            .hasSize(32);
        assertThat(this.server.tokenRequestCount()).isEqualTo(32);
    }

    @Test
    void servesSlowTokenRequestsInParallel() {
        Duration latency = Duration.ofMillis(500);
        this.server.tokenLatency(latency);
        long started = System.nanoTime();

        List<HttpResponse<String>> answered = IntStream.range(0, 64)
            .mapToObj((i) -> this.http.postFormAsync(this.server.tokenUrl(), null, "grant_type", "client_credentials",
                    "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET))
            .toList()
            .stream()
            .map(CompletableFuture::join)
            .toList();

        assertThat(answered).allSatisfy((response) -> assertThat(response.statusCode()).isEqualTo(200));
        // One after the other they would take 32 s.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(latency.multipliedBy(64).dividedBy(4));
    }

    private static String[] fieldsWithout(String missing) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("grant_type", "client_credentials");
        fields.put("client_id", CLIENT_ID);
        fields.put("client_secret", CLIENT_SECRET);
        fields.remove(missing);
        return fields.entrySet()
            .stream()
            .flatMap((field) -> Stream.of(field.getKey(), field.getValue()))
            .toArray(String[]::new);
    }

    /** Twilio's error JSON with a Token API code, answered 400 as the spec's only client error. */
    private static void assertTokenApiError(HttpResponse<String> response, int code, String message) {
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode json = TwilioHttp.json(response);
        assertThat(json.get("code").asInt()).isEqualTo(code);
        assertThat(json.get("message").asString()).isEqualTo(message);
        assertThat(json.get("more_info").asString()).isEqualTo("https://www.twilio.com/docs/errors/" + code);
        assertThat(json.get("status").asInt()).isEqualTo(400);
        assertThat(json.properties()).hasSize(4);
    }

    private static JsonNode claims(String token) {
        return decode(token.split("\\.")[1]);
    }

    private static JsonNode decode(String part) {
        return JsonMapper.shared().readTree(new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8));
    }
}
