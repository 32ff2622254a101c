package io.github.twilioauth.test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.InputFormat;
import io.github.twilioauth.test.contract.SpecOperation;
import io.github.twilioauth.test.contract.TwilioSpecs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every response the stand-in gives, held to Twilio's OpenAPI specs: the status declared for the
 * operation, a declared media type, and a body valid against the schema the spec declares for
 * them (read to the letter: every declared property present, no other).
 * <p>
 * A status the spec does not declare for the operation is allowed only where a test says why,
 * and its body must then be Twilio's classic error JSON, as the OAuth spec's {@code Error}
 * schema declares it: the 2010-04-01 spec declares no error response at all.
 */
class ResponseContractTest {

    private static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";

    private static final String AUTH_TOKEN = "auth-token-value";

    private static final String CLIENT_ID = "OQ0123456789abcdef0123456789abcdef";

    private static final String CLIENT_SECRET = "client-secret-value";

    private static final String ORG_SID = "OR0123456789abcdef0123456789abcdef";

    private static final String[] ORG_ACCOUNTS = { ACCOUNT_SID, "AC00000000000000000000000000000002",
            "AC00000000000000000000000000000003" };

    private static final String OWNED_NUMBER = "+15017122661";

    private static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";

    private static final String ACCOUNTS = "/Organizations/" + ORG_SID + "/Accounts";

    private static final String NO_2010_ERRORS = "the 2010-04-01 spec declares no error response";

    /** Each operation the stand-in serves, with the statuses of it that the tests below must reach. */
    private static final Map<String, Set<Integer>> SERVED = Map.of(
            "POST /v2/token of twilio_oauth_v2.json", Set.of(200, 400, 500),
            "POST /2010-04-01/Accounts/{AccountSid}/Messages.json of twilio_api_v2010.json", Set.of(201),
            "GET /2010-04-01/Accounts/{AccountSid}/Messages.json of twilio_api_v2010.json", Set.of(200),
            "GET /2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json of twilio_api_v2010.json", Set.of(200),
            "GET /Organizations/{OrganizationSid}/Accounts of twilio_iam_organizations.json", Set.of(200),
            "GET /Organizations/{OrganizationSid}/Accounts/{AccountSid} of twilio_iam_organizations.json",
            Set.of(200, 404));

    private static final Map<String, Set<Integer>> reached = new ConcurrentHashMap<>();

    private static TwilioSpecs specs;

    @AutoClose
    private final MockTwilioServer server = new MockTwilioServer().account(ACCOUNT_SID, AUTH_TOKEN)
        .phoneNumbers(ACCOUNT_SID, OWNED_NUMBER)
        .oauthApp(CLIENT_ID, CLIENT_SECRET, ACCOUNT_SID)
        .organization(ORG_SID, "org-client", "org-secret", ORG_ACCOUNTS)
        .start();

    private final TwilioHttp http = new TwilioHttp();

    @BeforeAll
    static void loadSpecs() {
        specs = TwilioSpecs.load();
    }

    @AfterAll
    static void reachedEveryDeclaredStatusOfEveryServedOperation() {
        SERVED.forEach((operation, statuses) -> assertThat(reached.getOrDefault(operation, Set.of()))
            .as("statuses reached of %s", operation)
            .containsAll(statuses));
    }

    @Test
    void twilioExamplesOfTheServedOperationsMeetTheirSchemasAsThisSuiteReadsThem() {
        SERVED.keySet().forEach((served) -> {
            String[] methodAndPath = served.split(" ");
            SpecOperation operation = specs.operation(null, methodAndPath[0], methodAndPath[1].replace("{", "X")
                .replace("}", "")).orElseThrow();
            assertThat(operation.exampleViolations(specs)).as("examples of %s", operation).isEmpty();
        });
    }

    @Test
    void tokenResponse() {
        assertDeclared(this.http.requestToken(this.server, CLIENT_ID, CLIENT_SECRET), 200);
    }

    @Test
    void tokenErrors() {
        assertDeclared(this.http.requestToken(this.server, CLIENT_ID, "wrong"), 400);
        assertDeclared(this.http.postForm(this.server.tokenUrl(), null, "grant_type", "client_credentials",
                "client_secret", CLIENT_SECRET), 400);
        assertDeclared(this.http.postForm(this.server.tokenUrl(), null, "grant_type", "password", "client_id",
                CLIENT_ID, "client_secret", CLIENT_SECRET), 400);
        assertDeclared(this.http.send(TwilioHttp.request(this.server.tokenUrl(), null)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{}"))
            .build()), 400);
        this.server.failNextTokenRequests(1, 500);
        assertDeclared(this.http.requestToken(this.server, CLIENT_ID, CLIENT_SECRET), 500);
        this.server.rejectNextTokenRequests(1);
        assertDeclared(this.http.requestToken(this.server, CLIENT_ID, CLIENT_SECRET), 400);
    }

