package io.github.twilioauth.store.redis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
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
import io.github.twilioauth.store.StoreCipher;
import io.github.twilioauth.testsupport.LocalRedis;
import io.github.twilioauth.testsupport.RedisContents;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;

class RedisDeliveryStoreTest {

    @RegisterExtension
    static final LocalRedis redis = new LocalRedis();

    private static final String ACCOUNT_SID = "AC" + "1".repeat(32);

    private static final String AUTH_TOKEN = "XSECRETX-auth-token";

    private static final String SIGNATURE = "XSIGNATUREX";

    private static final byte[] SIGNATURE_HASH = DeliveryKey.signatureHash(SIGNATURE);

    private static final Duration WINDOW = Duration.ofMinutes(10);

    private static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(30);

    private static final RecordedResponse RESPONSE = new RecordedResponse(200, "application/xml;charset=UTF-8",
            "<Response><Message>XBODYX</Message></Response>".getBytes(StandardCharsets.UTF_8));

    private final LettuceConnectionFactory connectionFactory = RedisContents.connectionFactory(redis);

    private RedisDeliveryStore store;

    @BeforeEach
    void createStore() {
        RedisContents.flush(this.connectionFactory);
        this.store = store(null);
    }

    @AfterEach
    void close() throws Exception {
        this.store.close();
        if (!redis.isRunning()) {
            redis.start();
        }
        this.connectionFactory.destroy();
    }

    @Test
    void theFirstClaimSetsTheKeyForTheClaimTimeoutAndTheNextFindsItInProgress() {
        assertThat(claim(key("token")).acquire().join()).isNull();

        DeliveryRecord found = claim(key("token")).acquire().join();

        assertThat(found).isInstanceOf(DeliveryRecord.InProgress.class);
        assertThat(found.isFor(SIGNATURE_HASH)).isTrue();
        assertThat(timeToLive(onlyKey())).isBetween(CLAIM_TIMEOUT.minusSeconds(5), CLAIM_TIMEOUT);
    }

    @Test
    void aCompletedDeliveryIsFoundWithItsResponseForTheWindow() {
        DeliveryClaim first = claim(key("token"));
        first.acquire().join();
        first.complete(RESPONSE).join();

        DeliveryRecord found = claim(key("token")).acquire().join();

        assertThat(found).isInstanceOf(DeliveryRecord.Completed.class);
        assertThat(((DeliveryRecord.Completed) found).response()).isEqualTo(RESPONSE);
        assertThat(timeToLive(onlyKey())).isBetween(WINDOW.minusSeconds(5), WINDOW);
    }

    @Test
    void aReleasedClaimIsDeletedSoThatTheNextClaimHoldsTheDelivery() {
        DeliveryClaim first = claim(key("token"));
        first.acquire().join();
        first.release().join();

        assertThat(RedisContents.everything(this.connectionFactory)).isEmpty();
        assertThat(claim(key("token")).acquire().join()).isNull();
    }

    @Test
    void aClaimThatLostItsKeyToAnotherChangesNothingWhenItEnds() {
        DeliveryClaim first = claim(key("token"));
        first.acquire().join();
        try (RedisConnection connection = this.connectionFactory.getConnection()) {
            connection.keyCommands().del(onlyKey().getBytes(StandardCharsets.UTF_8));
        }
        DeliveryClaim second = claim(key("token"));
        second.acquire().join();
        Map<String, byte[]> secondClaim = RedisContents.everything(this.connectionFactory);

        first.complete(RESPONSE).join();
        first.release().join();

        assertThat(RedisContents.everything(this.connectionFactory)).containsOnlyKeys(secondClaim.keySet())
            .allSatisfy((name, value) -> assertThat(value).isEqualTo(secondClaim.get(name)));
    }

    @Test
    void aWaiterGetsTheResponseOnceTheClaimCompletesOnAnotherInstance() {
        DeliveryClaim first = claim(key("token"));
        first.acquire().join();
        RedisDeliveryStore otherInstance = store(null);
        CompletableFuture<DeliveryRecord> waiting = otherInstance.awaitCompletion(key("token"), Duration.ofSeconds(10));
        assertThat(waiting).isNotDone();

        first.complete(RESPONSE).join();

        assertThat(waiting).succeedsWithin(Duration.ofSeconds(5))
            .isInstanceOfSatisfying(DeliveryRecord.Completed.class,
                    (completed) -> assertThat(completed.response()).isEqualTo(RESPONSE));
        otherInstance.close();
    }

    @Test
    void aWaiterGetsTheRecordInProgressAtItsTimeout() {
        claim(key("token")).acquire().join();

        assertThat(this.store.awaitCompletion(key("token"), Duration.ofMillis(100)))
            .succeedsWithin(Duration.ofSeconds(5))
            .isInstanceOf(DeliveryRecord.InProgress.class);
    }

