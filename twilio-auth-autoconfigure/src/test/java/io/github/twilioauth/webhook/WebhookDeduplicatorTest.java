package io.github.twilioauth.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import io.github.twilioauth.store.DeliveryClaim;
import io.github.twilioauth.store.DeliveryKey;
import io.github.twilioauth.store.DeliveryRecord;
import io.github.twilioauth.store.DeliveryStore;
import io.github.twilioauth.store.RecordedResponse;
import io.github.twilioauth.test.webhook.TwilioWebhookSigner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What the deduplicator does when its store is slow, fails or the waiting thread is interrupted:
 * the request is handled, within the bound, and no claim stays behind.
 */
class WebhookDeduplicatorTest {

    private static final String ACCOUNT_SID = "AC" + "7".repeat(32);

    private static final String AUTH_TOKEN = "deduplicator-auth-token";

    private static final String URL = "https://example.com/sms";

    private static final Map<String, List<String>> FORM = Map.of("AccountSid", List.of(ACCOUNT_SID), "Body",
            List.of("Hi"));

    private static final TwilioWebhookRequest REQUEST = TwilioWebhookRequest.form("POST", URL,
            TwilioWebhookSigner.signature(AUTH_TOKEN, URL, FORM), FORM);

    private final TwilioWebhookValidator validator = new TwilioWebhookValidator(
            InMemoryAuthTokenResolver.builder().account(ACCOUNT_SID, AUTH_TOKEN, null).build(),
            ObservationRegistry.NOOP);

    private final HeldStore store = new HeldStore();

    private final WebhookDeduplicator deduplicator = new WebhookDeduplicator(this.store, this.validator,
            Duration.ofMillis(100), Duration.ofMillis(100), 1024);

    @Test
    void aRequestWithoutAnIdempotencyTokenIsHandledWithoutAskingTheStore() {
        assertThat(this.deduplicator.decide(REQUEST, null).join()).isSameAs(DeliveryDecision.Handle.UNRECORDED);
        assertThat(this.store.claims).hasValue(0);
    }

    @Test
    void aRequestWhoseSignatureIsNoneOfTheAccountsIsHandledWithoutAskingTheStore() {
        TwilioWebhookRequest forged = TwilioWebhookRequest.form("POST", URL, "Zm9yZ2Vk", FORM);

        assertThat(this.deduplicator.decide(forged, "token").join()).isSameAs(DeliveryDecision.Handle.UNRECORDED);
        assertThat(this.store.claims).hasValue(0);
    }

    @Test
    void aStoreThatDoesNotAnswerCostsAtMostTheBoundAndAClaimItMakesLateIsReleased() {
        CompletableFuture<DeliveryDecision> decision = this.deduplicator.decide(REQUEST, "token");

        assertThat(decision).succeedsWithin(Duration.ofSeconds(5)).isSameAs(DeliveryDecision.Handle.UNRECORDED);
        this.store.acquired.complete(null);
        assertThat(this.store.released).hasValue(1);
    }

    @Test
    void aStoreThatFailsMeansTheRequestIsHandledAndNothingStaysClaimed() {
        CompletableFuture<DeliveryDecision> decision = this.deduplicator.decide(REQUEST, "token");
        this.store.acquired.completeExceptionally(new IllegalStateException("Redis is down"));

        assertThat(decision).succeedsWithin(Duration.ofSeconds(5)).isSameAs(DeliveryDecision.Handle.UNRECORDED);
        assertThat(this.store.released).hasValue(1);
    }

    @Test
    void aWaitingThreadThatIsInterruptedGivesUpAndAClaimMadeLaterIsReleased() {
        Thread.currentThread().interrupt();

        assertThatExceptionOfType(InterruptedException.class)
            .isThrownBy(() -> this.deduplicator.decideAndWait(REQUEST, "token"));
        this.store.acquired.complete(null);
        assertThat(this.store.released).hasValue(1);
    }

    @Test
    void theFirstDeliveryIsHandledWithARecorderThatRecordsItsSuccessfulAnswer() {
        CompletableFuture<DeliveryDecision> decision = this.deduplicator.decide(REQUEST, "token");
        this.store.acquired.complete(null);

        ResponseRecorder recorder = ((DeliveryDecision.Handle) decision.join()).recorder();
        recorder.write("<Response/>".getBytes(), 0, 11);
        recorder.finish(201, "application/xml");
        recorder.abandon();

        assertThat(this.store.completed).containsExactly(new RecordedResponse(201, "application/xml",
                "<Response/>".getBytes()));
        assertThat(this.store.released).hasValue(0);
    }

    @Test
    void aResponseOutOfTheSizeOrNot2xxReleasesTheClaim() {
        this.store.acquired.complete(null);
        ResponseRecorder tooLarge = ((DeliveryDecision.Handle) this.deduplicator.decide(REQUEST, "token").join())
            .recorder();
        tooLarge.write(new byte[1025], 0, 1025);
        tooLarge.finish(200, null);
        ResponseRecorder redirect = ((DeliveryDecision.Handle) this.deduplicator.decide(REQUEST, "token").join())
            .recorder();
        redirect.finish(302, null);

        assertThat(this.store.completed).isEmpty();
        assertThat(this.store.released).hasValue(2);
    }

    /**
     * A store whose claims the test acquires: {@link #acquired} completes every claim's
     * {@code acquire()}.
     */
    private static final class HeldStore implements DeliveryStore {

        final CompletableFuture<DeliveryRecord> acquired = new CompletableFuture<>();

        final AtomicInteger claims = new AtomicInteger();

        final AtomicInteger released = new AtomicInteger();

        final List<RecordedResponse> completed = new CopyOnWriteArrayList<>();

        @Override
        public DeliveryClaim claim(DeliveryKey key, byte[] signatureHash) {
            this.claims.incrementAndGet();
            return new DeliveryClaim() {

                @Override
                public CompletableFuture<DeliveryRecord> acquire() {
                    return HeldStore.this.acquired.copy();
                }

                @Override
                public CompletableFuture<Void> complete(RecordedResponse response) {
                    HeldStore.this.completed.add(response);
                    return CompletableFuture.completedFuture(null);
                }

                @Override
                public CompletableFuture<Void> release() {
                    HeldStore.this.released.incrementAndGet();
                    return CompletableFuture.completedFuture(null);
                }
            };
        }

        @Override
        public CompletableFuture<DeliveryRecord> awaitCompletion(DeliveryKey key, Duration timeout) {
            return new CompletableFuture<>();
        }
    }
}
