package io.github.twilioauth.sdk;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import com.twilio.base.TwilioResponse;
import com.twilio.exception.ApiException;
import com.twilio.http.HttpMethod;
import com.twilio.http.Request;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.github.twilioauth.TwilioAuthenticationException;
import io.github.twilioauth.TwilioRetryPolicy;
import io.github.twilioauth.client.TwilioClient;
import io.github.twilioauth.client.TwilioEndpoints;
import io.github.twilioauth.credential.BasicCredentialProviderBuilder;
import io.github.twilioauth.credential.ClientCredentialProviderBuilder;
import io.github.twilioauth.credential.CredentialProvider;
import io.github.twilioauth.http.TwilioAuthInterceptor;
import io.github.twilioauth.http.TwilioRestClientBuilder;
import io.github.twilioauth.http.TwilioRetryInterceptor;
import io.github.twilioauth.observation.TwilioClientRequestObservationConvention;
import io.github.twilioauth.test.MockTwilioExtension;
import io.github.twilioauth.test.MockTwilioServer;
import io.github.twilioauth.test.RecordedRequest;
import io.github.twilioauth.token.ApiTokenManager;
import io.github.twilioauth.token.TokenManagerOptions;
import io.github.twilioauth.token.TokenManagerSettings;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.client.observation.ClientRequestObservationContext;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * twilio-java's resources on {@link TwilioSdkHttpClient}, over real HTTP to the stand-in: what
 * goes on the wire (method, path, form, credentials), what comes back, and what the SDK's own
 * transport would do differently (retry a POST, keep the last request, send its credentials).
 */
class TwilioSdkHttpClientTest {

    static final String ACCOUNT_SID = "AC" + "1".repeat(32);

    static final String AUTH_TOKEN = "sdk-auth-token";

    static final String API_KEY = "SK" + "1".repeat(32);

    static final String API_SECRET = "sdk-api-secret";

    static final String CLIENT_ID = "OQ" + "1".repeat(32);

    static final String CLIENT_SECRET = "sdk-client-secret";

    static final String OTHER_ACCOUNT_SID = "AC" + "2".repeat(32);

    static final String OTHER_AUTH_TOKEN = "sdk-other-auth-token";

    static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";

    static final PhoneNumber TO = new PhoneNumber("+15558675310");

    static final PhoneNumber FROM = new PhoneNumber("+15005550006");

    @RegisterExtension
    static final MockTwilioExtension twilio = new MockTwilioExtension();

    private final List<AutoCloseable> closeables = new ArrayList<>();

    private MockTwilioServer server;

