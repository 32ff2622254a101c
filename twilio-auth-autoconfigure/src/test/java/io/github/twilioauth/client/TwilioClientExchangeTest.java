package io.github.twilioauth.client;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.github.twilioauth.TwilioApiException;
import io.github.twilioauth.TwilioException;
import io.github.twilioauth.credential.BasicCredentialProviderBuilder;
import io.github.twilioauth.credential.CredentialProvider;
import io.github.twilioauth.credential.NoAuthCredentialProvider;
import io.github.twilioauth.http.TwilioAuthInterceptor;
import io.github.twilioauth.http.TwilioRestClientBuilder;
import io.github.twilioauth.http.TwilioRetryInterceptor;
import io.github.twilioauth.test.MockTwilioExtension;
import io.github.twilioauth.test.MockTwilioServer;
import io.github.twilioauth.test.OffSpecRequests;
import io.github.twilioauth.test.RecordedRequest;
import io.github.twilioauth.testsupport.Retries;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.util.unit.DataSize;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@link TwilioClient#exchange}: any status answered as it came, over real HTTP to the stand-in,
 * on the path of every call of the client (routing, credentials, retries, bounds, close).
 */
class TwilioClientExchangeTest {

    static final String ACCOUNT_SID = "AC" + "e".repeat(32);

    static final String AUTH_TOKEN = "exchange-auth-token";

    static final String OTHER_ACCOUNT_SID = "AC" + "f".repeat(32);

    static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";

    static final String FORM = "To=%2B15558675310&From=%2B15005550006&Body=Hi+there";

    @RegisterExtension
    static final MockTwilioExtension twilio = new MockTwilioExtension();

    private final RecordingRequestFactory requestFactory = new RecordingRequestFactory();

    private MockTwilioServer server;

    @BeforeEach
    void registerAccounts() {
        this.server = twilio.server().account(ACCOUNT_SID, AUTH_TOKEN).account(OTHER_ACCOUNT_SID, "other-token");
    }

    private TwilioClient client(CredentialProvider credentials, DataSize maxResponseSize) {
        TwilioEndpoints endpoints = new TwilioEndpoints(this.server.baseUrl(), null, null);
        TwilioAuthInterceptor interceptor = new TwilioAuthInterceptor(credentials,
                endpoints.allowedHosts(List.of(), false));
        RestClient restClient = new TwilioRestClientBuilder(RestClient.builder().requestFactory(this.requestFactory),
                new TwilioRetryInterceptor(Retries.attempts(3)))
            .build(interceptor);
        return new TwilioClient(restClient, interceptor, endpoints, ACCOUNT_SID, maxResponseSize);
    }

    private TwilioClient client() {
        return client(basic(ACCOUNT_SID, AUTH_TOKEN), TwilioClient.DEFAULT_MAX_RESPONSE_SIZE);
    }

    private static CredentialProvider basic(String username, String password) {
        return new BasicCredentialProviderBuilder().setUsername(username).setPassword(password).build();
    }

