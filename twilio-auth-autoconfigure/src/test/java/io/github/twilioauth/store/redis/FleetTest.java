package io.github.twilioauth.store.redis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.twilioauth.test.MockTwilioServer;
import io.github.twilioauth.testsupport.LocalRedis;
import io.github.twilioauth.testsupport.RedisContents;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A fleet: {@value #INSTANCES} instances of an application, each a JVM of its own
 * ({@link FleetInstance}) with {@value #TENANTS} tenants, sharing one real Redis and one token
 * endpoint on loopback that counts token requests. One token request per tenant at the cold start
 * and per renewal round for the whole fleet; no token in the clear in Redis; Redis stopped in the
 * middle of the run and started again: no call fails, and sharing resumes; a 401 in every
 * instance costs one token request. Heavy (several JVMs, about a minute): tagged {@code fleet},
 * run in CI's first leg only.
 */
@Tag("fleet")
class FleetTest {

    private static final int INSTANCES = 4;

    private static final int TENANTS = 20;

    /** Usable 12.5 s of 15 (a margin of a tenth and a second), so a renewal round every 9 to 10 s. */
    private static final Duration TOKEN_LIFETIME = Duration.ofSeconds(15);

    private static final Duration ROUND = Duration.ofSeconds(40);

    @RegisterExtension
    static final LocalRedis redis = new LocalRedis();

    private final MockTwilioServer server = new MockTwilioServer().start();

    private final List<FleetProcess> instances = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (FleetProcess instance : this.instances) {
            instance.close();
        }
        if (!redis.isRunning()) {
            redis.start();
        }
        this.server.close();
    }

    @Test
    void aFleetMakesOneTokenRequestPerTenantAndRoundWhateverRedisDoes() throws Exception {
        for (int i = 0; i < TENANTS; i++) {
            this.server.oauthApp(clientId(i), "secret-" + i, String.format("AC%032d", i));
        }
        this.server.tokenLifetime(TOKEN_LIFETIME);
        for (int i = 0; i < INSTANCES; i++) {
            this.instances.add(new FleetProcess(i, redis.port(), this.server.tokenUrl(), TENANTS));
        }

        // Cold start: one token request per tenant for the fleet.
        Map<Integer, String> coldStart = awaitRound(Map.of());
        assertRequestsPerTenant(1);
        assertNoTokenInTheClear();

        // Renewal ahead of expiry: one more per tenant.
        Map<Integer, String> renewed = awaitRound(coldStart);
        assertRequestsPerTenant(2);
        assertNoTokenInTheClear();

        // Redis away during a round: each instance renews on its own, and no call fails.
        int beforeOutage = this.server.tokenRequestCount();
        redis.stop();
        awaitEveryInstanceRenewed();
        assertThat(failures()).isEmpty();
        redis.start();
        System.out.println("FleetTest: " + (this.server.tokenRequestCount() - beforeOutage)
                + " token requests in the round without Redis (" + INSTANCES * TENANTS + " at most)");

        // Redis back: once the instances agree again, every round costs one request per tenant again.
        Map<Integer, String> shared = awaitRound(renewed);
        int before = this.server.tokenRequestCount();
        awaitRound(shared);
        assertThat(this.server.tokenRequestCount()).isEqualTo(before + TENANTS);

        // A 401 with the same token in every instance: one token request for the fleet.
        int beforeRejection = this.server.tokenRequestCount();
        String rejected = agreedToken(0);
        this.instances.forEach((instance) -> instance.send("reject 0"));
        await().atMost(ROUND).until(() -> agreedToken(0) != null && !agreedToken(0).equals(rejected));
        assertThat(this.server.tokenRequestCount()).isEqualTo(beforeRejection + 1);

        assertThat(failures()).isEmpty();
    }

    /**
     * Waits until every instance holds, for every tenant, the same token, other than the one
     * given for it.
     * @return the tokens' hashes by tenant
     */
    private Map<Integer, String> awaitRound(Map<Integer, String> previous) {
        await().atMost(ROUND).pollInterval(Duration.ofMillis(50)).until(() -> {
            for (int tenant = 0; tenant < TENANTS; tenant++) {
                String token = agreedToken(tenant);
                if (token == null || token.equals(previous.get(tenant))) {
                    return false;
                }
            }
            return true;
        });
        Map<Integer, String> tokens = new HashMap<>();
        for (int tenant = 0; tenant < TENANTS; tenant++) {
            tokens.put(tenant, agreedToken(tenant));
        }
        return tokens;
    }

    /** Waits until every instance has a new token for every tenant, shared or not. */
    private void awaitEveryInstanceRenewed() {
        List<Map<Integer, String>> before = this.instances.stream().map(FleetProcess::tokens)
            .toList();
        await().atMost(ROUND).pollInterval(Duration.ofMillis(50)).until(() -> {
            for (int i = 0; i < INSTANCES; i++) {
                for (int tenant = 0; tenant < TENANTS; tenant++) {
                    if (before.get(i).get(tenant).equals(this.instances.get(i).token(tenant))) {
                        return false;
                    }
                }
            }
            return true;
        });
    }

    /** The hash of the token every instance holds for a tenant, or {@code null} while they differ. */
    private String agreedToken(int tenant) {
        String agreed = null;
        for (FleetProcess instance : this.instances) {
            String token = instance.token(tenant);
            if (token == null || (agreed != null && !agreed.equals(token))) {
                return null;
            }
            agreed = token;
        }
        return agreed;
    }

    private void assertRequestsPerTenant(int count) {
        Map<String, Long> requests = this.server.tokenRequests().stream()
            .collect(Collectors.groupingBy((request) -> request.form().get("client_id"), Collectors.counting()));
        assertThat(requests).hasSize(TENANTS).allSatisfy((clientId, made) -> assertThat(made).isEqualTo(count));
    }

    /** Every key and value in Redis, scanned for every token issued so far and its signature. */
    private void assertNoTokenInTheClear() {
        LettuceConnectionFactory connectionFactory = RedisContents.connectionFactory(redis);
        try {
            Map<String, byte[]> everything = RedisContents.everything(connectionFactory);
            assertThat(everything).isNotEmpty();
            List<String> tokens = this.server.issuedTokens();
            assertThat(everything).allSatisfy((name, value) -> {
                String text = name + new String(value, StandardCharsets.ISO_8859_1);
                for (String token : tokens) {
                    assertThat(text).doesNotContain(token).doesNotContain(token.substring(token.lastIndexOf('.') + 1));
                }
            });
        }
        finally {
            connectionFactory.destroy();
        }
    }

    private List<String> failures() {
        return this.instances.stream().flatMap((instance) -> instance.failures().stream()).toList();
    }

    private static String clientId(int tenant) {
        return String.format("OQ%032d", tenant);
    }
}
