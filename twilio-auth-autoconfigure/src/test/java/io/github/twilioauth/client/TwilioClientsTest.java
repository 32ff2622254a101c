package io.github.twilioauth.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.twilioauth.credential.BasicCredentialProviderBuilder;
import io.github.twilioauth.credential.ClientCredentialProviderBuilder;
import io.github.twilioauth.credential.CredentialProvider;
import io.github.twilioauth.credential.NoAuthCredentialProvider;
import io.github.twilioauth.TwilioRetryPolicy;
import io.github.twilioauth.http.TwilioAuthInterceptor;
import io.github.twilioauth.test.MockTwilioExtension;
import io.github.twilioauth.test.MockTwilioServer;
import io.github.twilioauth.token.ApiTokenManager;
import io.github.twilioauth.token.TokenManagerOptions;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TwilioClientsTest {

    private static final String ACCOUNT_A = "AC" + "a".repeat(32);

    private static final String ACCOUNT_B = "AC" + "b".repeat(32);

    @RegisterExtension
    static final MockTwilioExtension twilio = new MockTwilioExtension();

    private static TwilioClients clients(MockTwilioServer server) {
        return new TwilioClients(RestClient.create(), TwilioRetryPolicy.DEFAULT,
                new TwilioEndpoints(server.baseUrl(), null, null));
    }

    private static CredentialProvider basic(String accountSid, String authToken) {
        return new BasicCredentialProviderBuilder().setUsername(accountSid).setPassword(authToken).build();
    }

    @Test
    void registeredTenantSendsWithItsOwnCredentials() {
        MockTwilioServer server = twilio.server().account(ACCOUNT_A, "token-a").account(ACCOUNT_B, "token-b");
        TwilioClients clients = clients(server);
        clients.register("a", basic(ACCOUNT_A, "token-a"));
        clients.register("b", basic(ACCOUNT_B, "token-b"));

        clients.get("b").messages().create("+15558675310", "+15005550006", "to b");
        clients.get("a").messages().create("+15558675310", "+15005550006", "to a");

        assertThat(server.requests()).extracting((request) -> request.principal()).containsExactly(ACCOUNT_B,
                ACCOUNT_A);
    }

    @Test
    void basicCredentialsOfAnAccountNameTheTenantsAccount() {
        TwilioClients clients = clients(twilio.server());

        assertThat(clients.register("a", basic(ACCOUNT_A, "token-a")).getAccountSid()).isEqualTo(ACCOUNT_A);
    }

    @Test
    void registerWithAnAccountSidUsesThatAccount() {
        MockTwilioServer server = twilio.server().oauthApp("OQ" + "c".repeat(32), "secret-c", ACCOUNT_B);
        TwilioClients clients = clients(server);
        CredentialProvider oauth = new ClientCredentialProviderBuilder().setClientId("OQ" + "c".repeat(32))
            .setClientSecret("secret-c")
            .setTokenManager(new ApiTokenManager(TokenManagerOptions.builder()
                .clientId("OQ" + "c".repeat(32))
                .clientSecret("secret-c")
                .tokenUrl(server.tokenUrl())
                .build()))
            .build();

        clients.register("c", oauth, ACCOUNT_B).messages().create("+15558675310", "+15005550006", "bearer");

        assertThat(server.requests()).singleElement().satisfies((request) -> {
            assertThat(request.authScheme()).isEqualTo("Bearer");
            assertThat(request.path()).startsWith("/2010-04-01/Accounts/" + ACCOUNT_B + "/");
        });
    }

    @Test
    void removingATenantLeavesTheTokenManagerOfCredentialsTheCallerBuiltOpen() {
        MockTwilioServer server = twilio.server().oauthApp("OQ" + "c".repeat(32), "secret-c", ACCOUNT_B);
        TwilioClients clients = clients(server);
        ApiTokenManager shared = new ApiTokenManager(TokenManagerOptions.builder()
            .clientId("OQ" + "c".repeat(32))
            .clientSecret("secret-c")
            .tokenUrl(server.tokenUrl())
            .build());
        try {
            CredentialProvider oauth = new ClientCredentialProviderBuilder().setTokenManager(shared).build();
            clients.register("c", oauth, ACCOUNT_B);
            clients.register("d", oauth, ACCOUNT_B);

            assertThat(clients.remove("c")).isTrue();
            clients.close();

            assertThat(shared.getToken()).isNotBlank();
            assertThat(server.tokenRequestCount()).isEqualTo(1);
        }
        finally {
            shared.close();
        }
    }

    @Test
    void closesWhatWasHandedOverWithATenantWhenItIsRemovedOrTheSetCloses() {
        MockTwilioServer server = twilio.server();
        TwilioClients clients = clients(server);
        AtomicInteger removedClosed = new AtomicInteger();
        AtomicInteger keptClosed = new AtomicInteger();
        TwilioEndpoints endpoints = new TwilioEndpoints(server.baseUrl(), null, null);
        clients.register("removed", new TwilioAuthInterceptor(new NoAuthCredentialProvider()), endpoints, null,
                removedClosed::incrementAndGet);
        clients.register("kept", new TwilioAuthInterceptor(new NoAuthCredentialProvider()), endpoints, null,
                keptClosed::incrementAndGet);

        clients.remove("removed");
        assertThat(removedClosed).hasValue(1);
        assertThat(keptClosed).hasValue(0);

        clients.close();
        assertThat(removedClosed).hasValue(1);
        assertThat(keptClosed).hasValue(1);
    }

    @Test
    void rejectsANameInUseAndKeepsTheFirstClient() {
        TwilioClients clients = clients(twilio.server());
        TwilioClient first = clients.register("a", basic(ACCOUNT_A, "token-a"));

        assertThatExceptionOfType(IllegalStateException.class)
            .isThrownBy(() -> clients.register("a", new NoAuthCredentialProvider()))
            .withMessageContaining("'a' is registered already");
        assertThat(clients.get("a")).isSameAs(first);
    }

    @Test
    void unknownTenantIsRejectedWithTheKnownOnes() {
        TwilioClients clients = clients(twilio.server());
        clients.register("zeta", new NoAuthCredentialProvider());
        clients.register("alpha", new NoAuthCredentialProvider());

        assertThatIllegalArgumentException().isThrownBy(() -> clients.get("beta"))
            .withMessage("No Twilio tenant named 'beta'; known tenants: [alpha, zeta]");
    }

    @Test
    void blankNameIsRejected() {
        TwilioClients clients = clients(twilio.server());

        assertThatIllegalArgumentException().isThrownBy(() -> clients.register(" ", new NoAuthCredentialProvider()));
    }

    @Test
    void tenantsIsASortedSnapshot() {
        TwilioClients clients = clients(twilio.server());
        clients.register("b", new NoAuthCredentialProvider());
        Set<String> tenants = clients.tenants();
        clients.register("a", new NoAuthCredentialProvider());

        assertThat(tenants).containsExactly("b");
        assertThat(clients.tenants()).containsExactly("a", "b");
    }

    @Test
    void tenantsShareTheGivenRestClient() {
        MockTwilioServer server = twilio.server().account(ACCOUNT_A, "token-a").account(ACCOUNT_B, "token-b");
        AtomicInteger sharedRequests = new AtomicInteger();
        RestClient shared = RestClient.builder()
            .requestFactory(new JdkClientHttpRequestFactory())
            .requestInterceptor((request, body, execution) -> {
                sharedRequests.incrementAndGet();
                return execution.execute(request, body);
            })
            .build();
        TwilioClients clients = new TwilioClients(shared, TwilioRetryPolicy.DEFAULT,
                new TwilioEndpoints(server.baseUrl(), null, null));

        clients.register("a", basic(ACCOUNT_A, "token-a")).messages().create("+15558675310", "+15005550006", "a");
        clients.register("b", basic(ACCOUNT_B, "token-b")).messages().create("+15558675310", "+15005550006", "b");

        assertThat(sharedRequests).hasValue(2);
    }

    @Test
    void concurrentRegistrationsOfOneNameLeaveOneWinner() throws Exception {
        TwilioClients clients = clients(twilio.server());
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            List<Future<TwilioClient>> attempts = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                attempts.add(executor.submit(() -> {
                    start.await();
                    return clients.register("same", new NoAuthCredentialProvider());
                }));
            }
            start.countDown();
            List<TwilioClient> winners = new ArrayList<>();
            for (Future<TwilioClient> attempt : attempts) {
                try {
                    winners.add(attempt.get(10, TimeUnit.SECONDS));
                }
                catch (ExecutionException ex) {
                    assertThat(ex.getCause()).isInstanceOf(IllegalStateException.class);
                }
            }
            assertThat(winners).singleElement().isSameAs(clients.get("same"));
        }
        finally {
            executor.shutdownNow();
        }
    }
}
