package io.github.twilioauth.webhook;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.twilioauth.store.DeliveryClaim;
import io.github.twilioauth.store.DeliveryKey;
import io.github.twilioauth.store.DeliveryRecord;
import io.github.twilioauth.store.DeliveryStore;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Answers each webhook delivery once: Twilio sends a retry with the same
 * {@code I-Twilio-Idempotency-Token}, and a retry of a delivery already answered gets the first
 * answer again instead of reaching the handler. The servlet and reactive adapters ask it about
 * every request that passed validation, and feed the {@link ResponseRecorder} it hands out.
 * <ul>
 * <li>A request without the header, or whose signature is not that of the first delivery with
 * its token (the token is not signed), is handled, and nothing is recorded.</li>
 * <li>The first delivery claims its key (account, signed URL, token) in the {@link DeliveryStore}
 * and is handled; its response is recorded if its status is {@code 2xx} and its body within the
 * size, else the claim is released, so that a retry is handled again.</li>
 * <li>A duplicate of a recorded delivery gets the recorded status, content type and body.</li>
 * <li>A duplicate of a delivery still being handled waits for it, at most the wait timeout, and
 * then gets its answer, is handled if the first released its claim, or is answered
 * {@code 409} with {@code Retry-After}.</li>
 * <li>The store failing, whatever the way, means the request is handled and nothing recorded:
 * a store never makes a webhook fail.</li>
 * </ul>
 * A decision takes at most the wait timeout plus twice the store's timeout. Thread-safe.
 */
public final class WebhookDeduplicator {

    /** The header Twilio sends the same on every retry of a delivery. */
    public static final String IDEMPOTENCY_TOKEN_HEADER = "I-Twilio-Idempotency-Token";

    private static final Log logger = LogFactory.getLog(WebhookDeduplicator.class);

    private final DeliveryStore store;

    private final TwilioWebhookValidator validator;

    private final Duration waitTimeout;

    private final Duration maxDecisionTime;

    private final int maxBodySize;

    private final DeliveryDecision.Busy busy;

    /**
     * Creates a deduplicator.
     * @param store where deliveries are claimed and recorded
     * @param validator finds the Auth Token that signed a request, which the store may derive its
     * encryption key from
     * @param waitTimeout how long a duplicate waits for a delivery being handled
     * @param storeTimeout how long the store takes at most for one operation
     * @param maxBodySize the largest response body recorded, in bytes
     */
    public WebhookDeduplicator(DeliveryStore store, TwilioWebhookValidator validator, Duration waitTimeout,
            Duration storeTimeout, int maxBodySize) {
        this.store = store;
        this.validator = validator;
        this.waitTimeout = waitTimeout;
        this.maxDecisionTime = waitTimeout.plus(storeTimeout.multipliedBy(2));
        this.maxBodySize = maxBodySize;
        // Whole seconds, rounded up: a retry after as long as this one waited.
        long seconds = (waitTimeout.toMillis() + 999) / 1000;
        this.busy = new DeliveryDecision.Busy(Duration.ofSeconds(Math.max(1, seconds)));
    }

    /**
     * Decides what to do with a request that passed validation, without blocking.
     * @param request the request
     * @param idempotencyToken its {@code I-Twilio-Idempotency-Token} header, or {@code null}
     * @return the decision, within {@link #maxDecisionTime()}; never completed exceptionally
     */
    public CompletableFuture<DeliveryDecision> decide(TwilioWebhookRequest request, @Nullable String idempotencyToken) {
        String signature = request.signature();
        if (idempotencyToken == null || idempotencyToken.isBlank() || signature == null) {
            return CompletableFuture.completedFuture(DeliveryDecision.Handle.UNRECORDED);
        }
        String authToken = this.validator.signingAuthToken(request);
        if (authToken == null) {
            return CompletableFuture.completedFuture(DeliveryDecision.Handle.UNRECORDED);
        }
        DeliveryKey key = DeliveryKey.of(request.accountSid(), request.url(), idempotencyToken, authToken);
        byte[] signatureHash = DeliveryKey.signatureHash(signature.trim());
        DeliveryClaim claim = this.store.claim(key, signatureHash);
        long deadline = System.nanoTime() + this.waitTimeout.toNanos();
        CompletableFuture<DeliveryDecision> decided;
        try {
            decided = attempt(claim, key, signatureHash, deadline);
        }
        catch (RuntimeException ex) {
            decided = CompletableFuture.failedFuture(ex);
        }
        CompletableFuture<DeliveryDecision> bounded = new CompletableFuture<>();
        decided.whenComplete((decision, failure) -> {
            DeliveryDecision outcome = (failure == null) ? decision : storeFailed(claim, failure);
            if (!bounded.complete(outcome)) {
                // Decided too late: the request went on unrecorded, so no claim may stay behind.
                abandon(outcome);
            }
        });
        return bounded.completeOnTimeout(DeliveryDecision.Handle.UNRECORDED, this.maxDecisionTime.toNanos(),
                TimeUnit.NANOSECONDS);
    }