    private static HttpHeaders formHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        return headers;
    }

    private static byte[] form() {
        return FORM.getBytes(StandardCharsets.US_ASCII);
    }

    /** A JSON object of exactly {@code length} bytes. */
    private static String jsonOfLength(int length) {
        String empty = "{\"filler\":\"\"}";
        return "{\"filler\":\"" + "x".repeat(length - empty.length()) + "\"}";
    }

    @Test
    void sendsTheBodyAndHeadersGivenAndAnswersTheCreatedResource() {
        HttpHeaders headers = formHeaders();
        headers.set("X-Twilio-Example", "yes");

        TwilioRawResponse response = client().exchange(HttpMethod.POST, MESSAGES, headers, form());

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
        assertThat(response.bodyAsString()).contains("\"sid\":\"SM", "\"body\":\"Hi there\"");
        assertThat(this.server.requests()).singleElement().satisfies((request) -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo(MESSAGES);
            assertThat(request.form()).isEqualTo(Map.of("To", List.of("+15558675310"), "From",
                    List.of("+15005550006"), "Body", List.of("Hi there")));
            assertThat(request.authScheme()).isEqualTo("Basic");
            assertThat(request.principal()).isEqualTo(ACCOUNT_SID);
        });
    }

    @Test
    void aHeaderWithSeveralValuesIsSentWithEachOfThem() {
        HttpHeaders headers = formHeaders();
        headers.add("X-Twilio-Example", "first");
        headers.add("X-Twilio-Example", "second");

        client().exchange(HttpMethod.POST, MESSAGES, headers, form());

        assertThat(this.requestFactory.sent()).singleElement()
            .satisfies((sent) -> assertThat(sent.headers().get("X-Twilio-Example")).containsExactly("first",
                    "second"));
    }

    @Test
    void aHeaderGivenReplacesTheClientsDefaultOfTheSameName() {
        HttpHeaders headers = formHeaders();
        headers.set(HttpHeaders.USER_AGENT, "exchange-test/1.0");

        client().exchange(HttpMethod.POST, MESSAGES, headers, form());

        assertThat(this.requestFactory.sent()).singleElement()
            .satisfies((sent) -> assertThat(sent.headers().get(HttpHeaders.USER_AGENT))
                .containsExactly("exchange-test/1.0"));
    }

    @Test
    void bytesWithoutContentTypeAreSentAsOctetStreamWithTheirLength() {
        try (OffSpecRequests octets = this.server.offSpec("bytes without a content type, to see the default one")) {
            client().exchange(HttpMethod.POST, MESSAGES, new HttpHeaders(), form());
        }

        assertThat(this.requestFactory.sent()).singleElement().satisfies((sent) -> {
            assertThat(sent.headers().getContentType()).isEqualTo(MediaType.APPLICATION_OCTET_STREAM);
            assertThat(sent.headers().getContentLength()).isEqualTo(FORM.length());
        });
    }

    @Test
    void aFormOfFieldsIsWrittenByTheMessageConvertersWithoutTheAuthorizationGiven() {
        HttpHeaders headers = formHeaders();
        headers.setBasicAuth(OTHER_ACCOUNT_SID, "other-token");
        MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        fields.add("To", "+15558675310");
        fields.add("From", "+15005550006");
        fields.add("Body", "Hi there");

        TwilioRawResponse response = client().exchange(HttpMethod.POST, MESSAGES, headers, fields);

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(this.requestFactory.sent()).singleElement()
            .satisfies((sent) -> assertThat(sent.authorizations()).hasSize(1));
        assertThat(this.server.requests()).singleElement().satisfies((request) -> {
            assertThat(request.principal()).isEqualTo(ACCOUNT_SID);
            assertThat(request.form()).isEqualTo(Map.of("To", List.of("+15558675310"), "From",
                    List.of("+15005550006"), "Body", List.of("Hi there")));
        });
    }

    /** How a body's end is told: by its announced length, or by the last of its chunks. */
    enum Framing {

        CONTENT_LENGTH, CHUNKED
    }

    private void respondToNextApiRequest(Framing framing, String body) {
        if (framing == Framing.CHUNKED) {
            this.server.respondToNextApiRequestChunked(200, "application/json", body);
        }
        else {
            this.server.respondToNextApiRequest(200, Map.of(), "application/json", body);
        }
    }

    @ParameterizedTest
    @EnumSource(Framing.class)
    void aBodyAsLargeAsTheLimitIsAnsweredWhole(Framing framing) {
        String body = jsonOfLength(1024);
        respondToNextApiRequest(framing, body);

        TwilioRawResponse response = client(basic(ACCOUNT_SID, AUTH_TOKEN), DataSize.ofKilobytes(1))
            .exchange(HttpMethod.GET, MESSAGES, new HttpHeaders(), null);

        assertThat(response.headers().getContentLength()).isEqualTo((framing == Framing.CHUNKED) ? -1 : 1024);
        assertThat(response.bodyAsString()).isEqualTo(body);
    }

    @ParameterizedTest
    @EnumSource(Framing.class)
    void aBodyOneByteOverTheLimitFailsWithTheStatus(Framing framing) {
        respondToNextApiRequest(framing, jsonOfLength(1025));

        assertThatExceptionOfType(TwilioApiException.class)
            .isThrownBy(() -> client(basic(ACCOUNT_SID, AUTH_TOKEN), DataSize.ofKilobytes(1)).exchange(HttpMethod.GET,
                    MESSAGES, new HttpHeaders(), null))
            .withMessageContaining("HTTP 200 and a body larger than 1 KB (twilio.http.max-response-size)")
            .satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(200));
    }

    @Test
    void answersAnErrorStatusWithTwilioErrorBodyWithoutThrowing() {
        TwilioRawResponse response = client().exchange(HttpMethod.GET,
                "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages/SM" + "0".repeat(32) + ".json", new HttpHeaders(),
                null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.bodyAsString()).contains("\"code\":20404", "\"status\":404");
    }

    @Test
    void anAuthorizationHeaderGivenIsDroppedForTheClientsOwn() {
        HttpHeaders headers = formHeaders();
        headers.setBasicAuth(OTHER_ACCOUNT_SID, "other-token");

        client().exchange(HttpMethod.POST, MESSAGES, headers, form());

        assertThat(this.requestFactory.sent()).singleElement()
            .satisfies((sent) -> assertThat(sent.authorizations()).hasSize(1));
        assertThat(this.server.requests()).extracting(RecordedRequest::principal).containsExactly(ACCOUNT_SID);
    }

    @Test
    void anAuthorizationHeaderGivenNeverGoesOutWithoutCredentials() {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(ACCOUNT_SID, AUTH_TOKEN);

        TwilioRawResponse response = client(new NoAuthCredentialProvider(), TwilioClient.DEFAULT_MAX_RESPONSE_SIZE)
            .exchange(HttpMethod.GET, MESSAGES, headers, null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(this.requestFactory.sent()).singleElement()
            .satisfies((sent) -> assertThat(sent.authorizations()).isEmpty());
    }

    @Test
    void routesAnAbsoluteTwilioUriToTheBaseUrlNamingTheHostItStandsFor() {
        TwilioRawResponse response = client().exchange(HttpMethod.GET,
                "https://api.twilio.com" + MESSAGES + "?PageSize=2", new HttpHeaders(), null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(this.requestFactory.sent()).singleElement().satisfies((sent) -> {
            assertThat(sent.uri().toString()).isEqualTo(this.server.baseUrl() + MESSAGES + "?PageSize=2");
            assertThat(sent.forwardedHost()).isEqualTo("api.twilio.com");
        });
        assertThat(this.server.requests()).extracting(RecordedRequest::path, RecordedRequest::query)
            .containsExactly(tuple(MESSAGES, "PageSize=2"));
    }

    @Test
    void aPostAnswered500IsSentOnceAndAnswered() {
        this.server.failNextApiRequests(1, 500);

        TwilioRawResponse response = client().exchange(HttpMethod.POST, MESSAGES, formHeaders(), form());

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(this.server.requests()).hasSize(1);
        assertThat(this.server.messages()).isEmpty();
    }

    @Test
    void aGetAnswered503IsRetried() {
        this.server.failNextApiRequests(1, 503);

        TwilioRawResponse response = client().exchange(HttpMethod.GET, MESSAGES, new HttpHeaders(), null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(this.server.requests()).extracting(RecordedRequest::method).containsExactly("GET", "GET");
    }

    @Test
    void aSuccessBodyLargerThanTheLimitFailsWithTheStatus() {
        this.server.respondToNextApiRequestWithEndlessBody(200, "application/json");

        assertThatExceptionOfType(TwilioApiException.class)
            .isThrownBy(() -> client(basic(ACCOUNT_SID, AUTH_TOKEN), DataSize.ofKilobytes(1)).exchange(HttpMethod.GET,
                    MESSAGES, new HttpHeaders(), null))
            .withMessageContaining("HTTP 200 and a body larger than 1 KB (twilio.http.max-response-size)")
            .satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(200));
    }

    @Test
    void anErrorBodyLargerThan64KbFailsWithTheStatus() {
        this.server.respondToNextApiRequestWithLargeError(400, 100_000);

        assertThatExceptionOfType(TwilioApiException.class)
            .isThrownBy(() -> client().exchange(HttpMethod.GET, MESSAGES, new HttpHeaders(), null))
            .withMessageContaining("HTTP 400 and a body larger than 64 KB")
            .satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(400));
    }

    @Test
    void noResponseFailsWithStatusZero() {
        TwilioEndpoints closedPort = new TwilioEndpoints(MockTwilioServer.closedPortUrl(), null, null);
        TwilioClient client = TwilioClient.create(RestClient.builder(), basic(ACCOUNT_SID, AUTH_TOKEN), closedPort,
                ACCOUNT_SID);

        assertThatExceptionOfType(TwilioApiException.class)
            .isThrownBy(() -> client.exchange(HttpMethod.POST, MESSAGES, formHeaders(), form()))
            .withMessageContaining("got no response")
            .satisfies((ex) -> assertThat(ex.statusCode()).isZero());
    }

    @Test
    void aClosedClientFailsAtOnce() {
        TwilioClient client = client();
        client.close();

        assertThatExceptionOfType(TwilioException.class)
            .isThrownBy(() -> client.exchange(HttpMethod.GET, MESSAGES, new HttpHeaders(), null))
            .withMessageContaining("closed");
        assertThat(this.server.requests()).isEmpty();
    }
}
