package io.github.twilioauth.store.redis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.twilioauth.store.CircuitBreaker;
import io.github.twilioauth.test.MockTwilioServer;
import io.github.twilioauth.test.TokenGate;
import io.github.twilioauth.testsupport.LocalRedis;
import io.github.twilioauth.testsupport.MockTwilioOAuthApp;
import io.github.twilioauth.testsupport.RedisContents;
import io.github.twilioauth.token.ApiTokenManager;
import io.github.twilioauth.token.TokenManagerSettings;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Built-in token managers of several instances of an application sharing their tokens through a
 * real Redis and one token endpoint on loopback: one token request for all of them at a cold
 * start, per renewal and per rejection, none of them failing while Redis is away. Each instance
 * is a {@link RedisTokenStore} and a token manager of its own, with an executor of its own.
 */
class SharedTokensTest {

    private static final String ACCOUNT_SID = "AC" + "0".repeat(31) + "2";

    private static final String CLIENT_ID = "OQ" + "d".repeat(32);

    private static final String CLIENT_SECRET = "shared-client-secret";

    private static final int INSTANCES = 4;

    private static final Duration AWAIT = Duration.ofSeconds(20);

    @RegisterExtension
    static final LocalRedis redis = new LocalRedis();

    @RegisterExtension
    static final MockTwilioOAuthApp app = new MockTwilioOAuthApp(ACCOUNT_SID, CLIENT_ID, CLIENT_SECRET);

    private final MockTwilioServer server = app.server();

    private final LettuceConnectionFactory connectionFactory = RedisContents.connectionFactory(redis);

    private final TokenStoreInstances instances = new TokenStoreInstances(this.connectionFactory, app);

    @BeforeEach
    void flush() {
        RedisContents.flush(this.connectionFactory);
    }

    @AfterEach
    void close() throws Exception {
        this.instances.close();
        if (!redis.isRunning()) {
            redis.start();
        }
        this.connectionFactory.destroy();
    }

    @Test
    void instancesStartingTogetherMakeOneTokenRequest() throws Exception {
        List<ApiTokenManager> managers = this.instances.start(INSTANCES);
        TokenGate gate = this.server.holdTokenRequests();
        List<CompletableFuture<String>> tokens = managers.stream()
            .map((manager) -> CompletableFuture.supplyAsync(manager::getToken))
            .toList();
        assertThat(gate.awaitWaiting(1, AWAIT)).isTrue();

        gate.release();

        assertThat(tokens).allSatisfy((token) -> assertThat(token).succeedsWithin(AWAIT)
            .isEqualTo(this.server.issuedTokens().get(0)));
        assertThat(this.server.tokenRequestCount()).isEqualTo(1);
    }

    @Test
    void theRenewalAheadOfExpiryIsMadeOnceForAllInstances() {
        // Usable 8 s of 10 (a margin of a tenth and a second), renewed after about 6 s.
        this.server.tokenLifetime(Duration.ofSeconds(10));
        List<ApiTokenManager> managers = this.instances.start(INSTANCES);
        String first = managers.get(0).getToken();
        assertThat(managers).allSatisfy((manager) -> assertThat(manager.getToken()).isEqualTo(first));

        await().atMost(AWAIT).until(() -> managers.stream()
            .map(ApiTokenManager::getToken)
            .allMatch((token) -> !token.equals(first)));

        assertThat(this.server.tokenRequestCount()).isEqualTo(2);
        assertThat(managers).allSatisfy(
                (manager) -> assertThat(manager.getToken()).isEqualTo(this.server.issuedTokens().get(1)));
    }

    @Test
    void aTokenTwilioRejectsCostsOneTokenRequestForAllInstances() {
        List<ApiTokenManager> managers = this.instances.start(INSTANCES);
        String rejected = managers.get(0).getToken();
        managers.forEach(ApiTokenManager::getToken);

        String renewed = managers.get(0).refreshToken(rejected);

        assertThat(renewed).isNotEqualTo(rejected);
        assertThat(managers.subList(1, INSTANCES))
            .allSatisfy((manager) -> assertThat(manager.refreshToken(rejected)).isEqualTo(renewed));
        assertThat(this.server.tokenRequestCount()).isEqualTo(2);
    }

    @Test
    void afterClearTokenAnInstanceTakesOnlyATokenRequestedSince() {
        List<ApiTokenManager> managers = this.instances.start(2);
        String before = managers.get(0).getToken();
        assertThat(managers.get(1).getToken()).isEqualTo(before);

        managers.get(1).clearToken();
        String after = managers.get(1).getToken();

        assertThat(after).isNotEqualTo(before);
        assertThat(managers.get(0).getToken()).isEqualTo(before);
        assertThat(this.server.tokenRequestCount()).isEqualTo(2);
    }