    @Test
    void tokenErrorsTheSpecDoesNotDeclare() {
        assertUndeclared(this.http.get(this.server.tokenUrl(), null), 405, "the spec declares only POST on /v2/token");
        this.server.failNextTokenRequests(1, 429);
        assertUndeclared(this.http.requestToken(this.server, CLIENT_ID, CLIENT_SECRET), 429,
                "the token spec declares no 429, which Twilio answers when it throttles");
        this.server.failNextTokenRequests(1, 503);
        assertUndeclared(this.http.requestToken(this.server, CLIENT_ID, CLIENT_SECRET), 503,
                "the token spec declares 500 alone of the 5xx");
    }

    @Test
    void messagesCreatedFetchedAndListed() {
        JsonNode created = TwilioHttp.json(assertDeclared(send("To", "+15558675310", "From", OWNED_NUMBER, "Body",
                "Hello", "StatusCallback", "https://example.com/status"), 201));
        assertDeclared(send("To", "+15558675310", "MessagingServiceSid", "MG0123456789abcdef0123456789abcdef",
                "Body", "Hi"), 201);
        assertDeclared(send("To", "whatsapp:+15558675310", "From", "+15005550006", "MediaUrl",
                "https://example.com/a.png"), 201);

        assertDeclared(get(created.get("uri").asString(), basic()), 200);
        assertDeclared(get(MESSAGES, basic()), 200);
        JsonNode first = TwilioHttp
            .json(assertDeclared(get(MESSAGES + "?To=%2B15558675310&DateSent%3E=2000-01-01&PageSize=1", basic()), 200));
        assertDeclared(get(first.get("next_page_uri").asString(), basic()), 200);
        assertDeclared(get(MESSAGES + "?From=%2B19999999999", basic()), 200);
    }

    @Test
    void messagesErrors() {
        assertUndeclared(send("From", OWNED_NUMBER, "Body", "Hi"), 400, NO_2010_ERRORS);
        assertUndeclared(send("To", "555", "From", OWNED_NUMBER, "Body", "Hi"), 400, NO_2010_ERRORS);
        assertUndeclared(send("To", "+15558675310", "Body", "Hi"), 400, NO_2010_ERRORS);
        assertUndeclared(send("To", "+15558675310", "From", "+15017122662", "Body", "Hi"), 400, NO_2010_ERRORS);
        assertUndeclared(send("To", "+15558675310", "From", OWNED_NUMBER), 400, NO_2010_ERRORS);
        assertUndeclared(send("To", "+15558675310", "MessagingServiceSid", "MG0123456789abcdef0123456789abcdef"), 400,
                NO_2010_ERRORS);
        assertUndeclared(send("To", "+15558675310", "From", OWNED_NUMBER, "Body", "a".repeat(1601)), 400,
                NO_2010_ERRORS);
        assertUndeclared(get(MESSAGES + "?PageSize=1001", basic()), 400, NO_2010_ERRORS);
        assertUndeclared(get(MESSAGES + "?DateSent=yesterday", basic()), 400, NO_2010_ERRORS);
        assertUndeclared(get(MESSAGES + "?PageToken=PAnone", basic()), 400, NO_2010_ERRORS);
        assertUndeclared(get("/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages/SM" + "0".repeat(32) + ".json",
                basic()), 404, NO_2010_ERRORS);
        assertUndeclared(get(MESSAGES, null), 401, NO_2010_ERRORS);
        assertUndeclared(get(MESSAGES, TwilioHttp.basic(ACCOUNT_SID, "wrong")), 401, NO_2010_ERRORS);
        assertUndeclared(this.http.send(TwilioHttp.request(url(MESSAGES), basic()).DELETE().build()), 405,
                NO_2010_ERRORS);
        assertUndeclared(get("/2010-04-01/Accounts/" + ACCOUNT_SID + "/Calls.json", basic()), 404,
                "the stand-in serves no Calls: Twilio's 404 for a path it does not serve");
        assertUndeclared(get("/nowhere", basic()), 404, "a path of no spec: Twilio's 404");
    }

