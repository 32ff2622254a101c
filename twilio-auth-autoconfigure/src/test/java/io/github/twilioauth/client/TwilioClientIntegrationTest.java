package io.github.twilioauth.client;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.twilioauth.TwilioApiException;
import io.github.twilioauth.credential.BasicCredentialProviderBuilder;
import io.github.twilioauth.credential.ClientCredentialProviderBuilder;
import io.github.twilioauth.credential.CredentialProvider;
import io.github.twilioauth.credential.NoAuthCredentialProvider;
import io.github.twilioauth.credential.OrgsCredentialProviderBuilder;
import io.github.twilioauth.test.MockTwilioExtension;
import io.github.twilioauth.test.MockTwilioServer;
import io.github.twilioauth.test.OffSpecRequests;
import io.github.twilioauth.test.RecordedRequest;
import io.github.twilioauth.token.ApiTokenManager;
import io.github.twilioauth.token.OrgsTokenManager;
import io.github.twilioauth.token.TokenManagerOptions;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@link TwilioClient} against the local Twilio stand-in over real HTTP, for each auth type.
 */
class TwilioClientIntegrationTest {

    static final String ACCOUNT_SID = "AC" + "1".repeat(32);

    static final String AUTH_TOKEN = "auth-token-value-0001";

    static final String API_KEY = "SK" + "2".repeat(32);

    static final String API_SECRET = "api-secret-value-0002";

    static final String CLIENT_ID = "OQ" + "3".repeat(32);

    static final String CLIENT_SECRET = "client-secret-value-0003";

    static final String ORG_SID = "OR" + "4".repeat(32);

    static final String FROM = "+15005550006";

    static final String TO = "+15558675310";

    @RegisterExtension
    static final MockTwilioExtension twilio = new MockTwilioExtension();

    private MockTwilioServer server;

    @BeforeEach
    void register() {
        this.server = twilio.server();
        this.server.account(ACCOUNT_SID, AUTH_TOKEN)
            .apiKey(API_KEY, API_SECRET, ACCOUNT_SID)
            .oauthApp(CLIENT_ID, CLIENT_SECRET, ACCOUNT_SID)
            .organization(ORG_SID, "org-client", "org-secret-value", ACCOUNT_SID)
            .tokenLifetime(Duration.ofHours(1));
    }

    private TwilioClient client(CredentialProvider provider) {
        return TwilioClient.create(RestClient.builder().requestFactory(new JdkClientHttpRequestFactory()), provider,
                new TwilioEndpoints(this.server.baseUrl(), null, null), ACCOUNT_SID);
    }

    private CredentialProvider oauth() {
        return new ClientCredentialProviderBuilder().setTokenManager(new ApiTokenManager(TokenManagerOptions.builder()
            .clientId(CLIENT_ID)
            .clientSecret(CLIENT_SECRET)
            .tokenUrl(this.server.tokenUrl())
            .build())).build();
    }