    /**
     * Decides what to do with a request that passed validation, blocking the calling thread at
     * most {@link #maxDecisionTime()}: for the servlet stack.
     * @param request the request
     * @param idempotencyToken its {@code I-Twilio-Idempotency-Token} header, or {@code null}
     * @return the decision
     * @throws InterruptedException if the thread is interrupted while it waits; a claim the
     * decision makes later is released
     */
    public DeliveryDecision decideAndWait(TwilioWebhookRequest request, @Nullable String idempotencyToken)
            throws InterruptedException {
        CompletableFuture<DeliveryDecision> decision = decide(request, idempotencyToken);
        try {
            // Bounded by decide() already; the margin only covers the scheduling of its timeout.
            return decision.get(this.maxDecisionTime.toNanos() + TimeUnit.SECONDS.toNanos(1), TimeUnit.NANOSECONDS);
        }
        catch (InterruptedException ex) {
            decision.thenAccept(WebhookDeduplicator::abandon);
            throw ex;
        }
        catch (ExecutionException | TimeoutException ex) {
            decision.thenAccept(WebhookDeduplicator::abandon);
            return DeliveryDecision.Handle.UNRECORDED;
        }
    }

    private CompletableFuture<DeliveryDecision> attempt(DeliveryClaim claim, DeliveryKey key, byte[] signatureHash,
            long deadline) {
        return claim.acquire().thenCompose((found) -> {
            if (found == null) {
                return CompletableFuture.completedFuture(new DeliveryDecision.Handle(new ResponseRecorder(claim,
                        this.maxBodySize)));
            }
            DeliveryDecision decision = decision(found, signatureHash);
            if (decision != null) {
                return CompletableFuture.completedFuture(decision);
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return CompletableFuture.completedFuture(this.busy);
            }
            return this.store.awaitCompletion(key, Duration.ofNanos(remaining)).thenCompose((after) -> {
                if (after == null) {
                    // Released or expired: this request may be the one handled.
                    return attempt(claim, key, signatureHash, deadline);
                }
                DeliveryDecision settled = decision(after, signatureHash);
                return CompletableFuture.completedFuture((settled != null) ? settled : this.busy);
            });
        });
    }

    /** What a record found means, or {@code null} to wait for the delivery in progress. */
    private static @Nullable DeliveryDecision decision(DeliveryRecord record, byte[] signatureHash) {
        if (!record.isFor(signatureHash)) {
            return DeliveryDecision.Handle.UNRECORDED;
        }
        if (record instanceof DeliveryRecord.Completed completed) {
            return new DeliveryDecision.Replay(completed.response());
        }
        return null;
    }

    private DeliveryDecision storeFailed(DeliveryClaim claim, Throwable failure) {
        if (logger.isDebugEnabled()) {
            logger.debug("Twilio webhook handled without deduplication: the delivery store failed ("
                    + failure.getClass().getSimpleName() + ")");
        }
        // Should the claim have been made after all, it must not hold the delivery.
        claim.release();
        return DeliveryDecision.Handle.UNRECORDED;
    }

    private static void abandon(DeliveryDecision decision) {
        ResponseRecorder recorder = (decision instanceof DeliveryDecision.Handle handle) ? handle.recorder() : null;
        if (recorder != null) {
            recorder.abandon();
        }
    }

    /**
     * Returns how long a decision takes at most: the wait timeout plus twice the store's
     * timeout.
     * @return the bound
     */
    public Duration maxDecisionTime() {
        return this.maxDecisionTime;
    }

    @Override
    public String toString() {
        return "WebhookDeduplicator[" + this.store + ", wait=" + this.waitTimeout + "]";
    }
}
