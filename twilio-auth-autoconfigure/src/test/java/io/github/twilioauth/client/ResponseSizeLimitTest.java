package io.github.twilioauth.client;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.github.twilioauth.TwilioApiException;
import io.github.twilioauth.TwilioAuthenticationException;
import io.github.twilioauth.credential.BasicCredentialProviderBuilder;
import io.github.twilioauth.http.AllowedHosts;
import io.github.twilioauth.http.TwilioAuthInterceptor;
import io.github.twilioauth.test.MockTwilioExtension;
import io.github.twilioauth.test.MockTwilioServer;
import io.github.twilioauth.token.ApiTokenManager;
import io.github.twilioauth.token.TokenManagerOptions;
import io.github.twilioauth.token.TokenManagerSettings;
import io.github.twilioauth.testsupport.Retries;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.unit.DataSize;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Bodies of any size or length cost a bounded read: a 200 MB error message, an error body that
 * never ends, a success body over the limit, a token body that never ends. Runs in a JVM of
 * 256 MB of heap (the {@code bounded-heap} surefire execution), so an unbounded read fails
 * the build rather than passing by luck; and on both the JDK's and Apache's HTTP clients, which
 * drain a body on close unless the connection is dropped.
 */
@Tag("bounded-heap")
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ResponseSizeLimitTest {

    static final String ACCOUNT_SID = "AC" + "a".repeat(32);

    static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";

    @RegisterExtension
    static final MockTwilioExtension twilio = new MockTwilioExtension();

    enum Transport {

        JDK(JdkClientHttpRequestFactory::new), APACHE(HttpComponentsClientHttpRequestFactory::new);

        private final Supplier<ClientHttpRequestFactory> factory;

        Transport(Supplier<ClientHttpRequestFactory> factory) {
            this.factory = factory;
        }
    }

    private TwilioClient client(Transport transport, DataSize maxResponseSize) {
        MockTwilioServer server = twilio.server().account(ACCOUNT_SID, "size-auth-token");
        TwilioAuthInterceptor auth = new TwilioAuthInterceptor(
                new BasicCredentialProviderBuilder().setUsername(ACCOUNT_SID).setPassword("size-auth-token").build(),
                AllowedHosts.of(List.of("127.0.0.1"), false));
        RestClient restClient = RestClient.builder()
            .requestFactory(transport.factory.get())
            .requestInterceptor(auth)
            .build();
        return new TwilioClient(restClient, auth, new TwilioEndpoints(server.baseUrl(), null, null), ACCOUNT_SID,
                maxResponseSize);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void errorWithATwoHundredMegabyteMessageIsNotRead(Transport transport) {
        TwilioClient client = client(transport, TwilioClient.DEFAULT_MAX_RESPONSE_SIZE);
        twilio.server().respondToNextApiRequestWithLargeError(400, 200L * 1024 * 1024);

        assertThatExceptionOfType(TwilioApiException.class).isThrownBy(() -> client.request(HttpMethod.GET, MESSAGES))
            .withMessageContaining("HTTP 400: a body larger than 64 KB, not read")
            .satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(400));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void errorBodyLargerThanASmallerMaxResponseSizeIsNotRead(Transport transport) {
        TwilioClient client = client(transport, DataSize.ofKilobytes(1));
        twilio.server().respondToNextApiRequestWithLargeError(400, 2048);

        assertThatExceptionOfType(TwilioApiException.class).isThrownBy(() -> client.request(HttpMethod.GET, MESSAGES))
            .withMessageContaining("HTTP 400: a body larger than 1 KB, not read")
            .satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(400));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void errorBodyThatNeverEndsIsNotRead(Transport transport) {
        TwilioClient client = client(transport, TwilioClient.DEFAULT_MAX_RESPONSE_SIZE);
        twilio.server().respondToNextApiRequestWithEndlessBody(500, "application/json");

        assertThatExceptionOfType(TwilioApiException.class)
            .isThrownBy(() -> client.messages().create("+15558675310", "+15005550006", "answered without end"))
            .satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(500));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void successBodyOverTheLimitFailsTheCallWithoutReadingFurther(Transport transport) {
        TwilioClient client = client(transport, DataSize.ofMegabytes(1));
        twilio.server().respondToNextApiRequestWithEndlessBody(200, "application/json");

        assertThatExceptionOfType(TwilioApiException.class).isThrownBy(() -> client.request(HttpMethod.GET, MESSAGES))
            .withMessageContaining("HTTP 200 and a body larger than 1 MB (twilio.http.max-response-size)")
            .satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(200));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void tokenBodyThatNeverEndsIsNotRead(Transport transport) {
        MockTwilioServer server = twilio.server().oauthApp("OQ" + "a".repeat(32), "size-secret", ACCOUNT_SID);
        server.respondToNextTokenRequestWithEndlessBody(200, "application/json");
        try (ApiTokenManager tokens = new ApiTokenManager(
                TokenManagerOptions.builder()
                    .clientId("OQ" + "a".repeat(32))
                    .clientSecret("size-secret")
                    .tokenUrl(server.tokenUrl())
                    .build(),
                TokenManagerSettings.builder()
                    .retry(Retries.attempts(1))
                    .restClient(RestClient.builder().requestFactory(transport.factory.get()).build())
                    .build())) {
            assertThatExceptionOfType(TwilioAuthenticationException.class).isThrownBy(tokens::getToken)
                .withMessageContaining("with a body larger than 65536 bytes");
        }
    }

    @Test
    void pageOfAThousandLongMessagesFitsTheDefaultLimit() {
        TwilioClient client = client(Transport.JDK, TwilioClient.DEFAULT_MAX_RESPONSE_SIZE);
        String body = "x".repeat(1600);
        for (int i = 0; i < 1000; i++) {
            client.messages().create("+15558675310", "+15005550006", body);
        }

        assertThat(client.messages().list(1000).limit(1000).count()).isEqualTo(1000);
    }
}
