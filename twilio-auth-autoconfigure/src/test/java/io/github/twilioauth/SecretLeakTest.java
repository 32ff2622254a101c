package io.github.twilioauth;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.twilioauth.autoconfigure.ProviderConfig;
import io.github.twilioauth.autoconfigure.TwilioProperties;
import io.github.twilioauth.client.Message;
import io.github.twilioauth.client.TwilioClient;
import io.github.twilioauth.client.TwilioEndpoints;
import io.github.twilioauth.credential.BasicCredentialProviderBuilder;
import io.github.twilioauth.credential.ClientCredentialProviderBuilder;
import io.github.twilioauth.credential.CredentialProvider;
import io.github.twilioauth.credential.NoAuthCredentialProvider;
import io.github.twilioauth.credential.OrgsCredentialProviderBuilder;
import io.github.twilioauth.http.TwilioAuthInterceptor;
import io.github.twilioauth.http.TwilioRetryInterceptor;
import io.github.twilioauth.strategy.RequestConfig;
import io.github.twilioauth.test.MockTwilioExtension;
import io.github.twilioauth.test.MockTwilioServer;
import io.github.twilioauth.testsupport.Jwts;
import io.github.twilioauth.testsupport.LeakEvidence;
import io.github.twilioauth.testsupport.Retries;
import io.github.twilioauth.testsupport.ThrowablesText;
import io.github.twilioauth.testsupport.TraceLogRecorder;
import io.github.twilioauth.testsupport.TwilioAutoConfigurations;
import io.github.twilioauth.token.ApiTokenManager;
import io.github.twilioauth.token.OrgsTokenManager;
import io.github.twilioauth.token.TokenManager;
import io.github.twilioauth.token.TokenManagerOptions;
import io.github.twilioauth.token.TokenManagerSettings;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Full flows of every auth type, succeeding and failing every way the other suites make them
 * fail, with every logger at TRACE: nothing logged, printed, thrown (message and whole stack
 * trace, causes included) or returned by {@code toString()} contains a client secret, auth
 * token, API secret, access token or Basic credential string.
 * <p>
 * Every secret of this test contains {@link #MARK}, so that a partial leak is caught too; the
 * Basic credential strings and the access tokens the stand-in issues are searched for as well.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretLeakTest {

    static final String MARK = "XLEAKX";

    static final String ACCOUNT_SID = "AC" + "f".repeat(32);

    static final String AUTH_TOKEN = MARK + "-auth-token-f1";

    static final String API_KEY = "SK" + "f".repeat(32);

    static final String API_SECRET = MARK + "-api-secret-f2";

    static final String CLIENT_ID = "OQ" + "f".repeat(32);

    static final String CLIENT_SECRET = MARK + "-client-secret-f3";

    static final String ORG_SID = "OR" + "f".repeat(32);

    static final String ORG_CLIENT_ID = "OQ" + "9".repeat(32);

    static final String ORG_SECRET = MARK + "-org-secret-f4";

    static final String WRONG_SECRET = MARK + "-wrong-secret-f5";

    static final String SCRIPTED_TOKEN = MARK + "-scripted-access-token-f6";

    static final String TO = "+15558675310";

    static final String FROM = "+15005550006";

    @RegisterExtension
    static final MockTwilioExtension twilio = new MockTwilioExtension();

    private static TraceLogRecorder logs;

    private final LeakEvidence evidence = new LeakEvidence();

    private MockTwilioServer server;

    @BeforeAll
    static void logEverything() {
        logs = new TraceLogRecorder().start();
    }

    @AfterAll
    static void restoreLogging() {
        logs.stop();
    }

    @BeforeEach
    void register() {
        this.server = twilio.server()
            .account(ACCOUNT_SID, AUTH_TOKEN)
            .apiKey(API_KEY, API_SECRET, ACCOUNT_SID)
            .oauthApp(CLIENT_ID, CLIENT_SECRET, ACCOUNT_SID)
            .organization(ORG_SID, ORG_CLIENT_ID, ORG_SECRET, ACCOUNT_SID);
        logs.drain();
    }

    @Test
    void basicAuthWithAuthTokenLeaksNothing(CapturedOutput output) {
        sendFetchAndList(client(basic(ACCOUNT_SID, AUTH_TOKEN)));
        this.evidence.failureOf(() -> client(basic(ACCOUNT_SID, WRONG_SECRET)).messages().create(TO, FROM,
                "wrong auth token"));

        assertNothingLeaked(output);
    }

    @Test
    void basicAuthWithApiKeyLeaksNothing(CapturedOutput output) {
        sendFetchAndList(client(basic(API_KEY, API_SECRET)));
        this.evidence.failureOf(() -> client(basic(API_KEY, WRONG_SECRET)).messages().create(TO, FROM,
                "wrong API secret"));

        assertNothingLeaked(output);
    }

    @Test
    void clientCredentialsLeakNothing(CapturedOutput output) {
        sendFetchAndList(client(oauth(tokens(CLIENT_SECRET, UnaryOperator.identity()))));
        this.evidence.failureOf(() -> client(oauth(tokens(WRONG_SECRET, UnaryOperator.identity()))).messages()
            .create(TO, FROM, "wrong client secret"));

        assertNothingLeaked(output);
    }

    @Test
    void organizationsLeakNothing(CapturedOutput output) {
        String accounts = "https://preview-iam.twilio.com/Organizations/" + ORG_SID + "/Accounts";
        client(orgs(ORG_SECRET)).request(HttpMethod.GET, accounts);
        this.evidence.failureOf(() -> client(orgs(WRONG_SECRET)).request(HttpMethod.GET, accounts));

        assertNothingLeaked(output);
    }

    @Test
    void noAuthLeaksNothing(CapturedOutput output) {
        this.evidence.failureOf(() -> client(new NoAuthCredentialProvider()).messages().create(TO, FROM,
                "no credentials"));

        assertNothingLeaked(output);
    }

    @Test
    void tokenEndpointErrorStatusesLeakNothing(CapturedOutput output) {
        this.server.failNextTokenRequests(2, 500);
        this.evidence.failureOf(() -> client(oauth(tokens(CLIENT_SECRET,
                (settings) -> settings.retry(Retries.attempts(2))))).messages()
            .create(TO, FROM, "token endpoint 500"));
        this.server.failNextTokenRequests(2, 429);
        this.evidence.failureOf(() -> client(oauth(tokens(CLIENT_SECRET,
                (settings) -> settings.retry(Retries.attempts(2))))).messages()
            .create(TO, FROM, "token endpoint 429"));
        this.server.failNextTokenRequestsWithRetryAfter(1, Duration.ofMinutes(5));
        this.evidence.failureOf(() -> client(oauth(tokens(CLIENT_SECRET, UnaryOperator.identity()))).messages()
            .create(TO, FROM, "token endpoint 429 with a long Retry-After"));
        this.server.failNextTokenRequests(1, 503);
        sendFetchAndList(client(oauth(tokens(CLIENT_SECRET, (settings) -> settings.retry(Retries.attempts(2))))));

        assertNothingLeaked(output);
    }

    @Test
    void badTokenBodiesLeakNothing(CapturedOutput output) {
        List<String> bodies = List.of("access_token=" + SCRIPTED_TOKEN + "-form&expires_in=3600",
                "<html><body>" + SCRIPTED_TOKEN + "-html</body></html>", "",
                "{\"token_type\":\"Bearer\",\"expires_in\":3600,\"refresh_token\":\"" + SCRIPTED_TOKEN + "-refresh\"}",
                "{\"access_token\":\"" + SCRIPTED_TOKEN + "-mac\",\"token_type\":\"mac\",\"expires_in\":3600}",
                Jwts.tokenBody(SCRIPTED_TOKEN + "-zero", "0"), Jwts.tokenBody(SCRIPTED_TOKEN + "-negative", "-1"),
                Jwts.tokenBody(SCRIPTED_TOKEN + "-abc", "\"abc\""),
                "{\"access_token\":\"" + SCRIPTED_TOKEN + "-no-expiry\",\"token_type\":\"Bearer\"}",
                "{\"access_token\":\"" + SCRIPTED_TOKEN + "-unclosed",
                Jwts.tokenBody(SCRIPTED_TOKEN + "-huge-" + "x".repeat(70 * 1024), "3600"));
        for (String body : bodies) {
            this.server.respondToNextTokenRequest(200, "application/json", body.isEmpty() ? null : body);
            this.evidence.failureOf(() -> client(oauth(tokens(CLIENT_SECRET,
                    (settings) -> settings.retry(Retries.attempts(1))))).messages()
                .create(TO, FROM, "bad token body"));
            this.server.reset();
        }

        assertNothingLeaked(output);
    }

    @Test
    void unreachableAndSilentTokenEndpointsLeakNothing(CapturedOutput output) {
        String closed = MockTwilioServer.closedPortUrl() + "/v2/token";
        this.evidence.failureOf(() -> client(oauth(tokens(CLIENT_SECRET, closed,
                (settings) -> settings.retry(Retries.attempts(2)))))
            .messages()
            .create(TO, FROM, "connection refused"));
        this.server.hangNextTokenRequests(3);
        this.evidence.failureOf(() -> client(oauth(tokens(CLIENT_SECRET,
                (settings) -> settings.retry(Retries.attempts(3)).readTimeout(Duration.ofMillis(300)))))
            .messages()
            .create(TO, FROM, "read timeout"));

        assertNothingLeaked(output);
    }

    @Test
    void unauthorizedRetriesLeakNothing(CapturedOutput output) {
        TwilioClient client = client(oauth(tokens(CLIENT_SECRET, UnaryOperator.identity())));
        client.messages().create(TO, FROM, "before revocation");
        this.server.rejectNextApiRequests(1);
        client.messages().create(TO, FROM, "retried once after a 401");
        this.server.rejectNextApiRequests(2);
        this.evidence.failureOf(() -> client.messages().create(TO, FROM, "401 again after the retry"));

        assertNothingLeaked(output);
    }

    @Test
    void apiErrorsLeakNothing(CapturedOutput output) {
        TwilioClient client = client(basic(API_KEY, API_SECRET));
        this.server.failNextApiRequests(3, 500);
        this.evidence.failureOf(() -> client.messages().list().findFirst());
        this.server.failNextApiRequestsWithRetryAfter(3, Duration.ZERO);
        this.evidence.failureOf(() -> client.messages().create(TO, FROM, "429"));
        this.evidence.failureOf(() -> client.messages().fetch("SM" + "0".repeat(32)));

        TwilioClient authTokenClient = client(basic(ACCOUNT_SID, AUTH_TOKEN));
        String json = "application/json";
        List<String[]> oddAnswers = List.of(
                new String[] { "400", json, "{\"code\":21211,\"message\":\"Invalid 'To'\","
                        + "\"more_info\":\"https://www.twilio.com/docs/errors/21211\",\"status\":400}" },
                new String[] { "400", "application/problem+json",
                        "{\"type\":\"https://www.twilio.com/docs/errors/20001\",\"title\":\"Invalid\","
                                + "\"status\":400,\"code\":20001,\"detail\":\"Bad\"}" },
                new String[] { "502", "text/html", "<html><body>Bad gateway</body></html>" },
                new String[] { "500", null, null },
                new String[] { "201", "text/html", "<html><body>Created</body></html>" });
        for (String[] answer : oddAnswers) {
            this.server.respondToNextApiRequest(Integer.parseInt(answer[0]), Map.of(), answer[1], answer[2]);
            this.evidence.failureOf(() -> authTokenClient.messages().create(TO, FROM, "odd answer"));
        }
        this.server.respondToNextTokenRequest(200, json, Jwts.tokenBody(SCRIPTED_TOKEN + "-1", "3600"));
        this.server.respondToNextTokenRequest(200, json, Jwts.tokenBody(SCRIPTED_TOKEN + "-2", "3600"));
        this.server.rejectNextApiRequests(2);
        TwilioClient bearerClient = client(oauth(tokens(CLIENT_SECRET, UnaryOperator.identity())));
        this.evidence.failureOf(() -> bearerClient.messages().create(TO, FROM, "401 after a refresh"));

        assertNothingLeaked(output);
    }

    /**
     * Runs on the JDK's HTTP client: Apache HttpClient's own wire logs
     * ({@code org.apache.hc.client5.http.wire} and {@code .headers} at DEBUG) print every header
     * and body byte by design, as the README says.
     */
    @Test
    void autoConfiguredClientsLeakNothing(CapturedOutput output) {
        ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(TwilioAutoConfigurations.client())
            .withBean(ClientHttpRequestFactoryBuilder.class, ClientHttpRequestFactoryBuilder::jdk)
            .withPropertyValues("twilio.base-url=" + this.server.baseUrl(), "twilio.account-sid=" + ACCOUNT_SID);
        runner.withPropertyValues("twilio.auth.client-id=" + CLIENT_ID, "twilio.auth.client-secret=" + CLIENT_SECRET)
            .run((context) -> sendFetchAndList(autoConfigured(context)));
        runner.withPropertyValues("twilio.auth.auth-token=" + AUTH_TOKEN)
            .run((context) -> sendFetchAndList(autoConfigured(context)));
        runner.withPropertyValues("twilio.auth.api-key=" + API_KEY, "twilio.auth.api-secret=" + API_SECRET)
            .run((context) -> sendFetchAndList(autoConfigured(context)));
        runner.withPropertyValues("twilio.auth.client-id=" + CLIENT_ID, "twilio.auth.client-secret=" + WRONG_SECRET)
            .run((context) -> this.evidence.failureOf(() -> autoConfigured(context).messages().create(TO, FROM,
                    "wrong secret")));

        assertNothingLeaked(output);
    }

    @Test
    void misconfigurationReportsLeakNothing(CapturedOutput output) {
        ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(TwilioAutoConfigurations.client());
        List<String[]> misconfigurations = List.of(
                new String[] { "twilio.auth.api-key=" + API_KEY, "twilio.auth.api-secret=" + API_SECRET },
                new String[] { "twilio.auth.client-id=" + CLIENT_ID, "twilio.auth.auth-token=" + AUTH_TOKEN,
                        "twilio.auth.client-secret=" + CLIENT_SECRET },
                new String[] { "twilio.auth.type=orgs", "twilio.auth.client-secret=" + ORG_SECRET },
                new String[] { "twilio.account-sid=" + AUTH_TOKEN, "twilio.auth.auth-token=" + AUTH_TOKEN });
        for (String[] properties : misconfigurations) {
            runner.withPropertyValues(properties).run((context) -> {
                assertThat(context).hasFailed();
                this.evidence.add("startup failure " + properties[0],
                        ThrowablesText.of(context.getStartupFailure()));
            });
        }

        assertNothingLeaked(output);
    }

    @Test
    void toStringOfEveryConfigurationObjectLeaksNothing(CapturedOutput output) {
        TwilioProperties properties = new TwilioProperties();
        properties.setAccountSid(ACCOUNT_SID);
        ProviderConfig auth = properties.getAuth();
        auth.setClientId(CLIENT_ID);
        auth.setClientSecret(CLIENT_SECRET);
        auth.setAuthToken(AUTH_TOKEN);
        auth.setApiKey(API_KEY);
        auth.setApiSecret(API_SECRET);
        ApiTokenManager tokens = tokens(CLIENT_SECRET, UnaryOperator.identity());
        CredentialProvider oauth = oauth(tokens);
        client(oauth).messages().create(TO, FROM, "a token is cached");
        CredentialProvider basic = basic(ACCOUNT_SID, AUTH_TOKEN);
        this.evidence.describe(properties, auth, tokens, tokens.getOptions(), oauth, oauth.toAuthStrategy(), basic,
                basic.toAuthStrategy(), new TwilioAuthInterceptor(oauth), new TwilioAuthInterceptor(basic),
                basic.toAuthStrategy().apply(RequestConfig.of("POST", "https://api.twilio.com/x")),
                oauth.toAuthStrategy().apply(RequestConfig.of("POST", "https://api.twilio.com/x")),
                RequestConfig.of("GET", "https://api.twilio.com/x").withHeader("Authorization",
                        "Bearer " + SCRIPTED_TOKEN),
                TokenManagerOptions.builder().clientId(ORG_CLIENT_ID).clientSecret(ORG_SECRET).build());

        assertNothingLeaked(output);
    }

    private static CredentialProvider basic(String username, String password) {
        return new BasicCredentialProviderBuilder().setUsername(username).setPassword(password).build();
    }

    private static CredentialProvider oauth(TokenManager tokens) {
        return new ClientCredentialProviderBuilder().setTokenManager(tokens).build();
    }

    private CredentialProvider orgs(String secret) {
        OrgsTokenManager tokens = new OrgsTokenManager(TokenManagerOptions.builder()
            .clientId(ORG_CLIENT_ID)
            .clientSecret(secret)
            .tokenUrl(this.server.tokenUrl())
            .build());
        this.evidence.describe(tokens, tokens.getOptions());
        return new OrgsCredentialProviderBuilder().setClientId(ORG_CLIENT_ID)
            .setClientSecret(secret)
            .setTokenManager(tokens)
            .build();
    }

    private ApiTokenManager tokens(String secret, UnaryOperator<TokenManagerSettings.Builder> customizer) {
        return tokens(secret, this.server.tokenUrl(), customizer);
    }

    private ApiTokenManager tokens(String secret, String tokenUrl,
            UnaryOperator<TokenManagerSettings.Builder> customizer) {
        ApiTokenManager tokens = new ApiTokenManager(
                TokenManagerOptions.builder().clientId(CLIENT_ID).clientSecret(secret).tokenUrl(tokenUrl).build(),
                customizer.apply(TokenManagerSettings.builder().retry(Retries.attempts(3))).build());
        this.evidence.describe(tokens, tokens.getOptions());
        return tokens;
    }

    private TwilioClient client(CredentialProvider credentials) {
        RestClient.Builder restClient = RestClient.builder().requestFactory(new JdkClientHttpRequestFactory());
        TwilioClient client = TwilioClient.create(restClient, credentials,
                new TwilioEndpoints(this.server.baseUrl(), null, null), ACCOUNT_SID);
        this.evidence.describe(credentials, credentials.toAuthStrategy(), client);
        return client;
    }

    private TwilioClient autoConfigured(AssertableApplicationContext context) {
        assertThat(context).hasNotFailed();
        TwilioClient client = context.getBean(TwilioClient.class);
        this.evidence.describe(context.getBean(TwilioProperties.class), context.getBean(CredentialProvider.class),
                context.getBean(CredentialProvider.class).toAuthStrategy(),
                context.getBean(TwilioAuthInterceptor.class), context.getBean(TwilioRetryInterceptor.class), client);
        context.getBeanProvider(TokenManager.class).ifAvailable(this.evidence::describe);
        return client;
    }

    private void sendFetchAndList(TwilioClient client) {
        Message message = client.messages().create(TO, FROM, "leak test");
        client.messages().fetch(message.sid());
        assertThat(client.messages().list().findFirst()).isPresent();
        this.evidence.describe(client);
    }

    /**
     * Searches everything logged, printed, thrown and described for every secret.
     */
    private void assertNothingLeaked(CapturedOutput output) {
        List<String> logged = logs.drain();
        assertThat(logged).as("log events recorded at TRACE").isNotEmpty();
        assertThat(this.evidence.findings(secrets(), logged, output.getAll())).isEmpty();
    }

    /** Every secret of the flows, keyed by its value, with a name to report it by. */
    private Map<String, String> secrets() {
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put(MARK, "a secret marked " + MARK);
        for (String password : List.of(AUTH_TOKEN, WRONG_SECRET)) {
            secrets.put(base64(ACCOUNT_SID + ":" + password), "Basic credentials of " + ACCOUNT_SID);
        }
        for (String password : List.of(API_SECRET, WRONG_SECRET)) {
            secrets.put(base64(API_KEY + ":" + password), "Basic credentials of " + API_KEY);
        }
        for (String token : this.server.issuedTokens()) {
            secrets.put(token, "an access token");
            secrets.put(token.split("\\.")[2], "the signature of an access token");
        }
        return secrets;
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
