package io.github.twilioauth.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.github.twilioauth.TwilioAuthenticationException;
import io.github.twilioauth.TwilioException;
import io.github.twilioauth.client.TwilioClient;
import io.github.twilioauth.client.TwilioClients;
import io.github.twilioauth.strategy.TokenAuthStrategy;
import io.github.twilioauth.test.MockTwilioExtension;
import io.github.twilioauth.test.MockTwilioServer;
import io.github.twilioauth.test.TokenGate;
import io.github.twilioauth.testsupport.TwilioAutoConfigurations;
import io.github.twilioauth.token.CachingTokenManager;
import io.github.twilioauth.token.TokenExecutors;
import io.github.twilioauth.token.TokenManager;
import io.github.twilioauth.token.TokenManagerSettings;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundleKey;
import org.springframework.boot.ssl.SslOptions;
import org.springframework.boot.ssl.SslStoreBundle;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * What every built-in token manager of an application shares, and how it closes: one executor
 * and one HTTP client for the single client's and every tenant's token requests, bounded
 * whatever the number of tenants, closed with the context along with the managers and clients.
 * The HTTP client is the one {@code spring.http.clients.*} chooses, with the
 * {@code twilio.token-requests.*} timeouts.
 */
class TwilioTokenConfigurationTest {

    private static final String SINGLE_ACCOUNT = "AC" + "7".repeat(32);

    private static final String TENANT_ACCOUNT = "AC" + "8".repeat(32);

    private static final String ORG_ACCOUNT = "AC" + "9".repeat(32);

    private static final String ORG_SID = "OR" + "9".repeat(32);

    @RegisterExtension
    static final MockTwilioExtension twilio = new MockTwilioExtension();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(TwilioAutoConfigurations.client());

    private ApplicationContextRunner withSingleClientAndTenants() {
        MockTwilioServer server = twilio.server()
            .oauthApp("OQ" + "7".repeat(32), "single-secret", SINGLE_ACCOUNT)
            .oauthApp("OQ" + "8".repeat(32), "tenant-secret", TENANT_ACCOUNT)
            .organization(ORG_SID, "OQ" + "9".repeat(32), "org-secret", ORG_ACCOUNT)
            .account(TENANT_ACCOUNT, "tenant-auth-token");
        String url = server.baseUrl();
        return this.runner.withPropertyValues("twilio.base-url=" + url, "twilio.account-sid=" + SINGLE_ACCOUNT,
                "twilio.auth.client-id=OQ" + "7".repeat(32), "twilio.auth.client-secret=single-secret",
                "twilio.tenants.oauth.base-url=" + url, "twilio.tenants.oauth.account-sid=" + TENANT_ACCOUNT,
                "twilio.tenants.oauth.auth.client-id=OQ" + "8".repeat(32),
                "twilio.tenants.oauth.auth.client-secret=tenant-secret", "twilio.tenants.orgs.base-url=" + url,
                "twilio.tenants.orgs.account-sid=" + ORG_ACCOUNT, "twilio.tenants.orgs.auth.type=orgs",
                "twilio.tenants.orgs.auth.client-id=OQ" + "9".repeat(32),
                "twilio.tenants.orgs.auth.client-secret=org-secret", "twilio.tenants.basic.base-url=" + url,
                "twilio.tenants.basic.account-sid=" + TENANT_ACCOUNT,
                "twilio.tenants.basic.auth.auth-token=tenant-auth-token");
    }

    private static CachingTokenManager tokenManagerOf(TwilioClient client) {
        return (CachingTokenManager) ((TokenAuthStrategy) client.getAuthStrategy()).getTokenManager();
    }

