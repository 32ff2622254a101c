package io.github.twilioauth.hardening;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.twilioauth.TwilioApiException;
import io.github.twilioauth.TwilioException;
import io.github.twilioauth.client.TwilioClient;
import io.github.twilioauth.client.TwilioEndpoints;
import io.github.twilioauth.credential.BasicCredentialProviderBuilder;
import io.github.twilioauth.credential.ClientCredentialProviderBuilder;
import io.github.twilioauth.credential.CredentialProvider;
import io.github.twilioauth.hardening.ScriptedHttpServer.Reply;
import io.github.twilioauth.testsupport.Jwts;
import io.github.twilioauth.token.ApiTokenManager;
import io.github.twilioauth.token.TokenManagerOptions;
import io.github.twilioauth.token.TokenManagerSettings;
import io.github.twilioauth.testsupport.Retries;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import static io.github.twilioauth.hardening.Failures.clearFailure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Error answers of Twilio's API, whatever their body, give a {@link TwilioApiException} with
 * the status, Twilio's code where there is one, and a readable message; a 401 is retried once
 * with a renewed token, never more.
 */
class ApiErrorResponsesTest {

    static final String ACCOUNT_SID = "AC" + "a".repeat(32);

    static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";

    static final String TOKEN = "/v2/token";

    private final ScriptedHttpServer server = ScriptedHttpServer.start();

    @AfterEach
    void closeServer() {
        this.server.close();
    }

    private TwilioClient client(CredentialProvider credentials) {
        return TwilioClient.create(RestClient.builder().requestFactory(new JdkClientHttpRequestFactory()), credentials,
                new TwilioEndpoints(this.server.baseUrl(), null, null), ACCOUNT_SID);
    }

    private TwilioClient basicClient() {
        return client(new BasicCredentialProviderBuilder().setUsername(ACCOUNT_SID)
            .setPassword("api-errors-auth-token")
            .build());
    }

    /** Sends a message: a POST, which is never retried after a 5xx. */
    private TwilioApiException failureOfCreate(TwilioClient client) {
        return clearFailure(TwilioApiException.class,
                () -> client.messages().create("+15558675310", "+15005550006", "hello"));
    }

    @Test
    void twilioErrorJsonGivesStatusCodeMoreInfoAndMessage() {
        this.server.answer(MESSAGES, Reply.json(400, "{\"code\":21211,\"message\":\"The 'To' number 5558675310 is "
                + "not a valid phone number.\",\"more_info\":\"https://www.twilio.com/docs/errors/21211\",\"status\":400}"));

        TwilioApiException failure = failureOfCreate(basicClient());

        assertThat(failure.statusCode()).isEqualTo(400);
        assertThat(failure.code()).isEqualTo(21211);
        assertThat(failure.moreInfo()).isEqualTo("https://www.twilio.com/docs/errors/21211");
        assertThat(failure.getMessage()).contains("HTTP 400", "21211", "is not a valid phone number");
    }

    @Test
    void problemDetailsGiveStatusCodeAndDetail() {
        this.server.answer(MESSAGES, Reply.of(400, "application/problem+json",
                "{\"type\":\"https://www.twilio.com/docs/errors/20001\",\"title\":\"Invalid parameter\","
                        + "\"status\":400,\"code\":20001,\"detail\":\"PageSize must be between 1 and 1000\"}"));

        TwilioApiException failure = failureOfCreate(basicClient());

        assertThat(failure.statusCode()).isEqualTo(400);
        assertThat(failure.code()).isEqualTo(20001);
        assertThat(failure.getMessage()).contains("HTTP 400", "20001", "PageSize must be between 1 and 1000");
    }

    @Test
    void problemDetailsWithoutDetailGiveTheTitle() {
        this.server.answer(MESSAGES, Reply.of(404, "application/problem+json",
                "{\"type\":\"about:blank\",\"title\":\"Resource not found\",\"status\":404}"));

        TwilioApiException failure = failureOfCreate(basicClient());

        assertThat(failure.statusCode()).isEqualTo(404);
        assertThat(failure.code()).isNull();
        assertThat(failure.getMessage()).contains("HTTP 404", "Resource not found");
    }