    @Test
    void instancesClearedTogetherShareTheTokenRequestedAfterward() {
        List<ApiTokenManager> managers = this.instances.start(2);
        String before = managers.get(0).getToken();
        assertThat(managers.get(1).getToken()).isEqualTo(before);

        // An instance counts a token as requested when it arrived, less the Redis round trips that
        // bring it the token's age, so a token requested a few milliseconds after its clearToken()
        // may count as older; a realistic token latency keeps this test clear of that margin.
        this.server.tokenLatency(Duration.ofMillis(200));
        managers.forEach(ApiTokenManager::clearToken);
        String after = managers.get(0).getToken();

        assertThat(after).isNotEqualTo(before);
        assertThat(managers.get(1).getToken()).isEqualTo(after);
        assertThat(this.server.tokenRequestCount()).isEqualTo(2);
    }

    @Test
    void redisHoldsTheTokenOnlyEncrypted() {
        String token = this.instances.start(1).get(0).getToken();

        await().atMost(AWAIT).until(() -> !RedisContents.everything(this.connectionFactory).isEmpty());
        assertThat(RedisContents.everything(this.connectionFactory)).allSatisfy((name, value) -> {
            String text = name + new String(value, StandardCharsets.ISO_8859_1);
            assertThat(text).doesNotContain(token, token.substring(token.lastIndexOf('.') + 1), CLIENT_ID,
                    CLIENT_SECRET);
        });
    }

    @Test
    void whileRedisIsAwayEachInstanceRequestsItsOwnTokenAndSharingResumesOnceItIsBack() throws Exception {
        List<ApiTokenManager> managers = this.instances.start(2);
        redis.stop();

        assertThat(managers.get(0).getToken()).isNotEqualTo(managers.get(1).getToken());
        assertThat(this.server.tokenRequestCount()).isEqualTo(2);

        redis.start();
        // The breaker of each store lets a probe through once it has been open a while.
        await().atMost(AWAIT).until(() -> this.instances.stores().stream().allMatch((store) -> {
            store.slot("api", app.options().build(), TokenManagerSettings.builder().build())
                .claim((token) -> false, Duration.ZERO, (wait) -> false);
            return store.state() == CircuitBreaker.State.CLOSED;
        }));
        RedisContents.flush(this.connectionFactory);
        this.server.tokenLatency(Duration.ofMillis(200));
        managers.forEach(ApiTokenManager::clearToken);
        String shared = managers.get(0).getToken();

        assertThat(managers.get(1).getToken()).isEqualTo(shared);
        assertThat(this.server.tokenRequestCount()).isEqualTo(3);
    }

    @Test
    void claimsAreObservedByResultAndLease() throws Exception {
        List<SimpleMeterRegistry> meters = List.of(new SimpleMeterRegistry(), new SimpleMeterRegistry());
        List<ApiTokenManager> managers = this.instances.start(meters);
        RedisContents.resetStatistics(this.connectionFactory);
        TokenGate gate = this.server.holdTokenRequests();
        CompletableFuture<String> first = CompletableFuture.supplyAsync(managers.get(0)::getToken);
        assertThat(gate.awaitWaiting(1, AWAIT)).isTrue();
        CompletableFuture<String> second = CompletableFuture.supplyAsync(managers.get(1)::getToken);
        // The second claim found the lease of the first: its script ran too.
        await().atMost(AWAIT).until(() -> RedisContents.scriptsRun(this.connectionFactory) >= 2);
        gate.release();
        assertThat(second).succeedsWithin(AWAIT).isEqualTo(first.join());
        redis.stop();
        managers.get(0).clearToken();
        managers.get(0).getToken();

        assertThat(claims(meters.get(0), "miss", "won")).isOne();
        assertThat(claims(meters.get(1), "hit", "lost")).isOne();
        assertThat(claims(meters.get(0), "fallback", "none")).isOne();
        assertThat(meters).allSatisfy((registry) -> assertThat(registry.find("twilio.auth.token.store").timers())
            .allSatisfy((timer) -> assertThat(timer.getId().getTags()).extracting(Tag::getKey)
                .containsExactlyInAnyOrder("twilio.tenant", "twilio.auth.token.type", "trigger", "result", "lease",
                        "error")));
    }

    private static long claims(SimpleMeterRegistry meters, String result, String lease) {
        Timer timer = meters.find("twilio.auth.token.store")
            .tags("twilio.tenant", "default", "twilio.auth.token.type", "api", "trigger", "initial", "result", result,
                    "lease", lease)
            .timer();
        return (timer != null) ? timer.count() : 0;
    }
}
