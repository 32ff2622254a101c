package io.github.twilioauth.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.twilioauth.TwilioApiException;
import io.github.twilioauth.TwilioException;
import io.github.twilioauth.TwilioRetryPolicy;
import io.github.twilioauth.credential.BasicCredentialProviderBuilder;
import io.github.twilioauth.credential.ClientCredentialProviderBuilder;
import io.github.twilioauth.credential.CredentialProvider;
import io.github.twilioauth.http.TwilioAuthInterceptor;
import io.github.twilioauth.http.TwilioRestClientBuilder;
import io.github.twilioauth.http.TwilioRetryInterceptor;
import io.github.twilioauth.test.MockTwilioExtension;
import io.github.twilioauth.test.MockTwilioServer;
import io.github.twilioauth.test.TokenGate;
import io.github.twilioauth.testsupport.FakeTicker;
import io.github.twilioauth.token.ApiTokenManager;
import io.github.twilioauth.token.TokenManagerOptions;
import org.jspecify.annotations.Nullable;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * {@link TwilioClients} serving the tenants of a {@link TwilioTenantRepository}: built on first
 * use, cached within bounds, evicted, released once their calls end, against the stand-in.
 */
class TwilioClientsRepositoryTest {

    private static final String ACCOUNT_A = "AC" + "a".repeat(32);

    private static final String ACCOUNT_B = "AC" + "b".repeat(32);

    private static final String OAUTH_CLIENT = "OQ" + "c".repeat(32);

    private static final String SEND_FROM = "+15005550006";

    private static final String SEND_TO = "+15558675310";