    private static String basic(String username, String password) {
        return Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void basicAuthWithAuthTokenSendsAccountSidAndToken() {
        TwilioClient client = client(
                new BasicCredentialProviderBuilder().setUsername(ACCOUNT_SID).setPassword(AUTH_TOKEN).build());
        client.messages().create(TO, FROM, "hello");
        assertThat(this.server.requests()).singleElement().satisfies((request) -> {
            assertThat(request.authScheme()).isEqualTo("Basic");
            assertThat(request.principal()).isEqualTo(ACCOUNT_SID);
        });
    }

    @Test
    void basicAuthWithApiKeySendsKeyAndSecret() {
        List<String> headers = new ArrayList<>();
        TwilioClient client = TwilioClient.create(
                RestClient.builder()
                    .requestFactory(new JdkClientHttpRequestFactory())
                    .requestInterceptor((request, body, execution) -> {
                        var response = execution.execute(request, body);
                        headers.add(request.getHeaders().getFirst("Authorization"));
                        return response;
                    }), new BasicCredentialProviderBuilder().setUsername(API_KEY).setPassword(API_SECRET).build(),
                new TwilioEndpoints(this.server.baseUrl(), null, null), ACCOUNT_SID);
        client.messages().create(TO, FROM, "hello");
        assertThat(this.server.requests()).singleElement()
            .satisfies((request) -> assertThat(request.principal()).isEqualTo(API_KEY));
        assertThat(headers).containsExactly("Basic " + basic(API_KEY, API_SECRET));
    }

    @Test
    void clientCredentialsSendsBearerTokenOfTheApp() {
        client(oauth()).messages().create(TO, FROM, "hello");
        assertThat(this.server.requests()).singleElement().satisfies((request) -> {
            assertThat(request.authScheme()).isEqualTo("Bearer");
            assertThat(request.principal()).isEqualTo(ACCOUNT_SID);
        });
    }

    @Test
    void orgsSendsOrganizationBearerTokenToTheOrganizationsApi() {
        CredentialProvider orgs = new OrgsCredentialProviderBuilder()
            .setTokenManager(new OrgsTokenManager(TokenManagerOptions.builder()
                .clientId("org-client")
                .clientSecret("org-secret-value")
                .tokenUrl(this.server.tokenUrl())
                .build()))
            .build();
        TwilioResponse response = client(orgs).request(HttpMethod.GET,
                "https://preview-iam.twilio.com/Organizations/" + ORG_SID + "/Accounts");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains(ACCOUNT_SID);
        assertThat(this.server.requests()).singleElement().satisfies((request) -> {
            assertThat(request.path()).isEqualTo("/Organizations/" + ORG_SID + "/Accounts");
            assertThat(request.authScheme()).isEqualTo("Bearer");
            assertThat(request.principal()).isEqualTo(ORG_SID);
        });
    }

    @Test
    void noAuthSendsNoAuthorizationHeader() {
        TwilioClient client = client(new NoAuthCredentialProvider());
        assertThatExceptionOfType(TwilioApiException.class).isThrownBy(() -> client.messages().create(TO, FROM, "hi"))
            .satisfies((ex) -> {
                assertThat(ex.statusCode()).isEqualTo(401);
                assertThat(ex.code()).isEqualTo(20003);
            });
        assertThat(this.server.requests()).singleElement()
            .satisfies((request) -> assertThat(request.authScheme()).isNull());
    }

    @Test
    void createsAMessageAndParsesTheResponse() {
        Message message = client(oauth()).messages()
            .create(MessageCreateRequest.builder()
                .to(TO)
                .from(FROM)
                .body("Hello from Spring")
                .mediaUrl("https://example.com/a.png")
                .mediaUrl("https://example.com/b.png")
                .statusCallback("https://example.com/status")
                .build());
        assertThat(message.sid()).matches("SM[0-9a-f]{32}");
        assertThat(message.accountSid()).isEqualTo(ACCOUNT_SID);
        assertThat(message.to()).isEqualTo(TO);
        assertThat(message.from()).isEqualTo(FROM);
        assertThat(message.body()).isEqualTo("Hello from Spring");
        assertThat(message.status()).isEqualTo("queued");
        assertThat(message.numSegments()).isEqualTo(1);
        assertThat(message.numMedia()).isEqualTo(2);
        assertThat(message.dateCreated()).isBefore(OffsetDateTime.now().plusMinutes(1));
        assertThat(message.dateSent()).isEqualTo(message.dateCreated());
        assertThat(message.price()).isNull();
        assertThat(message.priceUnit()).isEqualTo("USD");
        assertThat(message.errorCode()).isNull();
        assertThat(this.server.messages()).singleElement().satisfies((sent) -> {
            assertThat(sent.mediaUrls()).containsExactly("https://example.com/a.png", "https://example.com/b.png");
            assertThat(sent.statusCallback()).isEqualTo("https://example.com/status");
        });
        assertThat(this.server.requests()).singleElement().satisfies((request) -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json");
            assertThat(request.form()).containsEntry("To", List.of(TO)).containsEntry("Body", List.of("Hello from Spring"));
        });
    }

    @Test
    void fetchesAMessage() {
        Messages messages = client(oauth()).messages();
        Message created = messages.create(TO, FROM, "fetch me");
        Message fetched = messages.fetch(created.sid());
        assertThat(fetched.sid()).isEqualTo(created.sid());
        assertThat(fetched.body()).isEqualTo("fetch me");
        assertThat(fetched.dateCreated()).isEqualTo(created.dateCreated());
    }

    @Test
    void listFollowsNextPageUriAcrossPages() {
        Messages messages = client(oauth()).messages();
        for (int i = 0; i < 3; i++) {
            messages.create(TO, FROM, "message " + i);
        }
        List<String> bodies = messages.list(2).map(Message::body).toList();
        assertThat(bodies).containsExactlyInAnyOrder("message 0", "message 1", "message 2");
        assertThat(this.server.requests().subList(3, this.server.requests().size()))
            .extracting(RecordedRequest::method, RecordedRequest::path)
            .containsOnly(tuple("GET", "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json"))
            .hasSize(2);
    }

    @Test
    void listFetchesPagesOnlyWhenReached() {
        Messages messages = client(oauth()).messages();
        for (int i = 0; i < 3; i++) {
            messages.create(TO, FROM, "message " + i);
        }
        assertThat(messages.list(2).findFirst()).isPresent();
        assertThat(this.server.requests()).hasSize(4);
    }

    @Test
    void reusesOneTokenAcrossRequests() {
        Messages messages = client(oauth()).messages();
        for (int i = 0; i < 5; i++) {
            messages.create(TO, FROM, "message " + i);
        }
        assertThat(this.server.tokenRequestCount()).isEqualTo(1);
        assertThat(this.server.requests()).hasSize(5);
    }