    @BeforeEach
    void register() {
        this.server = twilio.server()
            .account(ACCOUNT_SID, AUTH_TOKEN)
            .apiKey(API_KEY, API_SECRET, ACCOUNT_SID)
            .oauthApp(CLIENT_ID, CLIENT_SECRET, ACCOUNT_SID)
            .account(OTHER_ACCOUNT_SID, OTHER_AUTH_TOKEN)
            .tokenLifetime(Duration.ofHours(1))
            .clock(Clock.systemUTC());
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : this.closeables) {
            closeable.close();
        }
    }

    static Stream<Arguments> credentials() {
        return Stream.of(Arguments.of("auth token", "Basic", ACCOUNT_SID), Arguments.of("API key", "Basic", API_KEY),
                Arguments.of("client credentials", "Bearer", ACCOUNT_SID));
    }

    private CredentialProvider credentials(String kind) {
        return switch (kind) {
            case "auth token" -> basic(ACCOUNT_SID, AUTH_TOKEN);
            case "API key" -> basic(API_KEY, API_SECRET);
            default -> oauth();
        };
    }

    private static CredentialProvider basic(String username, String password) {
        return new BasicCredentialProviderBuilder().setUsername(username).setPassword(password).build();
    }

    private CredentialProvider oauth() {
        ApiTokenManager tokens = new ApiTokenManager(
                TokenManagerOptions.builder()
                    .clientId(CLIENT_ID)
                    .clientSecret(CLIENT_SECRET)
                    .tokenUrl(this.server.tokenUrl())
                    .build(),
                TokenManagerSettings.builder().retry(quickRetries()).build());
        this.closeables.add(tokens);
        return new ClientCredentialProviderBuilder().setTokenManager(tokens).build();
    }

    private static TwilioRetryPolicy quickRetries() {
        return TwilioRetryPolicy.builder().maxRetries(2).delay(Duration.ofMillis(1)).jitter(Duration.ZERO).build();
    }

    private TwilioClient client(CredentialProvider credentials) {
        return client(credentials, RestClient.builder());
    }

    private TwilioClient client(CredentialProvider credentials, RestClient.Builder base) {
        TwilioEndpoints endpoints = new TwilioEndpoints(this.server.baseUrl(), null, null);
        TwilioAuthInterceptor interceptor = new TwilioAuthInterceptor(credentials,
                endpoints.allowedHosts(List.of(), false));
        RestClient restClient = new TwilioRestClientBuilder(base.requestFactory(new JdkClientHttpRequestFactory()),
                new TwilioRetryInterceptor(quickRetries()))
            .build(interceptor);
        TwilioClient client = new TwilioClient(restClient, interceptor, endpoints, ACCOUNT_SID);
        this.closeables.add(client);
        return client;
    }

    private TwilioRestClient sdk(CredentialProvider credentials) {
        return TwilioSdkHttpClient.restClientFor(client(credentials));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("credentials")
    void createsFetchesAndReadsMessagesPageByPage(String kind, String scheme, String principal) {
        TwilioRestClient sdk = sdk(credentials(kind));

        Message created = Message.creator(TO, FROM, "Hello from the SDK").create(sdk);
        Message fetched = Message.fetcher(created.getSid()).fetch(sdk);
        for (int i = 2; i <= 5; i++) {
            Message.creator(TO, FROM, "Message " + i).create(sdk);
        }
        List<String> read = new ArrayList<>();
        Message.reader().setPageSize(2L).read(sdk).forEach((message) -> read.add(message.getBody()));

        assertThat(created.getSid()).startsWith("SM");
        assertThat(created.getAccountSid()).isEqualTo(ACCOUNT_SID);
        assertThat(created.getStatus()).isEqualTo(Message.Status.QUEUED);
        assertThat(fetched.getSid()).isEqualTo(created.getSid());
        assertThat(fetched.getBody()).isEqualTo("Hello from the SDK");
        assertThat(fetched.getTo()).isEqualTo(TO.toString());
        assertThat(read).containsExactly("Message 5", "Message 4", "Message 3", "Message 2", "Hello from the SDK");
        List<RecordedRequest> requests = this.server.requests();
        assertThat(requests).extracting(RecordedRequest::method, RecordedRequest::path)
            .containsExactly(tuple("POST", MESSAGES),
                    tuple("GET", "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages/" + created.getSid() + ".json"),
                    tuple("POST", MESSAGES), tuple("POST", MESSAGES), tuple("POST", MESSAGES), tuple("POST", MESSAGES),
                    tuple("GET", MESSAGES), tuple("GET", MESSAGES), tuple("GET", MESSAGES));
        assertThat(requests.get(0).form()).isEqualTo(Map.of("To", List.of("+15558675310"), "From",
                List.of("+15005550006"), "Body", List.of("Hello from the SDK")));
        assertThat(requests.subList(6, 9)).extracting(RecordedRequest::query)
            .satisfiesExactly((first) -> assertThat(first).isEqualTo("PageSize=2"),
                    (second) -> assertThat(second).contains("PageSize=2", "Page=1", "PageToken=PA"),
                    (third) -> assertThat(third).contains("PageSize=2", "Page=2", "PageToken=PA"));
        assertThat(requests).allSatisfy((request) -> {
            assertThat(request.authScheme()).isEqualTo(scheme);
            assertThat(request.principal()).isEqualTo(principal);
            assertThat(request.forwardedHost()).isEqualTo("api.twilio.com");
        });
    }

    @Test
    void theStatusAndHeadersOfTheResponseReachTheSdk() {
        TwilioResponse<Message> response = Message.creator(TO, FROM, "With its headers")
            .createWithResponse(sdk(basic(ACCOUNT_SID, AUTH_TOKEN)));

        assertThat(response.getStatusCode()).isEqualTo(201);
        assertThat(response.getContent().getBody()).isEqualTo("With its headers");
        assertThat(response.getHeaders()).anySatisfy((name, value) -> {
            assertThat(name).isEqualToIgnoringCase("Content-Type");
            assertThat(value).isEqualTo("application/json");
        });
    }

    @Test
    void eachCallOfTheSdkIsObservedAsAnHttpClientRequestWithoutItsSids() {
        ObservationRegistry registry = ObservationRegistry.create();
        List<ClientRequestObservationContext> observed = new CopyOnWriteArrayList<>();
        registry.observationConfig().observationHandler(new ObservationHandler<ClientRequestObservationContext>() {

            @Override
            public boolean supportsContext(Observation.Context context) {
                return context instanceof ClientRequestObservationContext;
            }

            @Override
            public void onStop(ClientRequestObservationContext context) {
                observed.add(context);
            }
        });
        TwilioRestClient sdk = TwilioSdkHttpClient.restClientFor(client(basic(ACCOUNT_SID, AUTH_TOKEN),
                RestClient.builder()
                    .observationRegistry(registry)
                    .observationConvention(new TwilioClientRequestObservationConvention())));

        Message.creator(TO, FROM, "Observed").create(sdk);

        assertThat(observed).singleElement().satisfies((context) -> {
            assertThat(context.getName()).isEqualTo("http.client.requests");
            assertThat(context.getLowCardinalityKeyValues()).extracting(KeyValue::getKey, KeyValue::getValue)
                .contains(tuple("method", "POST"), tuple("status", "201"),
                        tuple("uri", "/2010-04-01/Accounts/{sid}/Messages.json"), tuple("twilio.tenant", "default"));
        });
    }

    @Test
    void theSdkClientsOwnCredentialsAreNeverSent() {
        TwilioClient client = client(basic(ACCOUNT_SID, AUTH_TOKEN));
        TwilioRestClient sdk = new TwilioRestClient.Builder(OTHER_ACCOUNT_SID, OTHER_AUTH_TOKEN)
            .accountSid(ACCOUNT_SID)
            .httpClient(new TwilioSdkHttpClient(client))
            .build();

        Message.creator(TO, FROM, "Whose credentials?").create(sdk);

        assertThat(this.server.requests()).singleElement().satisfies((request) -> {
            assertThat(request.principal()).isEqualTo(ACCOUNT_SID);
            assertThat(request.authorization()).isEqualTo("Basic " + Base64.getEncoder()
                .encodeToString((ACCOUNT_SID + ":" + AUTH_TOKEN).getBytes(StandardCharsets.UTF_8)));
            assertThat(request.userAgent()).startsWith("twilio-auth-spring-boot/").doesNotContain("twilio-java");
        });
    }

    @Test
    void aTwilioErrorReachesTheCallerAsTheSdksApiException() {
        assertThatExceptionOfType(ApiException.class)
            .isThrownBy(() -> Message.fetcher("SM" + "0".repeat(32)).fetch(sdk(basic(ACCOUNT_SID, AUTH_TOKEN))))
            .satisfies((ex) -> {
                assertThat(ex.getStatusCode()).isEqualTo(404);
                assertThat(ex.getCode()).isEqualTo(20404);
                assertThat(ex.getMoreInfo()).isEqualTo("https://www.twilio.com/docs/errors/20404");
            });
    }

    @Test
    void aPostAnswered500IsSentOnceAndRaisesApiException() {
        this.server.failNextApiRequests(1, 500);

        assertThatExceptionOfType(ApiException.class)
            .isThrownBy(() -> Message.creator(TO, FROM, "Sent once").create(sdk(basic(ACCOUNT_SID, AUTH_TOKEN))))
            .satisfies((ex) -> {
                assertThat(ex.getStatusCode()).isEqualTo(500);
                assertThat(ex.getCode()).isEqualTo(20500);
                assertThat(ex.getMoreInfo()).isEqualTo("https://www.twilio.com/docs/errors/20500");
            });
        assertThat(this.server.requests()).extracting(RecordedRequest::method).containsExactly("POST");
        assertThat(this.server.messages()).isEmpty();
    }

    @Test
    void theSdksRetryLoopSendsOnceAndKeepsNoLastRequest() {
        TwilioSdkHttpClient http = new TwilioSdkHttpClient(client(basic(ACCOUNT_SID, AUTH_TOKEN)));
        this.server.failNextApiRequests(3, 500);
        Request request = new Request(HttpMethod.POST, "api", MESSAGES);
        request.addPostParam("To", "+15558675310");
        request.addPostParam("From", "+15005550006");
        request.addPostParam("Body", "Not repeated");

        Response response = http.reliableRequest(request);
        Response again = http.reliableRequest(request, new int[] { com.twilio.http.HttpClient.ANY_500 }, 3, 1);

        assertThat(response.getStatusCode()).isEqualTo(500);
        assertThat(again.getStatusCode()).isEqualTo(500);
        assertThat(this.server.requests()).hasSize(2);
        assertThat(http.getLastRequest()).isNull();
        assertThat(http.getLastResponse()).isNull();
    }

    @Test
    void aGetAnswered503ThenSucceeds() {
        TwilioRestClient sdk = sdk(basic(ACCOUNT_SID, AUTH_TOKEN));
        Message created = Message.creator(TO, FROM, "Fetched after a 503").create(sdk);
        this.server.failNextApiRequests(1, 503);

        Message fetched = Message.fetcher(created.getSid()).fetch(sdk);

        assertThat(fetched.getBody()).isEqualTo("Fetched after a 503");
        assertThat(this.server.requests()).extracting(RecordedRequest::method).containsExactly("POST", "GET", "GET");
    }

    @Test
    void aRejectedTokenIsRenewedOnceAndTheCallSucceeds() {
        TwilioRestClient sdk = sdk(oauth());
        Message.creator(TO, FROM, "With the first token").create(sdk);
        this.server.rejectNextApiRequests(1);

        Message message = Message.creator(TO, FROM, "With a renewed token").create(sdk);

        assertThat(message.getBody()).isEqualTo("With a renewed token");
        assertThat(this.server.tokenRequestCount()).isEqualTo(2);
        assertThat(this.server.requests()).extracting(RecordedRequest::method).containsExactly("POST", "POST", "POST");
        assertThat(this.server.messages()).hasSize(2);
    }

    @Test
    void aTokenExpiredOnTwilioSideIsRenewedOnceAndTheCallSucceeds() {
        TwilioRestClient sdk = sdk(oauth());
        Message.creator(TO, FROM, "Before expiry").create(sdk);
        this.server.clock(Clock.fixed(Instant.now().plus(Duration.ofHours(2)), ZoneOffset.UTC));

        Message message = Message.creator(TO, FROM, "After expiry").create(sdk);

        assertThat(message.getBody()).isEqualTo("After expiry");
        assertThat(this.server.tokenRequestCount()).isEqualTo(2);
        assertThat(this.server.issuedTokens()).doesNotHaveDuplicates();
        assertThat(this.server.requests()).hasSize(3);
    }

    @Test
    void aTokenFailureReachesTheCallerAsTwilioAuthenticationException() {
        this.server.failNextTokenRequests(1, 401);

        assertThatExceptionOfType(TwilioAuthenticationException.class)
            .isThrownBy(() -> Message.creator(TO, FROM, "No token").create(sdk(oauth())));
        assertThat(this.server.requests()).isEmpty();
    }
}
