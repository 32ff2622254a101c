package io.github.twilioauth.store;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.github.twilioauth.testsupport.FakeTicker;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryDeliveryStoreTest {

    private static final Duration WINDOW = Duration.ofMinutes(10);

    private static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(30);

    private static final byte[] SIGNATURE = DeliveryKey.signatureHash("signature");

    private static final RecordedResponse RESPONSE = new RecordedResponse(200, "application/xml",
            "<Response/>".getBytes(StandardCharsets.UTF_8));

    private final FakeTicker ticker = new FakeTicker();

    private final InMemoryDeliveryStore store = new InMemoryDeliveryStore(WINDOW, CLAIM_TIMEOUT, 1_000_000,
            this.ticker::read);

    @Test
    void theFirstClaimHoldsTheDeliveryAndTheNextFindsItInProgress() {
        assertThat(claim("token").acquire().join()).isNull();

        DeliveryRecord found = claim("token").acquire().join();

        assertThat(found).isInstanceOf(DeliveryRecord.InProgress.class);
        assertThat(found.isFor(SIGNATURE)).isTrue();
        assertThat(found.isFor(DeliveryKey.signatureHash("another signature"))).isFalse();
    }

    @Test
    void aCompletedDeliveryIsFoundWithItsResponseUntilTheWindowPasses() {
        DeliveryClaim first = claim("token");
        first.acquire().join();
        first.complete(RESPONSE).join();

        this.ticker.advance(WINDOW.minusNanos(1));
        DeliveryRecord found = claim("token").acquire().join();
        assertThat(found).isInstanceOf(DeliveryRecord.Completed.class);
        assertThat(((DeliveryRecord.Completed) found).response()).isEqualTo(RESPONSE);

        this.ticker.advance(Duration.ofNanos(1));
        assertThat(claim("token").acquire().join()).isNull();
    }

    @Test
    void aReleasedClaimLetsTheNextClaimHoldTheDelivery() {
        DeliveryClaim first = claim("token");
        first.acquire().join();
        first.release().join();

        assertThat(claim("token").acquire().join()).isNull();
    }

    @Test
    void anExpiredClaimLetsAnotherInAndItsLateEndChangesNothing() {
        DeliveryClaim first = claim("token");
        first.acquire().join();
        this.ticker.advance(CLAIM_TIMEOUT);
        DeliveryClaim second = claim("token");
        assertThat(second.acquire().join()).isNull();

        first.complete(RESPONSE).join();
        first.release().join();

        assertThat(claim("token").acquire().join()).isInstanceOf(DeliveryRecord.InProgress.class);
    }

    @Test
    void aWaiterGetsTheResponseOnceTheClaimCompletes() {
        DeliveryClaim first = claim("token");
        first.acquire().join();
        CompletableFuture<DeliveryRecord> waiting = this.store.awaitCompletion(key("token"), Duration.ofSeconds(10));
        assertThat(waiting).isNotDone();

        first.complete(RESPONSE);

        assertThat(((DeliveryRecord.Completed) waiting.join()).response()).isEqualTo(RESPONSE);
    }

    @Test
    void aWaiterGetsNothingOnceTheClaimIsReleased() {
        DeliveryClaim first = claim("token");
        first.acquire().join();
        CompletableFuture<DeliveryRecord> waiting = this.store.awaitCompletion(key("token"), Duration.ofSeconds(10));

        first.release();

        assertThat(waiting.join()).isNull();
    }

    @Test
    void aWaiterGetsTheRecordInProgressAtItsTimeout() {
        claim("token").acquire().join();

        DeliveryRecord found = this.store.awaitCompletion(key("token"), Duration.ofMillis(50)).join();

        assertThat(found).isInstanceOf(DeliveryRecord.InProgress.class);
    }

    @Test
    void recordsStayWithinTheirMemoryBound() {
        byte[] body = new byte[10_000];
        InMemoryDeliveryStore small = new InMemoryDeliveryStore(WINDOW, CLAIM_TIMEOUT, 3 * (10_000 + 256),
                this.ticker::read);
        IntStream.range(0, 20).forEach((i) -> {
            DeliveryClaim claim = small.claim(key("token-" + i), SIGNATURE);
            claim.acquire().join();
            claim.complete(new RecordedResponse(200, null, body)).join();
        });

        long kept = IntStream.range(0, 20)
            .filter((i) -> small.awaitCompletion(key("token-" + i), Duration.ZERO).join() != null)
            .count();

        assertThat(kept).isBetween(1L, 3L);
    }

    private DeliveryClaim claim(String idempotencyToken) {
        return this.store.claim(key(idempotencyToken), SIGNATURE);
    }

    private static DeliveryKey key(String idempotencyToken) {
        return DeliveryKey.of("AC" + "1".repeat(32), "https://example.com/sms", idempotencyToken, "auth-token");
    }
}
