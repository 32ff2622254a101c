package io.github.twilioauth.store.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.twilioauth.store.CircuitBreaker;
import io.github.twilioauth.store.StoreCipher;
import io.github.twilioauth.testsupport.FakeTicker;
import io.github.twilioauth.testsupport.LocalRedis;
import io.github.twilioauth.testsupport.RedisContents;
import io.github.twilioauth.token.SharedToken;
import io.github.twilioauth.token.TokenManagerOptions;
import io.github.twilioauth.token.TokenManagerSettings;
import io.github.twilioauth.token.TokenStore;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Redis token store against a real Redis: leases, publishing, waiting for another instance,
 * encryption at rest, and a Redis that fails. Each store stands for one instance of an application.
 */
class RedisTokenStoreTest {

    @RegisterExtension
    static final LocalRedis redis = new LocalRedis();

    private static final String CLIENT_ID = "OQ" + "c".repeat(32);

    private static final String CLIENT_SECRET = "XSECRETX-client-secret";

    private static final String TOKEN_URL = "https://oauth.twilio.com/v2/token";

    private static final String PREFIX = "twilio:token:";

    private static final Duration HOUR = Duration.ofHours(1);

    /** The lease of one token request with the settings below: connect and read timeouts and a second. */
    private static final Duration LEASE = Duration.ofSeconds(3);

    private static final Duration AWAIT = Duration.ofSeconds(10);

    private final LettuceConnectionFactory connectionFactory = RedisContents.connectionFactory(redis);

    private final FakeTicker ticker = new FakeTicker();

    private final List<RedisTokenStore> stores = new ArrayList<>();

    @BeforeEach
    void flush() {
        RedisContents.flush(this.connectionFactory);
        RedisContents.resetStatistics(this.connectionFactory);
    }

    @AfterEach
    void close() throws Exception {
        this.stores.forEach(RedisTokenStore::close);
        if (!redis.isRunning()) {
            redis.start();
        }
        this.connectionFactory.destroy();
    }

    @Test
    void aClaimOfAnEmptySlotTakesTheLeaseForOneTokenRequest() {
        TokenStore.Claim claim = claim(slot(CLIENT_SECRET), (token) -> true);

        assertThat(claim.leased()).isTrue();
        assertThat(claim.token()).isNull();
        assertThat(claim.waited()).isFalse();
        assertThat(RedisContents.everything(this.connectionFactory)).containsOnlyKeys(leaseName(CLIENT_SECRET));
        assertThat(timeToLive(leaseName(CLIENT_SECRET))).isBetween(LEASE.minusSeconds(1), LEASE);
    }

    @Test
    void aPublishedTokenIsTakenByAnotherInstanceUntilItStopsBeingUsable() {
        TokenStore.Claim claim = claim(slot(CLIENT_SECRET), (token) -> true);
        claim.publish(token("XTOKENX-1", HOUR, HOUR));
        await().atMost(AWAIT).until(() -> !RedisContents.everything(this.connectionFactory)
            .containsKey(leaseName(CLIENT_SECRET)));

        TokenStore.Claim other = claim(slot(CLIENT_SECRET), (token) -> true);

        assertThat(other.leased()).isFalse();
        assertThat(other.token()).isNotNull().satisfies((token) -> {
            assertThat(token.value()).isEqualTo("XTOKENX-1");
            assertThat(token.usableLife()).isEqualTo(HOUR.toNanos());
            assertThat(token.usableUntil() - this.ticker.read()).isBetween(HOUR.minusSeconds(5).toNanos(),
                    HOUR.toNanos());
        });
        assertThat(timeToLive(tokenName(CLIENT_SECRET))).isBetween(HOUR.minusSeconds(5), HOUR);
    }

    @Test
    void aClaimWaitsForTheLeaseOfAnotherInstanceAndTakesTheTokenItPublishes() {
        TokenStore.Claim holder = claim(slot(CLIENT_SECRET), (token) -> true);
        CompletableFuture<TokenStore.Claim> waiting = claimWaitingForTheLease();
        assertThat(waiting).isNotDone();

        holder.publish(token("XTOKENX-1", HOUR, HOUR));

        assertThat(waiting).succeedsWithin(AWAIT).satisfies((claim) -> {
            assertThat(claim.token()).extracting(SharedToken::value).isEqualTo("XTOKENX-1");
            assertThat(claim.waited()).isTrue();
            assertThat(claim.leased()).isFalse();
        });
    }

