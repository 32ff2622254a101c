package io.github.twilioauth.http;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.twilioauth.TwilioApiException;
import io.github.twilioauth.TwilioRetryPolicy;
import io.github.twilioauth.client.TwilioClient;
import io.github.twilioauth.client.TwilioEndpoints;
import io.github.twilioauth.credential.BasicCredentialProviderBuilder;
import io.github.twilioauth.test.MockTwilioExtension;
import io.github.twilioauth.test.MockTwilioServer;
import io.github.twilioauth.testsupport.Retries;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.mock.http.client.MockClientHttpRequest;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The API retry policy per method and status, against the local stand-in.
 */
class TwilioRetryInterceptorTest {

    static final String ACCOUNT_SID = "AC" + "5".repeat(32);

    static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";

    @RegisterExtension
    static final MockTwilioExtension twilio = new MockTwilioExtension();

    private MockTwilioServer server;

    private TwilioClient client;

    @BeforeEach
    void createClient() {
        this.server = twilio.server();
        this.server.account(ACCOUNT_SID, "retry-auth-token");
        TwilioAuthInterceptor auth = new TwilioAuthInterceptor(
                new BasicCredentialProviderBuilder().setUsername(ACCOUNT_SID).setPassword("retry-auth-token").build(),
                AllowedHosts.of(List.of("127.0.0.1"), false));
        RestClient restClient = RestClient.builder().requestFactory(new JdkClientHttpRequestFactory())
            .requestInterceptor(new TwilioRetryInterceptor(
                    Retries.attempts(3).toBuilder().maxRetryAfter(Duration.ofSeconds(2)).build()))
            .requestInterceptor(auth)
            .build();
        this.client = new TwilioClient(restClient, auth, new TwilioEndpoints(this.server.baseUrl(), null, null),
                ACCOUNT_SID);
    }

    @Test
    void getAnsweredServerErrorsIsRetried() {
        this.server.failNextApiRequests(2, 503);
        assertThat(this.client.request(HttpMethod.GET, MESSAGES).statusCode()).isEqualTo(200);
        assertThat(this.server.requests()).hasSize(3);
    }

    @Test
    void getFailsOnceAttemptsAreExhausted() {
        this.server.failNextApiRequests(3, 500);
        assertThatExceptionOfType(TwilioApiException.class)
            .isThrownBy(() -> this.client.request(HttpMethod.GET, MESSAGES))
            .satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(500));
        assertThat(this.server.requests()).hasSize(3);
    }

    @Test
    void postAnsweredServerErrorIsNeverRepeated() {
        this.server.failNextApiRequests(1, 500);
        assertThatExceptionOfType(TwilioApiException.class)
            .isThrownBy(() -> this.client.messages().create("+15558675310", "+15005550006", "once only"))
            .satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(500));
        assertThat(this.server.requests()).hasSize(1);
        assertThat(this.server.messages()).isEmpty();
    }

    @Test
    void postAnsweredTooManyRequestsIsRetriedAfterRetryAfter() {
        this.server.failNextApiRequestsWithRetryAfter(1, Duration.ofSeconds(1));
        long start = System.nanoTime();
        this.client.messages().create("+15558675310", "+15005550006", "after waiting");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(this.server.requests()).hasSize(2);
        assertThat(this.server.messages()).hasSize(1);
    }

    @Test
    void tooManyRequestsWithoutRetryAfterIsRetriedWithBackoff() {
        this.server.failNextApiRequests(1, 429);
        this.client.messages().create("+15558675310", "+15005550006", "after backoff");
        assertThat(this.server.requests()).hasSize(2);
        assertThat(this.server.messages()).hasSize(1);
    }

    @Test
    void retryAfterLongerThanTheLimitIsNotWaitedFor() {
        this.server.failNextApiRequestsWithRetryAfter(1, Duration.ofSeconds(30));
        assertThatExceptionOfType(TwilioApiException.class)
            .isThrownBy(() -> this.client.messages().create("+15558675310", "+15005550006", "too long"))
            .satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(429));
        assertThat(this.server.requests()).hasSize(1);
    }

    @Test
    void clientErrorsAreNotRetried() {
        assertThatExceptionOfType(TwilioApiException.class)
            .isThrownBy(() -> this.client.request(HttpMethod.GET, "/2010-04-01/Accounts/" + ACCOUNT_SID
                    + "/Messages/SM" + "0".repeat(32) + ".json"))
            .satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(404));
        assertThat(this.server.requests()).hasSize(1);
    }

    @Test
    void responseWhoseStatusCannotBeReadIsClosedBeforeTheFailurePropagates() {
        AtomicBoolean closed = new AtomicBoolean();
        ClientHttpResponse unreadable = new ClientHttpResponse() {

            @Override
            public HttpStatusCode getStatusCode() throws IOException {
                throw new IOException("connection reset while reading the status line");
            }

            @Override
            public String getStatusText() {
                return "";
            }

            @Override
            public HttpHeaders getHeaders() {
                return new HttpHeaders();
            }

            @Override
            public InputStream getBody() {
                return InputStream.nullInputStream();
            }

            @Override
            public void close() {
                closed.set(true);
            }
        };
        TwilioRetryInterceptor retry = new TwilioRetryInterceptor(TwilioRetryPolicy.DEFAULT);

        assertThatExceptionOfType(IOException.class)
            .isThrownBy(() -> retry.intercept(new MockClientHttpRequest(HttpMethod.POST, "https://api.twilio.com/x"),
                    new byte[0], (request, body) -> unreadable))
            .withMessageContaining("connection reset");
        assertThat(closed).isTrue();
    }
}
