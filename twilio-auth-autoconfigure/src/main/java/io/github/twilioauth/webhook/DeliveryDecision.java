package io.github.twilioauth.webhook;

import java.time.Duration;

import io.github.twilioauth.store.RecordedResponse;
import org.jspecify.annotations.Nullable;

/**
 * What {@link WebhookDeduplicator} decided about a validated webhook delivery.
 */
public sealed interface DeliveryDecision {

    /**
     * Hand the request on to its handler.
     * @param recorder what records the handler's response for the delivery's duplicates, which
     * the adapter feeds and ends; {@code null} when nothing is to be recorded
     */
    record Handle(@Nullable ResponseRecorder recorder) implements DeliveryDecision {

        /** Hand on, recording nothing: no idempotency token, another signature, or no store. */
        public static final Handle UNRECORDED = new Handle(null);
    }

    /**
     * Answer with the response recorded for an earlier delivery, without calling the handler.
     * @param response the response
     */
    record Replay(RecordedResponse response) implements DeliveryDecision {
    }

    /**
     * Answer {@code 409 Conflict} with {@code Retry-After}: an earlier delivery is still being
     * handled after the wait.
     * @param retryAfter the {@code Retry-After}, whole seconds
     */
    record Busy(Duration retryAfter) implements DeliveryDecision {
    }
}