    @Test
    void htmlErrorPageGivesTheStatusAndAReadableMessageWithoutTheHtml() {
        this.server.answer(MESSAGES, Reply.of(502, "text/html",
                "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1>"
                        + "</center><hr><center>nginx</center></body></html>"));

        TwilioApiException failure = failureOfCreate(basicClient());

        assertThat(failure.statusCode()).isEqualTo(502);
        assertThat(failure.code()).isNull();
        assertThat(failure.getMessage()).contains("HTTP 502", "not JSON", "text/html").doesNotContain("<", "nginx");
    }

    @Test
    void emptyErrorBodyGivesTheStatus() {
        this.server.answer(MESSAGES, Reply.empty(500));

        TwilioApiException failure = failureOfCreate(basicClient());

        assertThat(failure.statusCode()).isEqualTo(500);
        assertThat(failure.code()).isNull();
        assertThat(failure.getMessage()).contains("HTTP 500", "empty body");
        assertThat(this.server.requestCount(MESSAGES)).isEqualTo(1);
    }

    @Test
    void errorJsonWithACodeThatIsNotANumberGivesNoCode() {
        this.server.answer(MESSAGES, Reply.json(400, "{\"code\":\"E-BAD\",\"message\":\"Something odd\"}"));

        TwilioApiException failure = failureOfCreate(basicClient());

        assertThat(failure.statusCode()).isEqualTo(400);
        assertThat(failure.code()).isNull();
        assertThat(failure.getMessage()).contains("HTTP 400", "Something odd");
    }

    @Test
    void successWithABodyThatIsNotJsonFailsClearly() {
        this.server.answer(MESSAGES, Reply.of(201, "text/html", "<html><body>Created</body></html>"));

        TwilioException failure = clearFailure(TwilioException.class,
                () -> basicClient().messages().create("+15558675310", "+15005550006", "hello"));

        assertThat(failure.getMessage()).contains("HTTP 201", "not JSON").doesNotContain("<");
    }

    @Test
    void unauthorizedAfterARefreshIsRetriedOnceThenFailsWith401() {
        this.server.answer(TOKEN, (n) -> Reply.json(200, Jwts.tokenBody("opaque-token-" + n, "3600")));
        this.server.answer(MESSAGES, Reply.json(401, "{\"code\":20003,\"message\":\"Authenticate\","
                + "\"more_info\":\"https://www.twilio.com/docs/errors/20003\",\"status\":401}"));
        CredentialProvider oauth = new ClientCredentialProviderBuilder()
            .setTokenManager(new ApiTokenManager(
                    TokenManagerOptions.builder()
                        .clientId("OQ" + "a".repeat(32))
                        .clientSecret("api-errors-client-secret")
                        .tokenUrl(this.server.url(TOKEN))
                        .build(),
                    TokenManagerSettings.builder().retry(Retries.attempts(3)).build()))
            .build();

        TwilioApiException failure = failureOfCreate(client(oauth));

        assertThat(failure.statusCode()).isEqualTo(401);
        assertThat(failure.code()).isEqualTo(20003);
        assertThat(this.server.authorizations(MESSAGES)).containsExactly("Bearer opaque-token-1",
                "Bearer opaque-token-2");
        assertThat(this.server.requestCount(TOKEN)).isEqualTo(2);
    }

    @Test
    void unauthorizedWithBasicCredentialsIsNotRetried() {
        this.server.answer(MESSAGES, Reply.json(401, "{\"code\":20003,\"message\":\"Authenticate\",\"status\":401}"));

        TwilioApiException failure = failureOfCreate(basicClient());

        assertThat(failure.statusCode()).isEqualTo(401);
        assertThat(this.server.requestCount(MESSAGES)).isEqualTo(1);
    }
}