    @RegisterExtension
    static final MockTwilioExtension twilio = new MockTwilioExtension();

    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() throws InterruptedException {
        this.threads.shutdownNow();
        assertThat(this.threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    private static TwilioClients clients(MockTwilioServer server, RepositoryTenants.Builder repository) {
        return new TwilioClients(
                new TwilioRestClientBuilder(RestClient.builder(), new TwilioRetryInterceptor(TwilioRetryPolicy.DEFAULT)),
                new TwilioEndpoints(server.baseUrl(), null, null), TwilioClient.DEFAULT_MAX_RESPONSE_SIZE,
                repository.build());
    }

    private static CredentialProvider basic(String accountSid, String authToken) {
        return new BasicCredentialProviderBuilder().setUsername(accountSid).setPassword(authToken).build();
    }

    private static TwilioTenant tenant(CredentialProvider credentials) {
        return TwilioTenant.builder().credentials(credentials).build();
    }

    private static void send(TwilioClient client) {
        client.messages().create(SEND_TO, SEND_FROM, "hello");
    }

    /** A repository of a map the test changes, counting the lookups of each name. */
    private static final class MapRepository implements TwilioTenantRepository {

        final Map<String, TwilioTenant> tenants = new ConcurrentHashMap<>();

        final Map<String, AtomicInteger> lookups = new ConcurrentHashMap<>();

        @Override
        public @Nullable TwilioTenant findByName(String name) {
            this.lookups.computeIfAbsent(name, (key) -> new AtomicInteger()).incrementAndGet();
            return this.tenants.get(name);
        }

        int lookups(String name) {
            AtomicInteger count = this.lookups.get(name);
            return (count != null) ? count.get() : 0;
        }
    }

    @Test
    void buildsARepositoryTenantsClientOnFirstUseAndReusesIt() {
        MockTwilioServer server = twilio.server().account(ACCOUNT_A, "token-a");
        MapRepository repository = new MapRepository();
        repository.tenants.put("acme", tenant(basic(ACCOUNT_A, "token-a")));
        TwilioClients clients = clients(server, RepositoryTenants.builder(repository));

        TwilioClient first = clients.get("acme");
        send(first);
        TwilioClient second = clients.get("acme");

        assertThat(second).isSameAs(first);
        assertThat(repository.lookups("acme")).isEqualTo(1);
        assertThat(server.requests()).singleElement()
            .satisfies((request) -> assertThat(request.principal()).isEqualTo(ACCOUNT_A));
        assertThat(clients.repositoryClients()).containsExactly(first);
    }

    @Test
    void registeredTenantIsServedBeforeTheRepository() {
        MockTwilioServer server = twilio.server();
        MapRepository repository = new MapRepository();
        repository.tenants.put("acme", tenant(basic(ACCOUNT_B, "token-b")));
        TwilioClients clients = clients(server, RepositoryTenants.builder(repository));
        TwilioClient registered = clients.register("acme", basic(ACCOUNT_A, "token-a"));

        assertThat(clients.get("acme")).isSameAs(registered);
        assertThat(repository.lookups("acme")).isZero();
    }

    @Test
    void unknownNameThrowsAndAsksTheRepositoryAgainNextTime() {
        MapRepository repository = new MapRepository();
        TwilioClients clients = clients(twilio.server(), RepositoryTenants.builder(repository));

        assertThatIllegalArgumentException().isThrownBy(() -> clients.get("nobody"))
            .withMessage("No Twilio tenant named 'nobody'; known tenants: [], and the TwilioTenantRepository found"
                    + " none of that name");
        assertThatIllegalArgumentException().isThrownBy(() -> clients.get("nobody"));
        assertThat(repository.lookups("nobody")).isEqualTo(2);
    }

    @Test
    void reservedNamesNeverReachTheRepository() {
        MapRepository repository = new MapRepository();
        repository.tenants.put("repository", tenant(basic(ACCOUNT_A, "token-a")));
        repository.tenants.put("default", tenant(basic(ACCOUNT_A, "token-a")));
        TwilioClients clients = clients(twilio.server(), RepositoryTenants.builder(repository));

        assertThatIllegalArgumentException().isThrownBy(() -> clients.get("repository"));
        assertThatIllegalArgumentException().isThrownBy(() -> clients.get("default"));
        assertThat(repository.lookups).isEmpty();
    }

    @Test
    void registeringAReservedNameFails() {
        TwilioClients clients = clients(twilio.server(), RepositoryTenants.builder(new MapRepository()));

        assertThatIllegalArgumentException().isThrownBy(() -> clients.register("repository", basic(ACCOUNT_A, "t")))
            .withMessageContaining("'repository' names the tenants of the TwilioTenantRepository");
        assertThatIllegalArgumentException().isThrownBy(() -> clients.register("default", basic(ACCOUNT_A, "t")))
            .withMessageContaining("'default' names the single client");
    }

    @Test
    void aRepositoryThatThrowsFailsTheCallerNamingTheTenantAndCachesNothing() {
        AtomicInteger lookups = new AtomicInteger();
        TwilioTenantRepository failing = (name) -> {
            if (lookups.incrementAndGet() == 1) {
                throw new IllegalStateException("database down");
            }
            return tenant(basic(ACCOUNT_A, "token-a"));
        };
        TwilioClients clients = clients(twilio.server(), RepositoryTenants.builder(failing));

        assertThatExceptionOfType(TwilioException.class).isThrownBy(() -> clients.get("acme"))
            .withMessageContaining("Twilio tenant 'acme'")
            .withRootCauseInstanceOf(IllegalStateException.class);
        assertThat(clients.repositoryClients()).isEmpty();
        assertThat(clients.get("acme")).isNotNull();
        assertThat(lookups).hasValue(2);
    }

    @Test
    void evictionReadsTheRepositoryAgainAndPicksUpAChangedSecret() {
        MockTwilioServer server = twilio.server().account(ACCOUNT_A, "rotated-token");
        MapRepository repository = new MapRepository();
        repository.tenants.put("acme", tenant(basic(ACCOUNT_A, "old-token")));
        TwilioClients clients = clients(server, RepositoryTenants.builder(repository));
        assertThatExceptionOfType(TwilioApiException.class).isThrownBy(() -> send(clients.get("acme")))
            .satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(401));

        repository.tenants.put("acme", tenant(basic(ACCOUNT_A, "rotated-token")));
        assertThat(clients.evict("acme")).isTrue();
        send(clients.get("acme"));

        assertThat(repository.lookups("acme")).isEqualTo(2);
        assertThat(server.messages()).singleElement()
            .satisfies((message) -> assertThat(message.accountSid()).isEqualTo(ACCOUNT_A));
        assertThat(clients.evict("acme")).isTrue();
        assertThat(clients.evict("acme")).isFalse();
    }

    @Test
    void aTenantUnusedForExpireAfterAccessIsReleasedAndLookedUpAgain() {
        FakeTicker ticker = new FakeTicker();
        AtomicInteger closed = new AtomicInteger();
        MapRepository repository = new MapRepository();
        repository.tenants.put("acme", tenant(basic(ACCOUNT_A, "token-a")));
        TwilioClients clients = clients(twilio.server(),
                RepositoryTenants.builder(repository)
                    .expireAfterAccess(Duration.ofMinutes(10))
                    .ticker(ticker::read)
                    .credentials((name, given, endpoints, tag) -> new RepositoryTenants.PreparedCredentials(given,
                            closed::incrementAndGet)));
        TwilioClient first = clients.get("acme");

        ticker.advance(Duration.ofMinutes(9));
        assertThat(clients.get("acme")).isSameAs(first);
        ticker.advance(Duration.ofMinutes(9));
        assertThat(clients.get("acme")).isSameAs(first);
        assertThat(closed).hasValue(0);

        ticker.advance(Duration.ofMinutes(11));
        TwilioClient second = clients.get("acme");

        assertThat(second).isNotSameAs(first);
        assertThat(repository.lookups("acme")).isEqualTo(2);
        assertThat(closed).hasValue(1);
        assertThat(first.isReleased()).isTrue();
    }

    @Test
    void theCacheHoldsAtMostMaximumSizeTenantsAndReleasesThoseItEvicts() {
        AtomicInteger closed = new AtomicInteger();
        MapRepository repository = new MapRepository();
        for (int i = 0; i < 50; i++) {
            repository.tenants.put("t" + i, tenant(basic(ACCOUNT_A, "token-a")));
        }
        TwilioClients clients = clients(twilio.server(),
                RepositoryTenants.builder(repository)
                    .maximumSize(10)
                    .credentials((name, given, endpoints, tag) -> new RepositoryTenants.PreparedCredentials(given,
                            closed::incrementAndGet)));

        for (int i = 0; i < 50; i++) {
            clients.get("t" + i);
        }

        assertThat(clients.repositoryClients()).hasSize(10);
        assertThat(closed).hasValue(40);
        clients.close();
        assertThat(closed).hasValue(50);
    }

    @Test
    void twoThreadsAskingForTheSameUncachedNameShareOneLookup() throws Exception {
        CountDownLatch lookupStarted = new CountDownLatch(1);
        CountDownLatch finishLookup = new CountDownLatch(1);
        AtomicInteger lookups = new AtomicInteger();
        TwilioTenantRepository slow = (name) -> {
            lookups.incrementAndGet();
            lookupStarted.countDown();
            awaitRelease(finishLookup);
            return tenant(basic(ACCOUNT_A, "token-a"));
        };
        TwilioClients clients = clients(twilio.server(), RepositoryTenants.builder(slow));

        Future<TwilioClient> first = this.threads.submit(() -> clients.get("acme"));
        assertThat(lookupStarted.await(10, TimeUnit.SECONDS)).isTrue();
        Thread[] secondThread = new Thread[1];
        Future<TwilioClient> second = this.threads.submit(() -> {
            secondThread[0] = Thread.currentThread();
            return clients.get("acme");
        });
        await().atMost(Duration.ofSeconds(10))
            .until(() -> secondThread[0] != null && secondThread[0].getState() == Thread.State.TIMED_WAITING);
        finishLookup.countDown();

        assertThat(second.get(10, TimeUnit.SECONDS)).isSameAs(first.get(10, TimeUnit.SECONDS));
        assertThat(lookups).hasValue(1);
    }

    @Test
    void aSlowRepositoryForOneNameDoesNotDelayOtherNames() throws Exception {
        CountDownLatch lookupStarted = new CountDownLatch(1);
        CountDownLatch finishLookup = new CountDownLatch(1);
        TwilioTenantRepository repository = (name) -> {
            if (name.equals("slow")) {
                lookupStarted.countDown();
                awaitRelease(finishLookup);
            }
            return tenant(basic(ACCOUNT_A, "token-a"));
        };
        TwilioClients clients = clients(twilio.server(), RepositoryTenants.builder(repository));

        Future<TwilioClient> slow = this.threads.submit(() -> clients.get("slow"));
        assertThat(lookupStarted.await(10, TimeUnit.SECONDS)).isTrue();
        Future<TwilioClient> fast = this.threads.submit(() -> clients.get("fast"));

        assertThat(fast.get(10, TimeUnit.SECONDS)).isNotNull();
        assertThat(slow).isNotDone();
        finishLookup.countDown();
        assertThat(slow.get(10, TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void evictingATenantNeverClosesATokenManagerItSharedWithAnotherTenant() {
        MockTwilioServer server = twilio.server().oauthApp(OAUTH_CLIENT, "secret-c", ACCOUNT_B);
        ApiTokenManager shared = new ApiTokenManager(TokenManagerOptions.builder()
            .clientId(OAUTH_CLIENT)
            .clientSecret("secret-c")
            .tokenUrl(server.tokenUrl())
            .build());
        try {
            CredentialProvider oauth = new ClientCredentialProviderBuilder().setTokenManager(shared).build();
            MapRepository repository = new MapRepository();
            repository.tenants.put("eu-brand", TwilioTenant.builder().accountSid(ACCOUNT_B).credentials(oauth).build());
            repository.tenants.put("us-brand", TwilioTenant.builder().accountSid(ACCOUNT_B).credentials(oauth).build());
            TwilioClients clients = clients(server, RepositoryTenants.builder(repository));
            send(clients.get("eu-brand"));
            send(clients.get("us-brand"));

            clients.evict("eu-brand");
            send(clients.get("us-brand"));
            clients.close();

            assertThat(shared.getToken()).isNotBlank();
            assertThat(server.tokenRequestCount()).isEqualTo(1);
            assertThat(server.requests()).hasSize(3).allSatisfy((request) -> {
                assertThat(request.authScheme()).isEqualTo("Bearer");
                assertThat(request.path()).startsWith("/2010-04-01/Accounts/" + ACCOUNT_B + "/");
            });
        }
        finally {
            shared.close();
        }
    }

    @Test
    void anEvictedTenantFinishesItsRunningCallTokenWaitIncludedBeforeWhatItOwnedIsClosed() throws Exception {
        MockTwilioServer server = twilio.server().oauthApp(OAUTH_CLIENT, "secret-c", ACCOUNT_B);
        AtomicInteger closed = new AtomicInteger();
        MapRepository repository = new MapRepository();
        repository.tenants.put("acme", TwilioTenant.builder()
            .accountSid(ACCOUNT_B)
            .credentials(new ClientCredentialProviderBuilder().setClientId(OAUTH_CLIENT).setClientSecret("secret-c").build())
            .build());
        TwilioClients clients = clients(server, RepositoryTenants.builder(repository)
            .credentials((name, given, endpoints, tag) -> {
                ApiTokenManager tokens = new ApiTokenManager(TokenManagerOptions.builder()
                    .clientId(OAUTH_CLIENT)
                    .clientSecret("secret-c")
                    .tokenUrl(endpoints.tokenUrl())
                    .build());
                return new RepositoryTenants.PreparedCredentials(
                        new ClientCredentialProviderBuilder().setTokenManager(tokens).build(), () -> {
                            closed.incrementAndGet();
                            tokens.close();
                        });
            }));
        TokenGate gate = server.holdTokenRequests();
        TwilioClient evicted = clients.get("acme");

        Future<?> running = this.threads.submit(() -> send(evicted));
        assertThat(gate.awaitWaiting(1, Duration.ofSeconds(10))).isTrue();
        assertThat(clients.evict("acme")).isTrue();
        assertThat(closed).hasValue(0);
        assertThat(evicted.isReleased()).isFalse();
        gate.release();
        running.get(10, TimeUnit.SECONDS);

        assertThat(closed).hasValue(1);
        assertThat(evicted.isReleased()).isTrue();
        assertThat(server.messages()).hasSize(1);
    }

    @Test
    void aCallOnAnEvictedClientGoesToTheTenantsCurrentClient() {
        MockTwilioServer server = twilio.server().account(ACCOUNT_A, "token-a");
        MapRepository repository = new MapRepository();
        repository.tenants.put("acme", tenant(basic(ACCOUNT_A, "token-a")));
        TwilioClients clients = clients(server, RepositoryTenants.builder(repository));
        TwilioClient evicted = clients.get("acme");
        clients.evict("acme");

        send(evicted);

        assertThat(evicted.isReleased()).isTrue();
        assertThat(repository.lookups("acme")).isEqualTo(2);
        assertThat(clients.repositoryClients()).singleElement().isNotSameAs(evicted);
        assertThat(server.messages()).hasSize(1);
    }

    @Test
    void aRemovedTenantFinishesItsRunningCallTokenWaitIncludedBeforeWhatItOwnedIsClosed() throws Exception {
        MockTwilioServer server = twilio.server().oauthApp(OAUTH_CLIENT, "secret-c", ACCOUNT_B);
        AtomicInteger closed = new AtomicInteger();
        TwilioClients clients = clients(server, RepositoryTenants.builder(new MapRepository()));
        TwilioEndpoints endpoints = new TwilioEndpoints(server.baseUrl(), null, null);
        ApiTokenManager tokens = new ApiTokenManager(TokenManagerOptions.builder()
            .clientId(OAUTH_CLIENT)
            .clientSecret("secret-c")
            .tokenUrl(server.tokenUrl())
            .build());
        TwilioClient removed = clients.register("acme",
                new TwilioAuthInterceptor(new ClientCredentialProviderBuilder().setTokenManager(tokens).build(),
                        endpoints.allowedHosts(List.of(), false)),
                endpoints, ACCOUNT_B, () -> {
                    closed.incrementAndGet();
                    tokens.close();
                });
        TokenGate gate = server.holdTokenRequests();
        Future<?> running = this.threads.submit(() -> send(removed));
        assertThat(gate.awaitWaiting(1, Duration.ofSeconds(10))).isTrue();

        assertThat(clients.remove("acme")).isTrue();
        assertThat(clients.tenants()).isEmpty();
        assertThat(closed).hasValue(0);
        gate.release();
        running.get(10, TimeUnit.SECONDS);

        assertThat(closed).hasValue(1);
        assertThat(server.messages()).hasSize(1);
        assertThatExceptionOfType(TwilioException.class).isThrownBy(() -> send(removed))
            .withMessageContaining("TwilioClients removed its tenant");
    }

    @Test
    void aRepositoryTenantCallsTheHostsOfItsRegionAndEdgeWithoutABaseUrl() {
        MapRepository repository = new MapRepository();
        repository.tenants.put("dublin",
                TwilioTenant.builder().credentials(basic(ACCOUNT_A, "token-a")).region("ie1").edge("dublin").build());
        TwilioClients clients = new TwilioClients(
                new TwilioRestClientBuilder(RestClient.builder(), new TwilioRetryInterceptor(TwilioRetryPolicy.DEFAULT)),
                new TwilioEndpoints(null, null, null), TwilioClient.DEFAULT_MAX_RESPONSE_SIZE,
                RepositoryTenants.builder(repository).build());

        TwilioClient client = clients.get("dublin");

        assertThat(client.getEndpoints()).isEqualTo(new TwilioEndpoints(null, "ie1", "dublin"));
        assertThat(client.getAccountSid()).isEqualTo(ACCOUNT_A);
    }

    @Test
    void tenantToStringShowsNoSecret() {
        TwilioTenant tenant = TwilioTenant.builder()
            .credentials(basic(ACCOUNT_A, "the-auth-token"))
            .webhookAuthTokens("the-webhook-token")
            .build();

        assertThat(tenant.toString()).doesNotContain("the-auth-token", "the-webhook-token");
    }

    @Test
    void tenantRejectsWhatNamesNoAccountOrHost() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> TwilioTenant.builder().accountSid("AC123").credentials(basic(ACCOUNT_A, "t")).build())
            .withMessageContaining("TwilioTenant.accountSid");
        assertThatIllegalArgumentException().isThrownBy(() -> TwilioTenant.builder().build())
            .withMessageContaining("TwilioTenant.credentials is required");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> TwilioTenant.builder().credentials(basic(ACCOUNT_A, "t")).region("xx9").build())
            .withMessageContaining("TwilioTenant.region");
    }

    private static void awaitRelease(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the lookup");
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
