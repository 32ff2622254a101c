package io.github.twilioauth.autoconfigure;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.twilioauth.TwilioApiException;
import io.github.twilioauth.TwilioAuthenticationException;
import io.github.twilioauth.client.TwilioClient;
import io.github.twilioauth.client.TwilioClients;
import io.github.twilioauth.test.MockTwilioExtension;
import io.github.twilioauth.test.MockTwilioServer;
import io.github.twilioauth.test.TokenGate;
import io.github.twilioauth.testsupport.TwilioAutoConfigurations;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The HTTP clients the auto-configuration builds: finite timeouts by default, on Apache
 * HttpClient 5, whose automatic retries would resend a POST answered 503 or 429, only the
 * starter's own retries, a pool as large as {@code twilio.http.max-connections} (token requests:
 * the concurrency limit) instead of its 5 to a host, and answers read up to
 * {@code twilio.http.max-response-size}.
 */
class TwilioRequestFactoryTest {

    private static final String ACCOUNT_SID = "AC" + "6".repeat(32);

    private static final String CLIENT_ID = "OQ" + "6".repeat(32);

    @RegisterExtension
    static final MockTwilioExtension twilio = new MockTwilioExtension();

    private ApplicationContextRunner runner(MockTwilioServer server) {
        return new ApplicationContextRunner()
            .withConfiguration(TwilioAutoConfigurations.client())
            .withBean(ClientHttpRequestFactoryBuilder.class, ClientHttpRequestFactoryBuilder::httpComponents)
            .withPropertyValues("twilio.base-url=" + server.baseUrl(), "twilio.account-sid=" + ACCOUNT_SID,
                    "twilio.auth.client-id=" + CLIENT_ID, "twilio.auth.client-secret=factory-secret",
                    "twilio.auth.retry.max-retries=1", "twilio.auth.retry.delay=1ms", "twilio.http.retry.delay=1ms");
    }

