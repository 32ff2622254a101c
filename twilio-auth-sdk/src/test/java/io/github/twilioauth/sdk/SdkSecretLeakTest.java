package io.github.twilioauth.sdk;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.twilio.Twilio;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.previewiam.organizations.Account;
import com.twilio.type.PhoneNumber;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.twilioauth.autoconfigure.TwilioAutoConfiguration;
import io.github.twilioauth.sdk.autoconfigure.TwilioSdkAutoConfiguration;
import io.github.twilioauth.test.MockTwilioExtension;
import io.github.twilioauth.test.MockTwilioServer;
import io.github.twilioauth.testsupport.LeakEvidence;
import io.github.twilioauth.testsupport.TraceLogRecorder;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SDK calls of every auth type, succeeding and failing, with every logger at TRACE (twilio-java's
 * included): nothing logged, printed, thrown (whole stack traces) or returned by
 * {@code toString()} contains an auth token, API secret, client secret, access token or Basic
 * credential string. Each secret contains {@link #MARK}.
 * <p>
 * Runs on the JDK's HTTP client: Apache HttpClient's own wire logs print every header by design,
 * as the README says.
 */
@ExtendWith(OutputCaptureExtension.class)
class SdkSecretLeakTest {

    static final String MARK = "XLEAKX";

    static final String ACCOUNT_SID = "AC" + "a".repeat(32);

    static final String AUTH_TOKEN = MARK + "-auth-token-s1";

    static final String API_KEY = "SK" + "a".repeat(32);

    static final String API_SECRET = MARK + "-api-secret-s2";

    static final String CLIENT_ID = "OQ" + "a".repeat(32);

    static final String CLIENT_SECRET = MARK + "-client-secret-s3";

    static final String ORG_SID = "OR" + "a".repeat(32);

    static final String ORG_CLIENT_ID = "OQ" + "b".repeat(32);

    static final String ORG_SECRET = MARK + "-org-secret-s4";

    static final String WRONG_SECRET = MARK + "-wrong-secret-s5";

    static final PhoneNumber TO = new PhoneNumber("+15558675310");

    static final PhoneNumber FROM = new PhoneNumber("+15005550006");

    @RegisterExtension
    static final MockTwilioExtension twilio = new MockTwilioExtension();

    private static TraceLogRecorder logs;

    private final LeakEvidence evidence = new LeakEvidence();

    private MockTwilioServer server;

    private ApplicationContextRunner runner;

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
        this.runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(RestClientAutoConfiguration.class, TwilioAutoConfiguration.class,
                    TwilioSdkAutoConfiguration.class))
            .withBean(ClientHttpRequestFactoryBuilder.class, ClientHttpRequestFactoryBuilder::jdk)
            .withPropertyValues("twilio.base-url=" + this.server.baseUrl(), "twilio.account-sid=" + ACCOUNT_SID,
                    "twilio.http.retry.delay=1ms", "twilio.sdk.init-static=true");
        logs.drain();
    }

    @AfterEach
    void uninstallStaticClient() {
        Twilio.setRestClient(null);
    }

    @Test
    void basicAuthWithAuthTokenLeaksNothing(CapturedOutput output) {
        this.runner.withPropertyValues("twilio.auth.auth-token=" + AUTH_TOKEN).run(this::sendFetchReadAndFail);
        this.runner.withPropertyValues("twilio.auth.auth-token=" + WRONG_SECRET)
            .run((context) -> this.evidence.failureOf(() -> Message.creator(TO, FROM, "wrong").create(sdk(context))));

        assertNothingLeaked(output);
    }

    @Test
    void basicAuthWithApiKeyLeaksNothing(CapturedOutput output) {
        this.runner.withPropertyValues("twilio.auth.api-key=" + API_KEY, "twilio.auth.api-secret=" + API_SECRET)
            .run(this::sendFetchReadAndFail);
        this.runner.withPropertyValues("twilio.auth.api-key=" + API_KEY, "twilio.auth.api-secret=" + WRONG_SECRET)
            .run((context) -> this.evidence.failureOf(() -> Message.creator(TO, FROM, "wrong").create(sdk(context))));

        assertNothingLeaked(output);
    }

    @Test
    void clientCredentialsLeakNothing(CapturedOutput output) {
        this.runner.withPropertyValues("twilio.auth.client-id=" + CLIENT_ID,
                "twilio.auth.client-secret=" + CLIENT_SECRET)
            .run((context) -> {
                sendFetchReadAndFail(context);
                this.server.rejectNextApiRequests(1);
                Message.creator(TO, FROM, "after a 401").create(sdk(context));
                this.server.rejectNextApiRequests(2);
                this.evidence.failureOf(() -> Message.creator(TO, FROM, "401 twice").create(sdk(context)));
            });
        this.runner.withPropertyValues("twilio.auth.client-id=" + CLIENT_ID,
                "twilio.auth.client-secret=" + WRONG_SECRET)
            .run((context) -> this.evidence.failureOf(() -> Message.creator(TO, FROM, "wrong").create(sdk(context))));

        assertNothingLeaked(output);
    }

    @Test
    void organizationsLeakNothing(CapturedOutput output) {
        this.runner.withPropertyValues("twilio.auth.type=orgs", "twilio.auth.client-id=" + ORG_CLIENT_ID,
                "twilio.auth.client-secret=" + ORG_SECRET).run((context) -> {
                    assertThat(Account.reader(ORG_SID).read(sdk(context))).isNotEmpty();
                    this.evidence.failureOf(() -> Account.fetcher(ORG_SID, "AC" + "0".repeat(32)).fetch(sdk(context)));
                });
        this.runner.withPropertyValues("twilio.auth.type=orgs", "twilio.auth.client-id=" + ORG_CLIENT_ID,
                "twilio.auth.client-secret=" + WRONG_SECRET)
            .run((context) -> this.evidence
                .failureOf(() -> Account.reader(ORG_SID).read(sdk(context)).iterator().next()));

        assertNothingLeaked(output);
    }

    private TwilioRestClient sdk(AssertableApplicationContext context) {
        assertThat(context).hasNotFailed();
        TwilioRestClient sdk = context.getBean(TwilioRestClient.class);
        this.evidence.describe(sdk, sdk.getHttpClient(), sdk.getAuthStrategy(), Twilio.getRestClient());
        return sdk;
    }

    private void sendFetchReadAndFail(AssertableApplicationContext context) {
        Message message = Message.creator(TO, FROM, "leak test").create(sdk(context));
        Message.fetcher(message.getSid()).fetch(sdk(context));
        assertThat(Message.reader().read(sdk(context))).isNotEmpty();
        Message.creator(TO, FROM, "static").create();
        this.evidence.describe(message);
        this.evidence.failureOf(() -> Message.fetcher("SM" + "0".repeat(32)).fetch(sdk(context)));
        this.server.failNextApiRequests(1, 500);
        this.evidence.failureOf(() -> Message.creator(TO, FROM, "500").create(sdk(context)));
    }

    /**
     * Searches everything logged, printed, thrown and described for every secret.
     */
    private void assertNothingLeaked(CapturedOutput output) {
        List<String> logged = logs.drain();
        assertThat(logged).as("log events recorded at TRACE").anyMatch((event) -> event.contains("com.twilio"));
        assertThat(this.evidence.findings(secrets(), logged, output.getAll())).isEmpty();
    }

    /** Every secret of the calls, keyed by its value, with a name to report it by. */
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