    private ApplicationContextRunner withSingleClientOnBootsHttpClients() {
        MockTwilioServer server = twilio.server().oauthApp("OQ" + "7".repeat(32), "single-secret", SINGLE_ACCOUNT);
        return this.runner
            .withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
                    ImperativeHttpClientAutoConfiguration.class))
            .withPropertyValues("twilio.base-url=" + server.baseUrl(), "twilio.account-sid=" + SINGLE_ACCOUNT,
                    "twilio.auth.client-id=OQ" + "7".repeat(32), "twilio.auth.client-secret=single-secret",
                    "twilio.auth.retry.max-retries=0");
    }

    private static Set<Thread> tokenThreads() {
        return Thread.getAllStackTraces()
            .keySet()
            .stream()
            .filter((thread) -> thread.getName().matches(TokenExecutors.THREAD_NAME_PREFIX + "[0-9]+"))
            .collect(Collectors.toSet());
    }

    @Test
    void nothingIsCreatedWithoutOAuthClients() {
        this.runner.withPropertyValues("twilio.account-sid=" + SINGLE_ACCOUNT, "twilio.auth.auth-token=token",
                "twilio.tenants.basic.account-sid=" + TENANT_ACCOUNT, "twilio.tenants.basic.auth.auth-token=token")
            .run((context) -> assertThat(context).hasNotFailed()
                .doesNotHaveBean(TwilioAutoConfiguration.TOKEN_EXECUTOR_BEAN_NAME)
                .doesNotHaveBean(TwilioAutoConfiguration.TOKEN_REQUEST_FACTORY_BEAN_NAME)
                .doesNotHaveBean(TokenManagerSettings.class));
    }

    @Test
    void anOAuthTenantAloneGetsTheSharedInfrastructure() {
        this.runner.withPropertyValues("twilio.tenants.oauth.auth.client-id=OQ" + "8".repeat(32),
                "twilio.tenants.oauth.auth.client-secret=tenant-secret")
            .run((context) -> assertThat(context).hasNotFailed()
                .hasBean(TwilioAutoConfiguration.TOKEN_EXECUTOR_BEAN_NAME)
                .hasSingleBean(TokenManagerSettings.class));
    }

    @Test
    void singleClientAndEveryTenantShareOneExecutorAndOneHttpClient() {
        withSingleClientAndTenants().run((context) -> {
            TokenManagerSettings shared = context.getBean(TokenManagerSettings.class);
            CachingTokenManager single = (CachingTokenManager) context.getBean(TokenManager.class);
            TwilioClients tenants = context.getBean(TwilioClients.class);
            assertThat(shared.executor()).isSameAs(context.getBean(TwilioAutoConfiguration.TOKEN_EXECUTOR_BEAN_NAME));
            for (CachingTokenManager manager : new CachingTokenManager[] { single,
                    tokenManagerOf(tenants.get("oauth")), tokenManagerOf(tenants.get("orgs")) }) {
                assertThat(manager.getSettings().executor()).isSameAs(shared.executor());
                // Clients on a base URL get a copy naming oauth.twilio.com; the HTTP client is the same.
                assertThat(ReflectionTestUtils.getField(manager.getSettings().restClient(), "clientRequestFactory"))
                    .isSameAs(ReflectionTestUtils.getField(shared.restClient(), "clientRequestFactory"))
                    .isSameAs(context.getBean(TwilioAutoConfiguration.TOKEN_REQUEST_FACTORY_BEAN_NAME));
            }
        });
    }

    @Test
    void tokenRequestsRunOnTheBoundedPoolOfNamedDaemonThreads() {
        withSingleClientAndTenants().withPropertyValues("twilio.token-requests.concurrency-limit=3",
                "twilio.token-requests.connect-timeout=2s", "twilio.token-requests.read-timeout=4s")
            .run((context) -> {
                ThreadPoolExecutor executor = (ThreadPoolExecutor) context
                    .getBean(TwilioAutoConfiguration.TOKEN_EXECUTOR_BEAN_NAME, ExecutorService.class);
                assertThat(executor.getMaximumPoolSize()).isEqualTo(3);
                TokenManagerSettings settings = context.getBean(TokenManagerSettings.class);
                assertThat(settings.connectTimeout()).hasSeconds(2);
                assertThat(settings.readTimeout()).hasSeconds(4);
                Thread[] ran = new Thread[1];
                executor.submit(() -> ran[0] = Thread.currentThread()).get();
                assertThat(ran[0].getName()).startsWith(TokenExecutors.THREAD_NAME_PREFIX);
                assertThat(ran[0].isDaemon()).isTrue();
            });
    }

    @Test
    void tokenRequestsRunOnVirtualThreadsWhenTheApplicationEnablesThemAndTheJdkHasThem() {
        withSingleClientAndTenants().withPropertyValues("spring.threads.virtual.enabled=true").run((context) -> {
            ExecutorService executor = context.getBean(TwilioAutoConfiguration.TOKEN_EXECUTOR_BEAN_NAME,
                    ExecutorService.class);
            Thread[] ran = new Thread[1];
            executor.submit(() -> ran[0] = Thread.currentThread()).get();
            assertThat(ran[0].getName()).startsWith(TokenExecutors.THREAD_NAME_PREFIX);
            // Thread.isVirtual() is Java 21 API; a virtual thread's class says it on any version.
            assertThat(ran[0].getClass().getName().equals("java.lang.VirtualThread"))
                .isEqualTo(Runtime.version().feature() >= 21);
        });
    }

    @ParameterizedTest(name = "spring.http.clients.imperative.factory={0}")
    @CsvSource({ "http-components, org.springframework.http.client.HttpComponentsClientHttpRequestFactory",
            "jdk, org.springframework.http.client.SimpleClientHttpRequestFactory",
            "reactor, org.springframework.http.client.SimpleClientHttpRequestFactory" })
    void tokenRequestsGoThroughApacheHttpClientWhenBootChoosesItElseHttpUrlConnection(String factory,
            Class<?> tokenClient) {
        withSingleClientOnBootsHttpClients().withPropertyValues("spring.http.clients.imperative.factory=" + factory)
            .run((context) -> {
                Object tokenRequests = context.getBean(TwilioAutoConfiguration.TOKEN_REQUEST_FACTORY_BEAN_NAME);
                assertThat(tokenRequests).isInstanceOf(tokenClient);
                RestClient shared = context.getBean(TokenManagerSettings.class).restClient();
                assertThat(ReflectionTestUtils.getField(shared, "clientRequestFactory")).isSameAs(tokenRequests);
                assertThat(context.getBean(TokenManager.class).getToken()).isNotBlank();
                assertThat(twilio.server().tokenRequestCount()).isEqualTo(1);
            });
    }

    @ParameterizedTest(name = "spring.http.clients.imperative.factory={0}")
    @CsvSource({ "http-components, org.springframework.http.client.HttpComponentsClientHttpRequestFactory",
            "jdk, org.springframework.http.client.SimpleClientHttpRequestFactory",
            "reactor, org.springframework.http.client.SimpleClientHttpRequestFactory" })
    void cookieHandlingTheApplicationTurnsOnForItsClientsNeverReachesTokenRequests(String factory,
            Class<?> tokenClient) {
        withSingleClientOnBootsHttpClients()
            .withPropertyValues("spring.http.clients.imperative.factory=" + factory,
                    "spring.http.clients.cookie-handling=enable")
            .run((context) -> {
                assertThat(context.getBean(TwilioAutoConfiguration.TOKEN_REQUEST_FACTORY_BEAN_NAME))
                    .isInstanceOf(tokenClient);
                assertThat(context.getBean(TokenManager.class).getToken()).isNotBlank();
            });
    }

    @Test
    void settingsHttpUrlConnectionCannotApplyKeepTheHttpClientBootChooses() {
        SslBundle withOptions = SslBundle.of(SslStoreBundle.NONE, SslBundleKey.NONE,
                SslOptions.of(null, new String[] { "TLSv1.3" }));
        withSingleClientOnBootsHttpClients().withPropertyValues("spring.http.clients.imperative.factory=jdk")
            .withBean(HttpClientSettings.class, () -> HttpClientSettings.defaults().withSslBundle(withOptions))
            .run((context) -> assertThat(context.getBean(TwilioAutoConfiguration.TOKEN_REQUEST_FACTORY_BEAN_NAME))
                .isInstanceOf(JdkClientHttpRequestFactory.class));
    }

    @ParameterizedTest(name = "spring.http.clients.imperative.factory={0}")
    @ValueSource(strings = { "jdk", "reactor", "http-components" })
    void tokenRequestsInFlightCostOneExecutorThreadEachAndNoOtherThread(String factory) {
        MockTwilioServer server = twilio.server();
        List<String> properties = new ArrayList<>(List.of("spring.http.clients.imperative.factory=" + factory));
        properties.addAll(TwilioAutoConfigurations.oauthTenants(server, 6));
        this.runner
            .withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
                    ImperativeHttpClientAutoConfiguration.class))
            .withPropertyValues(properties.toArray(String[]::new))
            .run((context) -> {
                TwilioClients tenants = context.getBean(TwilioClients.class);
                Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
                TokenGate gate = server.holdTokenRequests();
                ExecutorService callers = Executors.newFixedThreadPool(6, (task) -> new Thread(task, "caller"));
                try {
                    List<Future<String>> tokens = new ArrayList<>();
                    tenants.tenants()
                        .forEach((name) -> tokens.add(callers.submit(tokenManagerOf(tenants.get(name))::getToken)));
                    assertThat(gate.awaitWaiting(6, Duration.ofSeconds(10))).isTrue();

                    assertThat(Thread.getAllStackTraces().keySet().stream().filter((thread) -> !before.contains(thread)
                            && !thread.getName().equals("caller") && !thread.getName().startsWith("mock-twilio-")))
                        .as("threads started while 6 token requests are in flight")
                        .hasSize(6)
                        .allSatisfy((thread) -> assertThat(thread.getName())
                            .matches(TokenExecutors.THREAD_NAME_PREFIX + "[0-9]+"));
                    gate.release();
                    for (Future<String> token : tokens) {
                        assertThat(token.get(10, TimeUnit.SECONDS)).isNotBlank();
                    }
                }
                finally {
                    gate.release();
                    callers.shutdownNow();
                }
            });
    }

    @ParameterizedTest(name = "spring.http.clients.imperative.factory={0}")
    @ValueSource(strings = { "http-components", "jdk" })
    void tokenRequestThatHangsFailsAfterTheTokenRequestsReadTimeoutWhateverSpringHttpClientsSays(String factory) {
        withSingleClientOnBootsHttpClients()
            .withPropertyValues("spring.http.clients.imperative.factory=" + factory,
                    "twilio.token-requests.read-timeout=200ms", "spring.http.clients.read-timeout=30s")
            .run((context) -> {
                MockTwilioServer server = twilio.server();
                server.hangNextTokenRequests(1);
                TokenManager tokens = context.getBean(TokenManager.class);
                long started = System.nanoTime();

                assertThatExceptionOfType(TwilioAuthenticationException.class).isThrownBy(tokens::getToken)
                    .withMessageContaining("Token request to " + server.tokenUrl() + " failed")
                    .withMessageContaining("timed out")
                    .satisfies((ex) -> assertThat(ex.statusCode()).isZero());
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(200))
                    .isLessThan(Duration.ofSeconds(5));
                assertThat(server.tokenRequestCount()).isEqualTo(1);
            });
    }

    @Test
    void twoHundredTenantsFetchTheirTokensOnNoMoreThreadsThanTheConcurrencyLimit() throws Exception {
        MockTwilioServer server = twilio.server();
        List<String> properties = new ArrayList<>(List.of("twilio.token-requests.concurrency-limit=4"));
        properties.addAll(TwilioAutoConfigurations.oauthTenants(server, 200));
        Set<Thread> before = tokenThreads();
        this.runner.withPropertyValues(properties.toArray(String[]::new)).run((context) -> {
            ThreadPoolExecutor executor = (ThreadPoolExecutor) context
                .getBean(TwilioAutoConfiguration.TOKEN_EXECUTOR_BEAN_NAME, ExecutorService.class);
            Object requestFactory = context.getBean(TwilioAutoConfiguration.TOKEN_REQUEST_FACTORY_BEAN_NAME);
            TwilioClients tenants = context.getBean(TwilioClients.class);
            List<CachingTokenManager> managers = tenants.tenants()
                .stream()
                .map((name) -> tokenManagerOf(tenants.get(name)))
                .toList();
            assertThat(managers).hasSize(200).allSatisfy((manager) -> {
                assertThat(manager.getSettings().executor()).isSameAs(executor);
                assertThat(ReflectionTestUtils.getField(manager.getSettings().restClient(), "clientRequestFactory"))
                    .isSameAs(requestFactory);
            });
            TokenGate gate = server.holdTokenRequests();
            ExecutorService callers = Executors.newFixedThreadPool(managers.size());
            try {
                List<Future<String>> tokens = new ArrayList<>();
                managers.forEach((manager) -> tokens.add(callers.submit(manager::getToken)));

                await().until(() -> executor.getActiveCount() == 4 && executor.getQueue().size() == 196);
                assertThat(gate.awaitWaiting(4, Duration.ofSeconds(10))).isTrue();
                assertThat(server.tokenRequestCount()).isEqualTo(4);
                assertThat(newThreads(before)).hasSize(4);
                gate.release();

                Set<String> distinct = new HashSet<>();
                for (Future<String> token : tokens) {
                    distinct.add(token.get(10, TimeUnit.SECONDS));
                }
                assertThat(distinct).hasSize(200);
            }
            finally {
                callers.shutdownNow();
            }
            assertThat(server.tokenRequestCount()).isEqualTo(200);
            assertThat(executor.getLargestPoolSize()).isEqualTo(4);
            assertThat(newThreads(before)).hasSizeLessThanOrEqualTo(4);
        });
    }

    /** The token threads alive now that were not alive before; those only end meanwhile. */
    private static Set<Thread> newThreads(Set<Thread> before) {
        Set<Thread> now = tokenThreads();
        now.removeAll(before);
        return now;
    }

    @Test
    void closingTheContextClosesManagersClientsThreadsAndConnections() {
        withSingleClientAndTenants()
            .withBean(ClientHttpRequestFactoryBuilder.class, ClientHttpRequestFactoryBuilder::httpComponents)
            .run((context) -> {
                TwilioClient single = context.getBean(TwilioClient.class);
                TwilioClients tenants = context.getBean(TwilioClients.class);
                single.messages().create("+15558675310", "+15005550006", "before close");
                tenants.get("oauth").messages().create("+15558675310", "+15005550006", "before close");
                tenants.get("orgs").messages().create("+15558675310", "+15005550006", "before close");
                TokenManager singleTokens = context.getBean(TokenManager.class);
                CachingTokenManager tenantTokens = tokenManagerOf(tenants.get("oauth"));
                HttpComponentsClientHttpRequestFactory tokenRequests = context
                    .getBean(TwilioAutoConfiguration.TOKEN_REQUEST_FACTORY_BEAN_NAME,
                            HttpComponentsClientHttpRequestFactory.class);
                HttpComponentsClientHttpRequestFactory apiRequests = context
                    .getBean(TwilioAutoConfiguration.REQUEST_FACTORY_BEAN_NAME,
                            HttpComponentsClientHttpRequestFactory.class);
                int tokenRequestsBefore = twilio.server().tokenRequestCount();

                context.close();

                await().until(() -> Thread.getAllStackTraces()
                    .keySet()
                    .stream()
                    .noneMatch((thread) -> thread.getName().matches(TokenExecutors.THREAD_NAME_PREFIX + "[0-9]+")));
                for (HttpComponentsClientHttpRequestFactory factory : new HttpComponentsClientHttpRequestFactory[] {
                        tokenRequests, apiRequests }) {
                    assertThatExceptionOfType(IllegalStateException.class).as("connection pool shut down")
                        .isThrownBy(() -> factory.getHttpClient()
                            .execute(new HttpGet(twilio.server().baseUrl()), (response) -> null));
                }
                assertThatExceptionOfType(TwilioAuthenticationException.class).isThrownBy(singleTokens::getToken);
                assertThatExceptionOfType(TwilioAuthenticationException.class).isThrownBy(tenantTokens::getToken);
                assertThatExceptionOfType(TwilioException.class)
                    .isThrownBy(() -> single.messages().create("+15558675310", "+15005550006", "after close"))
                    .withMessageContaining("closed");
                assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> tenants.get("oauth"));
                assertThat(twilio.server().tokenRequestCount()).isEqualTo(tokenRequestsBefore);
            });
    }

    @Test
    void removingATenantClosesItsClientAndTokenManagerOnly() {
        withSingleClientAndTenants().run((context) -> {
            TwilioClients tenants = context.getBean(TwilioClients.class);
            TwilioClient removed = tenants.get("oauth");
            removed.messages().create("+15558675310", "+15005550006", "before remove");
            CachingTokenManager removedTokens = tokenManagerOf(removed);

            assertThat(tenants.remove("oauth")).isTrue();

            assertThat(tenants.tenants()).containsExactly("basic", "orgs");
            assertThatExceptionOfType(TwilioException.class)
                .isThrownBy(() -> removed.messages().create("+15558675310", "+15005550006", "after remove"));
            assertThatExceptionOfType(TwilioAuthenticationException.class).isThrownBy(removedTokens::getToken);
            assertThat(tenants.get("orgs").messages().create("+15558675310", "+15005550006", "still here").sid())
                .startsWith("SM");
            assertThat(tenants.remove("oauth")).isFalse();
        });
    }

    @Test
    void requestFactoryBeansNeverStandInForTheApplicationsOwn() {
        ClientHttpRequestFactory own = new SimpleClientHttpRequestFactory();
        withSingleClientAndTenants().withBean("ownRequestFactory", ClientHttpRequestFactory.class, () -> own)
            .withBean(UsesARequestFactory.class)
            .run((context) -> assertThat(context.getBean(UsesARequestFactory.class).requestFactory).isSameAs(own));
    }

    static class UsesARequestFactory {

        final ClientHttpRequestFactory requestFactory;

        UsesARequestFactory(ClientHttpRequestFactory requestFactory) {
            this.requestFactory = requestFactory;
        }
    }
}