    @Test
    void concurrentFirstRequestsShareOneTokenRequest() throws Exception {
        Messages messages = client(oauth()).messages();
        this.server.tokenLatency(Duration.ofMillis(50));
        ExecutorService threads = Executors.newFixedThreadPool(32);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Message>> sent = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                sent.add(threads.submit(() -> {
                    start.await();
                    return messages.create(TO, FROM, "burst");
                }));
            }
            start.countDown();
            for (Future<Message> message : sent) {
                assertThat(message.get(20, TimeUnit.SECONDS).sid()).startsWith("SM");
            }
        }
        finally {
            threads.shutdownNow();
        }
        assertThat(this.server.tokenRequestCount()).isEqualTo(1);
        assertThat(this.server.messages()).hasSize(32);
    }

    @Test
    void unauthorizedResponseFetchesANewTokenAndRetriesOnce() {
        Messages messages = client(oauth()).messages();
        messages.create(TO, FROM, "warm up");
        this.server.reset();
        this.server.rejectNextApiRequests(1);
        Message message = messages.create(TO, FROM, "after revocation");
        assertThat(message.body()).isEqualTo("after revocation");
        assertThat(this.server.tokenRequestCount()).isEqualTo(1);
        assertThat(this.server.requests()).hasSize(2);
        assertThat(this.server.messages()).hasSize(1);
    }

    @Test
    void unauthorizedAgainAfterTheRetryFailsWithoutLooping() {
        Messages messages = client(oauth()).messages();
        this.server.rejectNextApiRequests(5);
        assertThatExceptionOfType(TwilioApiException.class).isThrownBy(() -> messages.create(TO, FROM, "x"))
            .satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(401));
        assertThat(this.server.requests()).hasSize(2);
        assertThat(this.server.tokenRequestCount()).isEqualTo(2);
    }

    @Test
    void unauthorizedWithBasicAuthIsNotRetried() {
        TwilioClient client = client(
                new BasicCredentialProviderBuilder().setUsername(ACCOUNT_SID).setPassword("wrong-token").build());
        assertThatExceptionOfType(TwilioApiException.class).isThrownBy(() -> client.messages().create(TO, FROM, "x"));
        assertThat(this.server.requests()).hasSize(1);
    }

    @Test
    void twilioErrorJsonBecomesTwilioApiException() {
        TwilioClient client = client(oauth());
        // The token is requested here, outside the stretch of the deliberate request.
        client.request(HttpMethod.GET, "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json");
        try (OffSpecRequests withoutTo = this.server.offSpec("a message without To, to see Twilio's error 21604")) {
            assertThatExceptionOfType(TwilioApiException.class)
                .isThrownBy(() -> client.request(HttpMethod.POST,
                        "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json",
                        Map.of("From", FROM, "Body", "no recipient")))
                .satisfies((ex) -> {
                    assertThat(ex.statusCode()).isEqualTo(400);
                    assertThat(ex.code()).isEqualTo(21604);
                    assertThat(ex.moreInfo()).isEqualTo("https://www.twilio.com/docs/errors/21604");
                    assertThat(ex.getMessage()).contains("HTTP 400", "21604");
                });
        }
    }

    @Test
    void noResponseIsATwilioApiExceptionWithStatusZero() {
        TwilioClient client = TwilioClient.create(
                RestClient.builder().requestFactory(new JdkClientHttpRequestFactory()), new NoAuthCredentialProvider(),
                new TwilioEndpoints(MockTwilioServer.closedPortUrl(), null, null), ACCOUNT_SID);
        assertThatExceptionOfType(TwilioApiException.class).isThrownBy(() -> client.messages().list().findFirst())
            .satisfies((ex) -> {
                assertThat(ex.statusCode()).isZero();
                assertThat(ex.getMessage()).contains("got no response", "/Messages.json");
            });
    }

    @Test
    void fetchingAnUnknownMessageIsANotFoundApiException() {
        Messages messages = client(oauth()).messages();
        assertThatExceptionOfType(TwilioApiException.class).isThrownBy(() -> messages.fetch("SM" + "0".repeat(32)))
            .satisfies((ex) -> {
                assertThat(ex.statusCode()).isEqualTo(404);
                assertThat(ex.code()).isEqualTo(20404);
            });
    }

    @Test
    void setCredentialProviderSwapsTheCredentialsOfLaterRequests() {
        TwilioClient client = client(new NoAuthCredentialProvider());
        client.setCredentialProvider(
                new BasicCredentialProviderBuilder().setUsername(ACCOUNT_SID).setPassword(AUTH_TOKEN).build());
        client.messages().create(TO, FROM, "swapped");
        assertThat(this.server.requests()).singleElement()
            .satisfies((request) -> assertThat(request.authScheme()).isEqualTo("Basic"));
    }

    @Test
    void withCredentialProviderLeavesTheOriginalClientUnchanged() {
        TwilioClient original = client(new NoAuthCredentialProvider());
        TwilioClient basic = original.withCredentialProvider(
                new BasicCredentialProviderBuilder().setUsername(ACCOUNT_SID).setPassword(AUTH_TOKEN).build());
        basic.messages().create(TO, FROM, "with basic");
        assertThatExceptionOfType(TwilioApiException.class)
            .isThrownBy(() -> original.messages().create(TO, FROM, "without"));
        assertThat(this.server.requests()).extracting(RecordedRequest::authScheme).containsExactly("Basic", null);
        assertThat(basic.getAccountSid()).isEqualTo(ACCOUNT_SID);
    }
}
