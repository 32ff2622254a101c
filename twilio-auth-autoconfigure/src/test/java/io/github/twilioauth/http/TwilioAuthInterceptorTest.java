package io.github.twilioauth.http;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.twilioauth.TwilioApiException;
import io.github.twilioauth.TwilioAuthenticationException;
import io.github.twilioauth.client.TwilioClient;
import io.github.twilioauth.client.TwilioEndpoints;
import io.github.twilioauth.credential.ClientCredentialProviderBuilder;
import io.github.twilioauth.test.MockTwilioServer;
import io.github.twilioauth.testsupport.FakeTicker;
import io.github.twilioauth.testsupport.MockTwilioOAuthApp;
import io.github.twilioauth.token.ApiTokenManager;
import io.github.twilioauth.token.TokenManagerSettings;
import io.github.twilioauth.testsupport.Retries;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What {@link TwilioAuthInterceptor} does with a 401, over real HTTP through a pooled client
 * (Apache HttpClient 5, at most 2 connections): the rejected response never holds its
 * connection, and a persistent 401 costs a bounded number of token requests.
 */
class TwilioAuthInterceptorTest {

    static final String ACCOUNT_SID = "AC" + "d".repeat(32);

    static final String CLIENT_ID = "OQ" + "d".repeat(32);

    static final String CLIENT_SECRET = "interceptor-client-secret";

    @RegisterExtension
    static final MockTwilioOAuthApp app = new MockTwilioOAuthApp(ACCOUNT_SID, CLIENT_ID, CLIENT_SECRET);

    private final FakeTicker ticker = new FakeTicker();

    private final MockTwilioServer server = app.server();

    private final ExecutorService callers = Executors.newSingleThreadExecutor();

    private PoolingHttpClientConnectionManager pool;

    private CloseableHttpClient httpClient;

    private ApiTokenManager tokens;

    private TwilioClient client;

    @BeforeEach
    void createClient() {
        this.pool = PoolingHttpClientConnectionManagerBuilder.create().setMaxConnPerRoute(2).setMaxConnTotal(2).build();
        this.httpClient = HttpClients.custom()
            .setConnectionManager(this.pool)
            .setDefaultRequestConfig(RequestConfig.custom().setConnectionRequestTimeout(Timeout.ofSeconds(3)).build())
            .build();
        this.tokens = new ApiTokenManager(app.options().build(),
                TokenManagerSettings.builder().ticker(this.ticker).executor(Runnable::run).retry(Retries.attempts(1)).build());
        this.client = TwilioClient.create(
                RestClient.builder().requestFactory(new HttpComponentsClientHttpRequestFactory(this.httpClient)),
                new ClientCredentialProviderBuilder().setTokenManager(this.tokens).build(),
                new TwilioEndpoints(this.server.baseUrl(), null, null), ACCOUNT_SID);
    }

    @AfterEach
    void close() throws Exception {
        this.callers.shutdownNow();
        this.tokens.close();
        this.httpClient.close();
    }

    private Throwable failureOfASend() throws Exception {
        Future<?> send = this.callers.submit(() -> this.client.messages().create("+15558675310", "+15005550006", "hi"));
        try {
            send.get(10, TimeUnit.SECONDS);
        }
        catch (ExecutionException ex) {
            return ex.getCause();
        }
        throw new AssertionError("The send succeeded");
    }

    @Test
    void rejectedResponseIsClosedWhenTheRenewalFails() throws Exception {
        this.tokens.getToken();
        this.server.rejectNextApiRequests(100);
        this.server.rejectNextTokenRequests(100);

        for (int call = 0; call < 7; call++) {
            this.ticker.advance(Duration.ofSeconds(10));
            assertThat(failureOfASend()).as("call %d", call + 1)
                .isInstanceOf(TwilioAuthenticationException.class)
                .satisfies((failure) -> assertThat(((TwilioAuthenticationException) failure).statusCode()).isEqualTo(400));
        }
        assertThat(this.pool.getTotalStats().getLeased()).isZero();
        assertThat(this.server.tokenRequestCount()).isEqualTo(8);
    }

    @Test
    void persistentRejectionCostsOneRenewalPerTenSecondsAndEachCallFailsWith401() throws Exception {
        this.server.rejectNextApiRequests(1_000);

        for (int call = 0; call < 100; call++) {
            assertThat(failureOfASend()).as("call %d", call + 1)
                .isInstanceOf(TwilioApiException.class)
                .satisfies((failure) -> {
                    assertThat(((TwilioApiException) failure).statusCode()).isEqualTo(401);
                    assertThat(((TwilioApiException) failure).code()).isEqualTo(20003);
                });
        }
        assertThat(this.server.tokenRequestCount()).isEqualTo(2);
        this.ticker.advance(Duration.ofSeconds(10));
        assertThat(failureOfASend()).isInstanceOf(TwilioApiException.class);
        assertThat(this.server.tokenRequestCount()).isEqualTo(3);
        assertThat(this.pool.getTotalStats().getLeased()).isZero();
    }
}
