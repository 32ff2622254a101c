package io.github.twilioauth.client;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.twilioauth.TwilioApiException;
import io.github.twilioauth.TwilioException;
import io.github.twilioauth.credential.BasicCredentialProviderBuilder;
import io.github.twilioauth.credential.ClientCredentialProviderBuilder;
import io.github.twilioauth.credential.CredentialProvider;
import io.github.twilioauth.test.MockTwilioExtension;
import io.github.twilioauth.test.MockTwilioServer;
import io.github.twilioauth.test.RecordedRequest;
import io.github.twilioauth.testsupport.Retries;
import io.github.twilioauth.token.ApiTokenManager;
import io.github.twilioauth.token.TokenManagerOptions;
import io.github.twilioauth.token.TokenManagerSettings;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import static io.github.twilioauth.testsupport.Failures.clearFailure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Error answers of Twilio's API, whatever their body, give a {@link TwilioApiException} with
 * the status, Twilio's code where there is one, and a readable message; a 401 is retried once
 * with a renewed token, never more.
 */
class ApiErrorResponsesTest {

    static final String ACCOUNT_SID = "AC" + "a".repeat(32);

    static final String AUTH_TOKEN = "api-errors-auth-token";

    static final String CLIENT_ID = "OQ" + "a".repeat(32);

    static final String CLIENT_SECRET = "api-errors-client-secret";

    static final String JSON = "application/json";

    @RegisterExtension
    static final MockTwilioExtension twilio = new MockTwilioExtension();

    private MockTwilioServer server;

    @BeforeEach
    void registerAccount() {
        this.server = twilio.server()
            .account(ACCOUNT_SID, AUTH_TOKEN)
            .oauthApp(CLIENT_ID, CLIENT_SECRET, ACCOUNT_SID);
    }

    private TwilioClient client(CredentialProvider credentials) {
        return TwilioClient.create(RestClient.builder().requestFactory(new JdkClientHttpRequestFactory()), credentials,
                new TwilioEndpoints(this.server.baseUrl(), null, null), ACCOUNT_SID);
    }

    private TwilioClient basicClient() {
        return client(new BasicCredentialProviderBuilder().setUsername(ACCOUNT_SID).setPassword(AUTH_TOKEN).build());
    }

    /** Answers the next API request with exactly this response, whatever it asked. */
    private void answerNext(int status, String contentType, String body) {
        this.server.respondToNextApiRequest(status, Map.of(), contentType, body);
    }

    /** Sends a message: a POST, which is never retried after a 5xx. */
    private TwilioApiException failureOfCreate(TwilioClient client) {
        return clearFailure(TwilioApiException.class,
                () -> client.messages().create("+15558675310", "+15005550006", "hello"));
    }

    @Test
    void twilioErrorJsonGivesStatusCodeMoreInfoAndMessage() {
        answerNext(400, JSON, "{\"code\":21211,\"message\":\"The 'To' number 5558675310 is "
                + "not a valid phone number.\",\"more_info\":\"https://www.twilio.com/docs/errors/21211\",\"status\":400}");

        TwilioApiException failure = failureOfCreate(basicClient());

        assertThat(failure.statusCode()).isEqualTo(400);
        assertThat(failure.code()).isEqualTo(21211);
        assertThat(failure.moreInfo()).isEqualTo("https://www.twilio.com/docs/errors/21211");
        assertThat(failure.getMessage()).contains("HTTP 400", "21211", "is not a valid phone number");
    }

    @Test
    void problemDetailsGiveStatusCodeAndDetail() {
        answerNext(400, "application/problem+json",
                "{\"type\":\"https://www.twilio.com/docs/errors/20001\",\"title\":\"Invalid parameter\","
                        + "\"status\":400,\"code\":20001,\"detail\":\"PageSize must be between 1 and 1000\"}");

        TwilioApiException failure = failureOfCreate(basicClient());

        assertThat(failure.statusCode()).isEqualTo(400);
        assertThat(failure.code()).isEqualTo(20001);
        assertThat(failure.getMessage()).contains("HTTP 400", "20001", "PageSize must be between 1 and 1000");
    }