    @Test
    void apiFaults() {
        this.server.rejectNextApiRequests(1);
        assertUndeclared(get(MESSAGES, basic()), 401, NO_2010_ERRORS);
        this.server.failNextApiRequests(1, 500);
        assertUndeclared(get(MESSAGES, basic()), 500, NO_2010_ERRORS);
        this.server.failNextApiRequests(1, 503);
        assertUndeclared(get(MESSAGES, basic()), 503, NO_2010_ERRORS);
        this.server.failNextApiRequests(1, 429);
        assertUndeclared(get(MESSAGES, basic()), 429, NO_2010_ERRORS);
        this.server.failNextApiRequestsWithRetryAfter(1, Duration.ofSeconds(1));
        assertUndeclared(get(MESSAGES, basic()), 429, NO_2010_ERRORS);
    }

    @Test
    void organizationAccountsListedAndFetched() {
        String authorization = organizationToken();

        JsonNode first = TwilioHttp.json(assertDeclared(get(ACCOUNTS + "?PageSize=2", authorization), 200));
        String next = first.get("meta").get("next_page_url").asString();
        assertDeclared(get(URI.create(next).getRawPath() + "?" + URI.create(next).getRawQuery(), authorization), 200);
        assertDeclared(get(ACCOUNTS, authorization), 200);
        assertDeclared(get(ACCOUNTS + "/" + ORG_ACCOUNTS[1], authorization), 200);
    }

    @Test
    void organizationErrors() {
        String authorization = organizationToken();

        assertDeclared(get(ACCOUNTS + "/AC99999999999999999999999999999999", authorization), 404);
        assertUndeclared(get("/Organizations/OR99999999999999999999999999999999/Accounts", authorization), 401,
                "the Organizations spec declares no 401; Twilio answers a token of another organization 401/20003");
        assertUndeclared(get(ACCOUNTS, basic()), 401, "the Organizations spec declares no 401; Twilio answers "
                + "a request without an organization's token 401/20003");
        assertUndeclared(get(ACCOUNTS + "?PageSize=101", authorization), 400,
                "the Organizations spec declares no 400 for a PageSize out of its 1 to 100");
    }

    @Test
    void wrongProduct() {
        HttpResponse<String> response = this.http
            .send(TwilioHttp.request(url(ACCOUNTS), organizationToken()).header("X-Forwarded-Host", "api.twilio.com")
                .GET()
                .build());

        assertUndeclared(response, 404, "a path of another product than the host's: Twilio's 404");
    }

    private HttpResponse<String> assertDeclared(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as("status of %s", response.request().uri()).isEqualTo(status);
        SpecOperation operation = operationOf(response)
            .orElseThrow(() -> new AssertionError("No operation of the specs serves " + response.request().method()
                    + " " + response.request().uri().getPath()));
        assertThat(operation.responseViolations(specs, status, contentType(response), response.body()))
            .as("%s answered %d: %s", operation, status, response.body())
            .isEmpty();
        reached.computeIfAbsent(operation.toString(), (key) -> new TreeSet<>()).add(status);
        return response;
    }

    private void assertUndeclared(HttpResponse<String> response, int status, String reason) {
        assertThat(response.statusCode()).as("status of %s", response.request().uri()).isEqualTo(status);
        operationOf(response).ifPresent((operation) -> assertThat(operation.response(status))
            .as("%s declares %d: assert it as declared, not as '%s'", operation, status, reason)
            .isEmpty());
        assertThat(contentType(response)).isEqualTo("application/json");
        assertThat(specs.schema("twilio_oauth_v2.json", "/components/schemas/Error")
            .validate(response.body(), InputFormat.JSON))
            .as("Twilio's classic error JSON, where %s: %s", reason, response.body())
            .isEmpty();
    }

    private static Optional<SpecOperation> operationOf(HttpResponse<String> response) {
        String host = response.request().headers().firstValue("X-Forwarded-Host").orElse(null);
        return specs.operation(host, response.request().method(), response.request().uri().getPath());
    }

    private static String contentType(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").orElse(null);
    }

    private String organizationToken() {
        return TwilioHttp.bearer(this.http.accessToken(this.server, "org-client", "org-secret"));
    }

    private static String basic() {
        return TwilioHttp.basic(ACCOUNT_SID, AUTH_TOKEN);
    }

    private HttpResponse<String> send(String... namesAndValues) {
        return this.http.postForm(url(MESSAGES), basic(), namesAndValues);
    }

    private HttpResponse<String> get(String path, String authorization) {
        return this.http.get(url(path), authorization);
    }

    private String url(String path) {
        return this.server.baseUrl() + path;
    }
}
