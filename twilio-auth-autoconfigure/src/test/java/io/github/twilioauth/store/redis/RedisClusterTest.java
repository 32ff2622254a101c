package io.github.twilioauth.store.redis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.twilioauth.store.CircuitBreaker;
import io.github.twilioauth.store.DeliveryClaim;
import io.github.twilioauth.store.DeliveryKey;
import io.github.twilioauth.store.DeliveryRecord;
import io.github.twilioauth.store.RecordedResponse;
import io.github.twilioauth.test.MockTwilioServer;
import io.github.twilioauth.test.TokenGate;
import io.github.twilioauth.testsupport.LocalRedisCluster;
import io.github.twilioauth.testsupport.MockTwilioOAuthApp;
import io.github.twilioauth.token.ApiTokenManager;
import org.springframework.data.redis.connection.RedisClusterConfiguration;
import org.springframework.data.redis.connection.RedisClusterConnection;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token store and the webhook deliveries' store on a real Redis Cluster of three primaries,
 * through Spring Data Redis's Lettuce cluster connection, as an application configured with
 * {@code spring.data.redis.cluster.nodes} has it: the scripts that touch a client's token and its
 * lease run (the two keys share a hash slot), and instances share one token as on one Redis.
 */
class RedisClusterTest {

    private static final String ACCOUNT_SID = "AC" + "0".repeat(31) + "3";

    private static final String CLIENT_ID = "OQ" + "e".repeat(32);

    private static final String CLIENT_SECRET = "cluster-client-secret";

    private static final Duration AWAIT = Duration.ofSeconds(20);

    @RegisterExtension
    static final LocalRedisCluster cluster = new LocalRedisCluster();

    @RegisterExtension
    static final MockTwilioOAuthApp app = new MockTwilioOAuthApp(ACCOUNT_SID, CLIENT_ID, CLIENT_SECRET);

    private final MockTwilioServer server = app.server();

    private final List<AutoCloseable> closeables = new ArrayList<>();

    private LettuceConnectionFactory connectionFactory;

    private TokenStoreInstances instances;

    @BeforeEach
    void connect() {
        System.out.println("Runs on " + cluster.description());
        this.connectionFactory = new LettuceConnectionFactory(new RedisClusterConfiguration(cluster.nodes()),
                LettuceClientConfiguration.builder().commandTimeout(Duration.ofSeconds(5)).build());
        this.connectionFactory.afterPropertiesSet();
        this.connectionFactory.start();
        try (RedisClusterConnection connection = this.connectionFactory.getClusterConnection()) {
            // On a cluster connection, FLUSHALL goes to every primary.
            connection.serverCommands().flushAll();
        }
        this.instances = new TokenStoreInstances(this.connectionFactory, app);
    }

    @AfterEach
    void close() throws Exception {
        this.instances.close();
        for (AutoCloseable closeable : this.closeables) {
            closeable.close();
        }
        this.connectionFactory.destroy();
    }

    @Test
    void instancesStartingTogetherMakeOneTokenRequestAndARejectedTokenIsRenewedOnceForAll() throws Exception {
        List<ApiTokenManager> managers = this.instances.start(3);
        TokenGate gate = this.server.holdTokenRequests();
        List<CompletableFuture<String>> tokens = managers.stream()
            .map((manager) -> CompletableFuture.supplyAsync(manager::getToken))
            .toList();
        assertThat(gate.awaitWaiting(1, AWAIT)).isTrue();
        gate.release();
        assertThat(tokens).allSatisfy((token) -> assertThat(token).succeedsWithin(AWAIT)
            .isEqualTo(this.server.issuedTokens().get(0)));

        String rejected = this.server.issuedTokens().get(0);
        String renewed = managers.get(0).refreshToken(rejected);

        assertThat(managers.subList(1, 3))
            .allSatisfy((manager) -> assertThat(manager.refreshToken(rejected)).isEqualTo(renewed));
        assertThat(this.server.tokenRequestCount()).isEqualTo(2);
        assertThat(this.instances.stores()).allSatisfy((store) -> assertThat(store.state()).isEqualTo(CircuitBreaker.State.CLOSED));
    }

    @Test
    void aWebhookDeliveryCompletedOnOneInstanceIsFoundByAnother() throws Exception {
        DeliveryKey key = DeliveryKey.of(ACCOUNT_SID, "https://example.com/sms", "idempotency-token",
                "cluster-auth-token");
        byte[] signatureHash = DeliveryKey.signatureHash("cluster-signature");
        RecordedResponse response = new RecordedResponse(200, "application/xml;charset=UTF-8",
                "<Response/>".getBytes(StandardCharsets.UTF_8));
        RedisDeliveryStore first = deliveryStore("first");
        RedisDeliveryStore second = deliveryStore("second");

        DeliveryClaim claim = first.claim(key, signatureHash);
        assertThat(claim.acquire().join()).isNull();
        assertThat(second.claim(key, signatureHash).acquire().join()).isInstanceOf(DeliveryRecord.InProgress.class);
        claim.complete(response).join();

        DeliveryRecord found = second.claim(key, signatureHash).acquire().join();
        assertThat(found).isInstanceOf(DeliveryRecord.Completed.class);
        assertThat(((DeliveryRecord.Completed) found).response()).isEqualTo(response);
    }

    private RedisDeliveryStore deliveryStore(String instance) {
        RedisCommandExecutor executor = new RedisCommandExecutor(this.connectionFactory, Duration.ofSeconds(2),
                new CircuitBreaker(3, Duration.ofSeconds(1), System::nanoTime), instance + "-redis", 2);
        executor.connect();
        RedisDeliveryStore store = new RedisDeliveryStore(executor, "twilio:webhook:", null, Duration.ofMinutes(10),
                Duration.ofSeconds(30));
        this.closeables.add(store);
        return store;
    }
}