    @Test
    void problemDetailsWithoutDetailGiveTheTitle() {
        answerNext(404, "application/problem+json",
                "{\"type\":\"about:blank\",\"title\":\"Resource not found\",\"status\":404}");

        TwilioApiException failure = failureOfCreate(basicClient());

        assertThat(failure.statusCode()).isEqualTo(404);
        assertThat(failure.code()).isNull();
        assertThat(failure.getMessage()).contains("HTTP 404", "Resource not found");
    }

    @Test
    void htmlErrorPageGivesTheStatusAndAReadableMessageWithoutTheHtml() {
        answerNext(502, "text/html",
                "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1>"
                        + "</center><hr><center>nginx</center></body></html>");

        TwilioApiException failure = failureOfCreate(basicClient());

        assertThat(failure.statusCode()).isEqualTo(502);
        assertThat(failure.code()).isNull();
        assertThat(failure.getMessage()).contains("HTTP 502", "not JSON", "text/html").doesNotContain("<", "nginx");
    }

    @Test
    void emptyErrorBodyGivesTheStatus() {
        answerNext(500, null, null);

        TwilioApiException failure = failureOfCreate(basicClient());

        assertThat(failure.statusCode()).isEqualTo(500);
        assertThat(failure.code()).isNull();
        assertThat(failure.getMessage()).contains("HTTP 500", "empty body");
        assertThat(this.server.requests()).hasSize(1);
    }

    @Test
    void errorJsonWithACodeThatIsNotANumberGivesNoCode() {
        answerNext(400, JSON, "{\"code\":\"E-BAD\",\"message\":\"Something odd\"}");

        TwilioApiException failure = failureOfCreate(basicClient());

        assertThat(failure.statusCode()).isEqualTo(400);
        assertThat(failure.code()).isNull();
        assertThat(failure.getMessage()).contains("HTTP 400", "Something odd");
    }

    @Test
    void successWithABodyThatIsNotJsonFailsClearly() {
        answerNext(201, "text/html", "<html><body>Created</body></html>");

        TwilioException failure = clearFailure(TwilioException.class,
                () -> basicClient().messages().create("+15558675310", "+15005550006", "hello"));

        assertThat(failure.getMessage()).contains("HTTP 201", "not JSON").doesNotContain("<");
    }

    @Test
    void unauthorizedAfterARefreshIsRetriedOnceThenFailsWith401() {
        this.server.rejectNextApiRequests(2);
        CredentialProvider oauth = new ClientCredentialProviderBuilder()
            .setTokenManager(new ApiTokenManager(
                    TokenManagerOptions.builder()
                        .clientId(CLIENT_ID)
                        .clientSecret(CLIENT_SECRET)
                        .tokenUrl(this.server.tokenUrl())
                        .build(),
                    TokenManagerSettings.builder().retry(Retries.attempts(3)).build()))
            .build();

        TwilioApiException failure = failureOfCreate(client(oauth));

        assertThat(failure.statusCode()).isEqualTo(401);
        assertThat(failure.code()).isEqualTo(20003);
        assertThat(this.server.issuedTokens()).hasSize(2);
        assertThat(this.server.requests()).extracting(RecordedRequest::authorization)
            .containsExactly("Bearer " + this.server.issuedTokens().get(0),
                    "Bearer " + this.server.issuedTokens().get(1));
        assertThat(this.server.tokenRequestCount()).isEqualTo(2);
    }

    @Test
    void unauthorizedWithBasicCredentialsIsNotRetried() {
        this.server.rejectNextApiRequests(2);

        TwilioApiException failure = failureOfCreate(basicClient());

        assertThat(failure.statusCode()).isEqualTo(401);
        assertThat(this.server.requests()).hasSize(1);
    }
}
