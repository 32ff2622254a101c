package io.github.twilioauth.token;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.twilioauth.test.MockTwilioServer;
import io.github.twilioauth.testsupport.FakeTicker;
import io.github.twilioauth.testsupport.MockTwilioOAuthApp;
import io.github.twilioauth.testsupport.Retries;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine's side of the {@link TokenStore} seam, on a controllable ticker: when a manager asks
 * its store (only on the way to a token request), which tokens it takes (newer than its own and
 * requested after its last {@code clearToken()}), the deadlines it gives them, and that a store
 * that throws changes nothing but the number of token requests. The store here is a one-slot
 * store of the test's own; the Redis store is tested against a real Redis
 * ({@code RedisTokenStoreTest}, {@code SharedTokensTest}).
 */
class TokenStoreSeamTest {

    @RegisterExtension
    static final MockTwilioOAuthApp app = new MockTwilioOAuthApp(ApiTokenManagerTest.ACCOUNT_SID,
            ApiTokenManagerTest.CLIENT_ID, ApiTokenManagerTest.CLIENT_SECRET);

    private static final Duration HOUR = Duration.ofHours(1);

    private final FakeTicker ticker = new FakeTicker();

    private final MockTwilioServer server = app.server();

    private final OneSlotStore store = new OneSlotStore();

    private ApiTokenManager manager(TokenStore store) {
        return new ApiTokenManager(app.options().build(), TokenManagerSettings.builder()
            .ticker(this.ticker)
            .executor(Runnable::run)
            .retry(Retries.attempts(1))
            .tokenStore(store)
            .build());
    }

    @Test
    void aCachedTokenNeverTouchesTheStore() {
        ApiTokenManager manager = manager(this.store);
        String token = manager.getToken();

        for (int i = 0; i < 1000; i++) {
            assertThat(manager.getToken()).isSameAs(token);
        }

        assertThat(this.store.claims).hasValue(1);
        assertThat(this.store.published).singleElement().extracting(SharedToken::value).isEqualTo(token);
    }

    @Test
    void aTokenFromTheStoreIsUsedWithoutATokenRequestUntilItsUsableEndOnThisTicker() {
        // Requested elsewhere 5 minutes ago, usable for an hour: renewed after 38 to 43 minutes from here.
        this.store.token = new SharedToken("XTOKENX-shared", HOUR.toNanos(),
                this.ticker.read() + Duration.ofMinutes(55).toNanos());
        ApiTokenManager manager = manager(this.store);

        assertThat(manager.getToken()).isEqualTo("XTOKENX-shared");
        this.ticker.advance(Duration.ofMinutes(38));
        assertThat(manager.getToken()).isEqualTo("XTOKENX-shared");
        assertThat(this.store.claims).hasValue(1);
        assertThat(this.server.tokenRequestCount()).isZero();

        this.store.token = null;
        this.ticker.advance(Duration.ofMinutes(17));
        assertThat(manager.getToken()).isNotEqualTo("XTOKENX-shared");
        assertThat(this.server.tokenRequestCount()).isOne();
    }

    @Test
    void afterClearTokenOnlyATokenRequestedSinceIsTaken() {
        ApiTokenManager manager = manager(this.store);
        this.store.token = new SharedToken("XTOKENX-before", HOUR.toNanos(), this.ticker.read() + HOUR.toNanos());
        assertThat(manager.getToken()).isEqualTo("XTOKENX-before");
        this.ticker.advance(Duration.ofSeconds(1));
        manager.clearToken();

        assertThat(manager.getToken()).isNotEqualTo("XTOKENX-before");
        assertThat(this.server.tokenRequestCount()).isOne();

        this.ticker.advance(Duration.ofSeconds(1));
        manager.clearToken();
        this.ticker.advance(Duration.ofSeconds(1));
        this.store.token = new SharedToken("XTOKENX-after", HOUR.toNanos(), this.ticker.read() + HOUR.toNanos());
        assertThat(manager.getToken()).isEqualTo("XTOKENX-after");
        assertThat(this.server.tokenRequestCount()).isOne();
    }

    @Test
    void aRejectedTokenIsNeverTakenBackFromTheStore() {
        ApiTokenManager manager = manager(this.store);
        String rejected = manager.getToken();
        this.store.token = this.store.published.get(0);

        String renewed = manager.refreshToken(rejected);

        assertThat(renewed).isNotEqualTo(rejected);
        assertThat(this.server.tokenRequestCount()).isEqualTo(2);
    }

    @Test
    void aStoreThatThrowsCostsATokenRequestAndNoFailure() {
        TokenStore failing = (tokenType, options, settings) -> (wanted, maxWait, pause) -> {
            throw new IllegalStateException("store down");
        };
        ApiTokenManager manager = manager(failing);

        assertThat(manager.getToken()).isNotEmpty();
        assertThat(this.server.tokenRequestCount()).isOne();
    }

    @Test
    void aClaimWhosePublishingThrowsCostsNothing() {
        this.store.failPublishing = true;
        ApiTokenManager manager = manager(this.store);

        assertThat(manager.getToken()).isNotEmpty();
        assertThat(manager.getToken()).isNotEmpty();
        assertThat(this.server.tokenRequestCount()).isOne();
    }

    /**
     * One token, set by the test, that a claim takes when the manager wants it; otherwise the
     * claim holds the lease. Records what managers publish.
     */
    private static final class OneSlotStore implements TokenStore {

        private final AtomicInteger claims = new AtomicInteger();

        private final List<SharedToken> published = new CopyOnWriteArrayList<>();

        private volatile @Nullable SharedToken token;

        private volatile boolean failPublishing;

        @Override
        public Slot slot(String tokenType, TokenManagerOptions options, TokenManagerSettings settings) {
            return this::claim;
        }

        private Claim claim(Predicate<SharedToken> wanted, Duration maxWait, Pause pause) {
            this.claims.incrementAndGet();
            SharedToken found = this.token;
            SharedToken taken = (found != null && wanted.test(found)) ? found : null;
            return new Claim() {

                @Override
                public @Nullable SharedToken token() {
                    return taken;
                }

                @Override
                public boolean leased() {
                    return taken == null;
                }

                @Override
                public boolean waited() {
                    return false;
                }

                @Override
                public CompletableFuture<Void> publish(SharedToken token) {
                    if (OneSlotStore.this.failPublishing) {
                        throw new IllegalStateException("store down");
                    }
                    OneSlotStore.this.published.add(token);
                    return CompletableFuture.completedFuture(null);
                }

                @Override
                public CompletableFuture<Void> release() {
                    return CompletableFuture.completedFuture(null);
                }
            };
        }
    }
}