    @Test
    void postAnswered503IsSentOnce() {
        MockTwilioServer server = twilio.server().oauthApp(CLIENT_ID, "factory-secret", ACCOUNT_SID);
        runner(server).run((context) -> {
            assertThat(context.getBean(TwilioAutoConfiguration.REQUEST_FACTORY_BEAN_NAME))
                .isInstanceOf(HttpComponentsClientHttpRequestFactory.class);
            TwilioClient client = context.getBean(TwilioClient.class);
            client.messages().list().findFirst();
            server.reset();
            server.failNextApiRequests(1, 503);

            assertThatExceptionOfType(TwilioApiException.class)
                .isThrownBy(() -> client.messages().create("+15558675310", "+15005550006", "once"))
                .satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(503));
            assertThat(server.requests()).hasSize(1);
            assertThat(server.messages()).isEmpty();
        });
    }

    @Test
    void getAnswered503IsRetriedByTheStarterOnly() {
        MockTwilioServer server = twilio.server().oauthApp(CLIENT_ID, "factory-secret", ACCOUNT_SID);
        runner(server).run((context) -> {
            TwilioClient client = context.getBean(TwilioClient.class);
            server.failNextApiRequests(2, 503);

            assertThat(client.request(HttpMethod.GET, "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json")
                .statusCode()).isEqualTo(200);
            assertThat(server.requests()).hasSize(3);
        });
    }

    @Test
    void tokenRequestAnswered503IsMadeAsOftenAsMaxAttemptsSays() {
        MockTwilioServer server = twilio.server().oauthApp(CLIENT_ID, "factory-secret", ACCOUNT_SID);
        runner(server).run((context) -> {
            server.failNextTokenRequests(5, 503);

            assertThatExceptionOfType(TwilioAuthenticationException.class)
                .isThrownBy(() -> context.getBean(TwilioClient.class).messages().list().findFirst());
            assertThat(server.tokenRequestCount()).isEqualTo(2);
        });
    }

    private static PoolingHttpClientConnectionManager poolOf(Object factory) {
        Object httpClient = ((HttpComponentsClientHttpRequestFactory) factory).getHttpClient();
        return (PoolingHttpClientConnectionManager) ReflectionTestUtils.getField(httpClient, "connManager");
    }

    @Test
    void apiCallsMayUseAsManyConnectionsAsTwilioHttpMaxConnectionsSays() {
        MockTwilioServer server = twilio.server().oauthApp(CLIENT_ID, "factory-secret", ACCOUNT_SID);
        runner(server).run((context) -> {
            PoolingHttpClientConnectionManager pool = poolOf(
                    context.getBean(TwilioAutoConfiguration.REQUEST_FACTORY_BEAN_NAME));
            assertThat(pool.getDefaultMaxPerRoute()).isEqualTo(64);
            assertThat(pool.getMaxTotal()).isEqualTo(64);
        });
        runner(server).withPropertyValues("twilio.http.max-connections=200").run((context) -> {
            PoolingHttpClientConnectionManager pool = poolOf(
                    context.getBean(TwilioAutoConfiguration.REQUEST_FACTORY_BEAN_NAME));
            assertThat(pool.getDefaultMaxPerRoute()).isEqualTo(200);
            assertThat(pool.getMaxTotal()).isEqualTo(200);
        });
    }

    @Test
    void asManyTokenRequestsGoOutAtOnceAsTheConcurrencyLimitAllowsNotApachesFiveToAHost() {
        MockTwilioServer server = twilio.server();
        List<String> properties = new ArrayList<>(List.of("twilio.token-requests.concurrency-limit=8"));
        properties.addAll(TwilioAutoConfigurations.oauthTenants(server, 8));
        runner(server).withPropertyValues(properties.toArray(String[]::new)).run((context) -> {
                assertThat(poolOf(context.getBean(TwilioAutoConfiguration.TOKEN_REQUEST_FACTORY_BEAN_NAME))
                    .getDefaultMaxPerRoute()).isEqualTo(8);
                TwilioClients tenants = context.getBean(TwilioClients.class);
                TokenGate gate = server.holdTokenRequests();
                ExecutorService callers = Executors.newFixedThreadPool(8);
                try {
                    List<Future<?>> calls = new ArrayList<>();
                    for (String name : tenants.tenants()) {
                        calls.add(callers.submit(() -> tenants.get(name).messages().list().findFirst()));
                    }
                    assertThat(gate.awaitWaiting(8, Duration.ofSeconds(10))).as("token requests held at once")
                        .isTrue();
                    gate.release();
                    for (Future<?> call : calls) {
                        call.get(10, TimeUnit.SECONDS);
                    }
                }
                finally {
                    callers.shutdownNow();
                }
                assertThat(server.tokenRequestCount()).isEqualTo(8);
            });
    }

    private static Duration readTimeoutOf(Object factory) {
        return (Duration) ReflectionTestUtils.getField(factory, "readTimeout");
    }

    private static Duration connectTimeoutOf(Object factory) {
        return ((HttpClient) ReflectionTestUtils.getField(factory, "httpClient")).connectTimeout().orElse(null);
    }

    @Test
    void apiCallsHaveFiniteTimeoutsByDefault() {
        new ApplicationContextRunner()
            .withConfiguration(TwilioAutoConfigurations.client())
            .withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
                    ImperativeHttpClientAutoConfiguration.class))
            .withBean(ClientHttpRequestFactoryBuilder.class, ClientHttpRequestFactoryBuilder::jdk)
            .withPropertyValues("twilio.account-sid=" + ACCOUNT_SID, "twilio.auth.auth-token=timeouts")
            .run((context) -> {
                Object factory = context.getBean(TwilioAutoConfiguration.REQUEST_FACTORY_BEAN_NAME);
                assertThat(connectTimeoutOf(factory)).isEqualTo(Duration.ofSeconds(10));
                assertThat(readTimeoutOf(factory)).isEqualTo(Duration.ofSeconds(30));
            });
    }

    @Test
    void springHttpClientsTimeoutsApplyAndTwilioHttpTimeoutsWinOverThem() {
        ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(TwilioAutoConfigurations.client())
            .withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
                    ImperativeHttpClientAutoConfiguration.class))
            .withBean(ClientHttpRequestFactoryBuilder.class, ClientHttpRequestFactoryBuilder::jdk)
            .withPropertyValues("twilio.account-sid=" + ACCOUNT_SID, "twilio.auth.auth-token=timeouts",
                    "spring.http.clients.connect-timeout=3s", "spring.http.clients.read-timeout=4s");
        runner.run((context) -> {
            Object factory = context.getBean(TwilioAutoConfiguration.REQUEST_FACTORY_BEAN_NAME);
            assertThat(connectTimeoutOf(factory)).isEqualTo(Duration.ofSeconds(3));
            assertThat(readTimeoutOf(factory)).isEqualTo(Duration.ofSeconds(4));
        });
        runner.withPropertyValues("twilio.http.connect-timeout=5s", "twilio.http.read-timeout=6s").run((context) -> {
            Object factory = context.getBean(TwilioAutoConfiguration.REQUEST_FACTORY_BEAN_NAME);
            assertThat(connectTimeoutOf(factory)).isEqualTo(Duration.ofSeconds(5));
            assertThat(readTimeoutOf(factory)).isEqualTo(Duration.ofSeconds(6));
        });
    }

    @Test
    void maxResponseSizeBoundsWhatTheSingleClientAndEveryTenantRead() {
        MockTwilioServer server = twilio.server().account(ACCOUNT_SID, "size-auth-token");
        ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(TwilioAutoConfigurations.client())
            .withPropertyValues("twilio.base-url=" + server.baseUrl(), "twilio.account-sid=" + ACCOUNT_SID,
                    "twilio.auth.auth-token=size-auth-token", "twilio.tenants.acme.base-url=" + server.baseUrl(),
                    "twilio.tenants.acme.account-sid=" + ACCOUNT_SID,
                    "twilio.tenants.acme.auth.auth-token=size-auth-token");
        runner.run((context) -> {
            TwilioClient client = context.getBean(TwilioClient.class);
            client.messages().create("+15558675310", "+15005550006", "x".repeat(600));
            client.messages().create("+15558675310", "+15005550006", "y".repeat(600));
            assertThat(client.messages().list().count()).isEqualTo(2);
        });

        runner.withPropertyValues("twilio.http.max-response-size=1KB").run((context) -> {
            TwilioClient single = context.getBean(TwilioClient.class);
            TwilioClient tenant = context.getBean(TwilioClients.class).get("acme");
            for (TwilioClient client : new TwilioClient[] { single, tenant }) {
                assertThatExceptionOfType(TwilioApiException.class).isThrownBy(() -> client.messages().list().count())
                    .withMessageContaining("HTTP 200 and a body larger than 1 KB (twilio.http.max-response-size)")
                    .satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(200));
            }
        });
        assertThat(server.requests()).hasSize(5);
    }

    @Test
    void postThatTimesOutFailsOnceWithoutBeingRepeated() {
        MockTwilioServer server = twilio.server().account(ACCOUNT_SID, "timeouts");
        new ApplicationContextRunner()
            .withConfiguration(TwilioAutoConfigurations.client())
            .withPropertyValues("twilio.base-url=" + server.baseUrl(), "twilio.account-sid=" + ACCOUNT_SID,
                    "twilio.auth.auth-token=timeouts", "twilio.http.read-timeout=300ms", "twilio.http.retry.delay=1ms")
            .run((context) -> {
                server.apiLatency(Duration.ofSeconds(2));

                assertThatExceptionOfType(TwilioApiException.class)
                    .isThrownBy(() -> context.getBean(TwilioClient.class)
                        .messages()
                        .create("+15558675310", "+15005550006", "slow"))
                    .satisfies((ex) -> assertThat(ex.statusCode()).isZero());
                assertThat(server.requests()).hasSize(1);
            });
    }
}
