package io.github.twilioauth.client;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.github.twilioauth.TwilioApiException;
import io.github.twilioauth.TwilioException;
import io.github.twilioauth.credential.BasicCredentialProviderBuilder;
import io.github.twilioauth.credential.ClientCredentialProviderBuilder;
import io.github.twilioauth.test.MockTwilioExtension;
import io.github.twilioauth.test.MockTwilioServer;
import io.github.twilioauth.token.ApiTokenManager;
import io.github.twilioauth.token.TokenManagerOptions;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What the client makes of 2xx answers that are not what the call returns, over real HTTP: a
 * typed {@link TwilioApiException} naming the status and the field, never a Jackson exception
 * nor a resource whose every field is null. And nothing after {@link TwilioClient#close()}.
 */
class TwilioClientResponsesTest {

    static final String ACCOUNT_SID = "AC" + "b".repeat(32);

    static final String MESSAGE = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages/SM" + "b".repeat(32) + ".json";

    @RegisterExtension
    static final MockTwilioExtension twilio = new MockTwilioExtension();

    private MockTwilioServer server;

    private TwilioClient client;

    @BeforeEach
    void createClient() {
        this.server = twilio.server().account(ACCOUNT_SID, "responses-auth-token");
        this.client = TwilioClient.create(RestClient.builder().requestFactory(new JdkClientHttpRequestFactory()),
                new BasicCredentialProviderBuilder().setUsername(ACCOUNT_SID).setPassword("responses-auth-token").build(),
                new TwilioEndpoints(this.server.baseUrl(), null, null), ACCOUNT_SID);
    }

    private TwilioApiException failureOfCreate() {
        return catchApiException(() -> this.client.messages().create("+15558675310", "+15005550006", "hi"));
    }

    private TwilioApiException failureOfFetch() {
        return catchApiException(() -> this.client.messages().fetch("SM" + "b".repeat(32)));
    }

    private static TwilioApiException catchApiException(Runnable call) {
        try {
            call.run();
        }
        catch (TwilioApiException ex) {
            return ex;
        }
        throw new AssertionError("The call succeeded");
    }

    static Stream<Arguments> wrongShapes() {
        return Stream.of(Arguments.of("{\"sid\": {\"nested\": true}, \"status\": \"queued\"}",
                "field 'sid' is a JSON object"),
                Arguments.of("{\"sid\": [\"SM1\"], \"status\": \"queued\"}", "field 'sid' is a JSON array"),
                Arguments.of("{\"sid\": \"SM1\", \"status\": {\"state\": \"queued\"}}",
                        "field 'status' is a JSON object"),
                Arguments.of("{\"sid\": \"SM1\", \"num_segments\": [1]}", "field 'num_segments' is a JSON array"),
                Arguments.of("{\"status\": \"queued\"}", "field 'sid' is missing"));
    }

    @ParameterizedTest
    @MethodSource("wrongShapes")
    void createAnsweredWithABodyOfTheWrongShapeFailsNamingTheField(String body, String what) {
        this.server.respondToNextApiRequest(201, Map.of(), "application/json", body);

        assertThat(failureOfCreate()).hasMessageContaining("POST /2010-04-01/Accounts/" + ACCOUNT_SID
                + "/Messages.json with HTTP 201 and an unexpected response: " + what)
            .satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(201))
            .hasNoCause();
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "null", "[]", "{}", "\"SM1\"", "not json" })
    void fetchAnsweredWithNoMessageFails(String body) {
        this.server.respondToNextApiRequest(200, Map.of(), "application/json", body.isEmpty() ? null : body);

        assertThat(failureOfFetch()).hasMessageContaining("GET " + MESSAGE + " with HTTP 200 and an unexpected response")
            .satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(200));
    }

    @Test
    void createAnswered204Fails() {
        this.server.respondToNextApiRequest(204, Map.of(), null, null);

        assertThat(failureOfCreate()).hasMessageContaining("HTTP 204 and an unexpected response: a status other than"
                + " 200 or 201").satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(204));
    }

    @Test
    void fetchAnsweredWithARedirectFailsWithoutFollowingIt() {
        this.server.respondToNextApiRequest(302, Map.of("Location", "https://evil.example/steal"), null, null);

        assertThat(failureOfFetch()).hasMessageContaining("HTTP 302 and an unexpected response")
            .satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(302));
        assertThat(this.server.requests()).hasSize(1);
    }

    @Test
    void pageWhoseMessagesAreNotAnArrayFails() {
        this.server.respondToNextApiRequest(200, Map.of(), "application/json",
                "{\"messages\": {\"sid\": \"SM1\"}, \"next_page_uri\": null}");

        assertThat(catchApiException(() -> this.client.messages().list().findFirst()))
            .hasMessageContaining("field 'messages' is a JSON object where an array was expected");
    }

    @Test
    void bodyAsAnUnreadableShapeIsATwilioApiExceptionWithoutJacksonTypes() {
        this.server.respondToNextApiRequest(200, Map.of(), "application/json", "{\"sid\": {\"nested\": true}}");
        TwilioResponse response = this.client.request(HttpMethod.GET, MESSAGE);

        assertThatExceptionOfType(TwilioApiException.class).isThrownBy(() -> response.bodyAs(Sid.class))
            .withMessageContaining("not JSON readable as " + Sid.class.getName())
            .withNoCause();
    }

    record Sid(String sid) {
    }

    @Test
    void closedClientFailsAtOnceAndSendsNothing() {
        this.client.close();

        assertThatExceptionOfType(TwilioException.class)
            .isThrownBy(() -> this.client.messages().create("+15558675310", "+15005550006", "after close"))
            .withMessageContaining("closed");
        assertThat(this.server.requests()).isEmpty();
    }

    @Test
    void closedOAuthClientRequestsNoToken() {
        String clientId = "OQ" + "b".repeat(32);
        this.server.oauthApp(clientId, "responses-client-secret", ACCOUNT_SID);
        ApiTokenManager tokens = new ApiTokenManager(TokenManagerOptions.builder()
            .clientId(clientId)
            .clientSecret("responses-client-secret")
            .tokenUrl(this.server.tokenUrl())
            .build());
        TwilioClient oauth = TwilioClient.create(RestClient.builder().requestFactory(new JdkClientHttpRequestFactory()),
                new ClientCredentialProviderBuilder().setTokenManager(tokens).build(),
                new TwilioEndpoints(this.server.baseUrl(), null, null), ACCOUNT_SID);

        oauth.close();

        assertThatExceptionOfType(TwilioException.class)
            .isThrownBy(() -> oauth.messages().create("+15558675310", "+15005550006", "after close"));
        assertThat(this.server.tokenRequestCount()).isZero();
        assertThat(this.server.requests()).isEmpty();
    }
}