    @Test
    void aValueTamperedWithIsTakenAsAbsentAndTheClaimTakesItsPlace() {
        DeliveryClaim first = claim(key("token"));
        first.acquire().join();
        first.complete(RESPONSE).join();
        String name = onlyKey();
        byte[] tampered = RedisContents.everything(this.connectionFactory).get(name);
        tampered[tampered.length - 1] ^= 1;
        RedisContents.replace(this.connectionFactory, name, tampered);

        assertThat(this.store.awaitCompletion(key("token"), Duration.ZERO).join()).isNull();
        assertThat(claim(key("token")).acquire().join()).isNull();
        assertThat(claim(key("token")).acquire().join()).isInstanceOf(DeliveryRecord.InProgress.class);
    }

    @Test
    void aValueCopiedUnderAnotherDeliverysKeyDoesNotDecrypt() {
        DeliveryClaim first = claim(key("token"));
        first.acquire().join();
        first.complete(RESPONSE).join();
        byte[] value = RedisContents.everything(this.connectionFactory).get(onlyKey());
        DeliveryClaim other = claim(key("other-token"));
        other.acquire().join();
        String otherName = RedisContents.everything(this.connectionFactory).keySet().stream()
            .filter((name) -> !name.equals(onlyKeyOf(key("token"))))
            .findFirst()
            .orElseThrow();

        RedisContents.replace(this.connectionFactory, otherName, value);

        assertThat(this.store.awaitCompletion(key("other-token"), Duration.ZERO).join()).isNull();
    }

    @Test
    void keysCarryTheFingerprintOfTheKeyDerivedFromTheAuthTokenOrOfTheConfiguredKey() {
        claim(key("token")).acquire().join();
        claim(DeliveryKey.of(ACCOUNT_SID, "https://example.com/sms", "token", "another-auth-token")).acquire().join();
        String configured = Base64.getEncoder().encodeToString(new byte[32]);
        RedisDeliveryStore configuredStore = store(StoreCipher.fromBase64Key(configured, RedisDeliveryStore.PURPOSE));
        configuredStore.claim(key("token"), SIGNATURE_HASH).acquire().join();
        configuredStore.close();

        assertThat(RedisContents.everything(this.connectionFactory)).containsOnlyKeys(
                name(derived(AUTH_TOKEN), key("token")), name(derived("another-auth-token"), key("token")),
                name(StoreCipher.fromBase64Key(configured, RedisDeliveryStore.PURPOSE), key("token")));
    }

    @Test
    void redisHoldsNoResponseSignatureOrSecretInTheClear() {
        DeliveryClaim first = claim(key("token"));
        first.acquire().join();
        first.complete(RESPONSE).join();
        claim(key("in-progress")).acquire().join();

        Map<String, byte[]> everything = RedisContents.everything(this.connectionFactory);

        assertThat(everything).hasSize(2).allSatisfy((name, value) -> {
            String text = name + new String(value, StandardCharsets.ISO_8859_1);
            assertThat(text).doesNotContain("XBODYX", "XSECRETX", "XSIGNATUREX", "token", ACCOUNT_SID, "example.com");
        });
    }

    @Test
    void aStoppedRedisFailsEachOperationWithinTheTimeout() throws Exception {
        claim(key("token")).acquire().join();
        redis.stop();

        assertThat(claim(key("token")).acquire()).failsWithin(Duration.ofSeconds(10));
        assertThat(this.store.awaitCompletion(key("token"), Duration.ofSeconds(1))).failsWithin(Duration.ofSeconds(10));
    }

    private RedisDeliveryStore store(StoreCipher cipher) {
        RedisCommandExecutor executor = new RedisCommandExecutor(this.connectionFactory, Duration.ofSeconds(2),
                new CircuitBreaker(100, Duration.ofSeconds(1), System::nanoTime), "delivery-store-test", 2);
        executor.connect();
        return new RedisDeliveryStore(executor, "twilio:webhook:", cipher, WINDOW, CLAIM_TIMEOUT);
    }

    private DeliveryClaim claim(DeliveryKey key) {
        return this.store.claim(key, SIGNATURE_HASH);
    }

    private static DeliveryKey key(String idempotencyToken) {
        return DeliveryKey.of(ACCOUNT_SID, "https://example.com/sms", idempotencyToken, AUTH_TOKEN);
    }

    private static String name(StoreCipher cipher, DeliveryKey key) {
        return "twilio:webhook:" + cipher.fingerprint() + ":" + key.id();
    }

    private static StoreCipher derived(String authToken) {
        return StoreCipher.derive(authToken.getBytes(StandardCharsets.UTF_8), RedisDeliveryStore.PURPOSE);
    }

    private static String onlyKeyOf(DeliveryKey key) {
        return name(derived(AUTH_TOKEN), key);
    }

    private String onlyKey() {
        assertThat(RedisContents.everything(this.connectionFactory)).hasSize(1);
        return RedisContents.everything(this.connectionFactory).keySet().iterator().next();
    }

    private Duration timeToLive(String name) {
        try (RedisConnection connection = this.connectionFactory.getConnection()) {
            return Duration.ofMillis(connection.keyCommands().pTtl(name.getBytes(StandardCharsets.UTF_8)));
        }
    }
}