    @Test
    void aClaimTakesTheLeaseOnceAnotherInstanceReleasedItWithoutAToken() {
        TokenStore.Claim holder = claim(slot(CLIENT_SECRET), (token) -> true);
        CompletableFuture<TokenStore.Claim> waiting = claimWaitingForTheLease();

        holder.release();

        assertThat(waiting).succeedsWithin(AWAIT).satisfies((claim) -> {
            assertThat(claim.leased()).isTrue();
            assertThat(claim.waited()).isTrue();
        });
    }

    @Test
    void aClaimEndsWithNeitherTokenNorLeaseAtItsLongestWait() {
        claim(slot(CLIENT_SECRET), (token) -> true);

        long start = System.nanoTime();
        TokenStore.Claim claim = slot(CLIENT_SECRET).claim((token) -> true, Duration.ofMillis(300),
                RedisTokenStoreTest::pause);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(300), LEASE);
        assertThat(claim.token()).isNull();
        assertThat(claim.leased()).isFalse();
        assertThat(claim.waited()).isTrue();
    }

    @Test
    void aClaimWhoseTokenIsNoLongerWantedEndsAtItsFirstPause() {
        claim(slot(CLIENT_SECRET), (token) -> true);

        TokenStore.Claim claim = slot(CLIENT_SECRET).claim((token) -> true, AWAIT, (wait) -> false);

        assertThat(claim.token()).isNull();
        assertThat(claim.leased()).isFalse();
    }

    @Test
    void aTokenTheClaimDoesNotWantIsReplacedByTheOneRequestedUnderTheLease() {
        TokenStore.Slot slot = slot(CLIENT_SECRET);
        claim(slot, (token) -> true).publish(token("XTOKENX-1", HOUR, HOUR));
        awaitToken(slot, "XTOKENX-1");

        TokenStore.Claim renewal = claim(slot, (token) -> !token.value().equals("XTOKENX-1"));
        assertThat(renewal.leased()).isTrue();
        renewal.publish(token("XTOKENX-2", HOUR, HOUR));

        awaitToken(slot, "XTOKENX-2");
    }

    @Test
    void aPublishedTokenNeverReplacesOneThatLivesLonger() {
        TokenStore.Slot slot = slot(CLIENT_SECRET);
        TokenStore.Claim holder = claim(slot, (token) -> true);
        TokenStore.Claim late = slot.claim((token) -> true, Duration.ZERO, RedisTokenStoreTest::pause);
        assertThat(late.leased()).isFalse();
        holder.publish(token("XTOKENX-LONGER", HOUR, HOUR));
        awaitToken(slot, "XTOKENX-LONGER");

        assertThat(late.publish(token("XTOKENX-SHORTER", HOUR, Duration.ofMinutes(30)))).succeedsWithin(AWAIT);

        assertThat(claim(slot, (token) -> true).token()).extracting(SharedToken::value).isEqualTo("XTOKENX-LONGER");
    }

    @Test
    void aValueTamperedWithIsIgnoredAndReplaced() {
        TokenStore.Slot slot = slot(CLIENT_SECRET);
        claim(slot, (token) -> true).publish(token("XTOKENX-1", HOUR, HOUR));
        awaitToken(slot, "XTOKENX-1");
        byte[] tampered = RedisContents.everything(this.connectionFactory).get(tokenName(CLIENT_SECRET));
        tampered[tampered.length - 1] ^= 1;
        RedisContents.replace(this.connectionFactory, tokenName(CLIENT_SECRET), tampered);

        TokenStore.Claim claim = claim(slot, (token) -> true);
        assertThat(claim.token()).isNull();
        assertThat(claim.leased()).isTrue();
        claim.publish(token("XTOKENX-2", HOUR, Duration.ofMinutes(1)));

        awaitToken(slot, "XTOKENX-2");
    }

    @Test
    void aValueSealedWithAnotherSecretIsIgnoredAndReplaced() {
        claim(slot("another-secret"), (token) -> true).publish(token("XTOKENX-OTHER", HOUR, HOUR));
        await().atMost(AWAIT).until(() -> RedisContents.everything(this.connectionFactory)
            .containsKey(tokenName("another-secret")));
        RedisContents.replace(this.connectionFactory, tokenName(CLIENT_SECRET),
                RedisContents.everything(this.connectionFactory).get(tokenName("another-secret")));
        TokenStore.Slot slot = slot(CLIENT_SECRET);

        TokenStore.Claim claim = claim(slot, (token) -> true);
        assertThat(claim.token()).isNull();
        assertThat(claim.leased()).isTrue();
        claim.publish(token("XTOKENX-MINE", HOUR, Duration.ofMinutes(1)));

        awaitToken(slot, "XTOKENX-MINE");
    }

    @Test
    void instancesOnTheOldAndTheNewSecretKeepSeparateEntriesAndAConfiguredKeyOneForAll() {
        claim(slot(CLIENT_SECRET), (token) -> true).publish(token("XTOKENX-OLD", HOUR, HOUR));
        claim(slot("the-new-secret"), (token) -> true).publish(token("XTOKENX-NEW", HOUR, HOUR));
        String configured = Base64.getEncoder().encodeToString(new byte[32]);
        StoreCipher configuredCipher = StoreCipher.fromBase64Key(configured, RedisTokenStore.PURPOSE);
        claim(store(configuredCipher).slot("api", options("any-secret"), settings()), (token) -> true)
            .publish(token("XTOKENX-CONFIGURED", HOUR, HOUR));

        await().atMost(AWAIT).untilAsserted(() -> assertThat(RedisContents.everything(this.connectionFactory))
            .containsOnlyKeys(tokenName(derived(CLIENT_SECRET)), tokenName(derived("the-new-secret")),
                    tokenName(configuredCipher)));
        assertThat(claim(slot(CLIENT_SECRET), (token) -> true).token()).extracting(SharedToken::value)
            .isEqualTo("XTOKENX-OLD");
        assertThat(claim(slot("the-new-secret"), (token) -> true).token()).extracting(SharedToken::value)
            .isEqualTo("XTOKENX-NEW");
    }

    @Test
    void aValueMovedToAnotherClientsKeyDoesNotDecrypt() {
        claim(slot(CLIENT_SECRET), (token) -> true).publish(token("XTOKENX-1", HOUR, HOUR));
        await().atMost(AWAIT).until(() -> RedisContents.everything(this.connectionFactory)
            .containsKey(tokenName(CLIENT_SECRET)));
        TokenStore.Slot orgs = store(null).slot("orgs", options(CLIENT_SECRET), settings());
        RedisContents.replace(this.connectionFactory, name(derived(CLIENT_SECRET), "orgs", CLIENT_ID),
                RedisContents.everything(this.connectionFactory).get(tokenName(CLIENT_SECRET)));

        assertThat(claim(orgs, (token) -> true).token()).isNull();
    }

    @Test
    void redisHoldsNoTokenClientIdOrSecretInTheClear() {
        TokenStore.Slot slot = slot(CLIENT_SECRET);
        claim(slot, (token) -> true).publish(token("XTOKENX-1", HOUR, HOUR));
        awaitToken(slot, "XTOKENX-1");
        claim(slot, (token) -> false);

        Map<String, byte[]> everything = RedisContents.everything(this.connectionFactory);

        assertThat(everything).hasSize(2).allSatisfy((name, value) -> {
            String text = name + new String(value, StandardCharsets.ISO_8859_1);
            assertThat(text).doesNotContain("XTOKENX", "XSECRETX", CLIENT_ID, "oauth.twilio.com");
        });
    }

    @Test
    void aLeaseIsReleasedOnlyByItsHolder() {
        TokenStore.Slot slot = slot(CLIENT_SECRET);
        TokenStore.Claim expired = claim(slot, (token) -> true);
        try (RedisConnection connection = this.connectionFactory.getConnection()) {
            connection.keyCommands().del(leaseName(CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        }
        TokenStore.Claim holder = claim(slot, (token) -> true);
        byte[] lease = RedisContents.everything(this.connectionFactory).get(leaseName(CLIENT_SECRET));

        expired.release();
        holder.publish(token("XTOKENX-1", HOUR, HOUR));
        expired.publish(token("XTOKENX-0", HOUR, Duration.ofMinutes(1)));

        awaitToken(slot, "XTOKENX-1");
        assertThat(holder.leased()).isTrue();
        assertThat(lease).isNotNull();
    }

    @Test
    void aStoppedRedisEndsEachClaimWithinTheTimeoutWithNeitherTokenNorLease() throws Exception {
        TokenStore.Slot slot = slot(CLIENT_SECRET);
        redis.stop();

        long start = System.nanoTime();
        TokenStore.Claim claim = claim(slot, (token) -> true);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(claim.token()).isNull();
        assertThat(claim.leased()).isFalse();
        assertThat(claim.waited()).isFalse();
        claim.publish(token("XTOKENX-1", HOUR, HOUR));
    }

    @Test
    void aClaimThatRedisAnsweredTooLateReleasesTheLeaseItsScriptTookLate() {
        TokenStore.Slot slot = store(null, Duration.ofMillis(200)).slot("api", options(CLIENT_SECRET), settings());
        try (RedisConnection connection = this.connectionFactory.getConnection()) {
            connection.execute("CLIENT", "PAUSE".getBytes(StandardCharsets.US_ASCII),
                    "1000".getBytes(StandardCharsets.US_ASCII));
        }

        TokenStore.Claim late = claim(slot, (token) -> true);
        assertThat(late.leased()).isFalse();
        assertThat(late.token()).isNull();
        late.release();

        // The paused script ran once Redis went on, and the release after it.
        await().atMost(AWAIT).until(() -> RedisContents.scriptsRun(this.connectionFactory) >= 2);
        assertThat(RedisContents.everything(this.connectionFactory)).doesNotContainKey(leaseName(CLIENT_SECRET));
        assertThat(claim(slot(CLIENT_SECRET), (token) -> true).leased()).isTrue();
    }

    /** Claims on another instance while the lease is taken, and returns once the claim has paused for it. */
    private CompletableFuture<TokenStore.Claim> claimWaitingForTheLease() {
        AtomicInteger pauses = new AtomicInteger();
        CompletableFuture<TokenStore.Claim> waiting = CompletableFuture
            .supplyAsync(() -> slot(CLIENT_SECRET).claim((token) -> true, AWAIT, (wait) -> {
                pauses.incrementAndGet();
                return pause(wait);
            }));
        await().atMost(AWAIT).until(() -> pauses.get() > 0);
        return waiting;
    }

    private TokenStore.Claim claim(TokenStore.Slot slot, java.util.function.Predicate<SharedToken> wanted) {
        return slot.claim(wanted, AWAIT, RedisTokenStoreTest::pause);
    }

    private void awaitToken(TokenStore.Slot slot, String value) {
        await().atMost(AWAIT).untilAsserted(() -> {
            TokenStore.Claim claim = slot.claim((token) -> token.value().equals(value), Duration.ZERO,
                    RedisTokenStoreTest::pause);
            assertThat(claim.token()).isNotNull();
        });
    }

    private static boolean pause(Duration wait) {
        LockSupport.parkNanos(wait.toNanos());
        return true;
    }

    private TokenStore.Slot slot(String clientSecret) {
        return store(null).slot("api", options(clientSecret), settings());
    }

    private RedisTokenStore store(StoreCipher cipher) {
        return store(cipher, Duration.ofSeconds(2));
    }

    private RedisTokenStore store(StoreCipher cipher, Duration timeout) {
        RedisCommandExecutor executor = new RedisCommandExecutor(this.connectionFactory, timeout,
                new CircuitBreaker(100, Duration.ofSeconds(1), System::nanoTime), "token-store-test", 2);
        RedisTokenStore store = new RedisTokenStore(executor, PREFIX, cipher);
        this.stores.add(store);
        return store;
    }

    private TokenManagerSettings settings() {
        return TokenManagerSettings.builder()
            .ticker(this.ticker)
            .connectTimeout(Duration.ofSeconds(1))
            .readTimeout(Duration.ofSeconds(1))
            .build();
    }

    private static TokenManagerOptions options(String clientSecret) {
        return TokenManagerOptions.builder().clientId(CLIENT_ID).clientSecret(clientSecret).tokenUrl(TOKEN_URL).build();
    }

    /** A token that arrived {@code usableLife - remaining} ago. */
    private SharedToken token(String value, Duration usableLife, Duration remaining) {
        return new SharedToken(value, usableLife.toNanos(), this.ticker.read() + remaining.toNanos());
    }

    private static StoreCipher derived(String clientSecret) {
        return StoreCipher.derive(clientSecret.getBytes(StandardCharsets.UTF_8), RedisTokenStore.PURPOSE);
    }

    private static String tokenName(String clientSecret) {
        return tokenName(derived(clientSecret));
    }

    private static String tokenName(StoreCipher cipher) {
        return name(cipher, "api", CLIENT_ID);
    }

    private static String leaseName(String clientSecret) {
        return tokenName(clientSecret) + ":lease";
    }

    /** The key name the README documents: the fingerprint and a hash of what identifies the client's tokens. */
    private static String name(StoreCipher cipher, String tokenType, String clientId) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] { tokenType, TokenManagerOptions.CLIENT_CREDENTIALS, TOKEN_URL, clientId }) {
                sha256.update(part.getBytes(StandardCharsets.UTF_8));
                sha256.update((byte) 0);
            }
            return PREFIX + "{" + cipher.fingerprint() + ":" + HexFormat.of().formatHex(sha256.digest(), 0, 16) + "}";
        }
        catch (java.security.NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private Duration timeToLive(String name) {
        try (RedisConnection connection = this.connectionFactory.getConnection()) {
            return Duration.ofMillis(connection.keyCommands().pTtl(name.getBytes(StandardCharsets.UTF_8)));
        }
    }
}
