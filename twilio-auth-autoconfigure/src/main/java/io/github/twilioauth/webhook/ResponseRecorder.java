package io.github.twilioauth.webhook;

import java.io.ByteArrayOutputStream;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.twilioauth.store.DeliveryClaim;
import io.github.twilioauth.store.RecordedResponse;
import org.jspecify.annotations.Nullable;

/**
 * Copies the response to a claimed webhook delivery as the handler writes it, up to a size, and
 * ends the claim when the response ends: a {@code 2xx} response within the size is recorded for
 * the delivery's duplicates; any other, a larger one, and a request that failed release the
 * claim, so that Twilio's retry is handled again.
 * <p>
 * The servlet and reactive adapters feed it; the first of {@link #finish} and {@link #abandon}
 * ends the claim, the other does nothing. Its methods may be called from any thread; a response is
 * written by one at a time.
 */
public final class ResponseRecorder {

    private final DeliveryClaim claim;

    private final int maxBodySize;

    private final AtomicBoolean ended = new AtomicBoolean();

    // The body so far; null once it outgrew maxBodySize. Guarded by this.
    private @Nullable ByteArrayOutputStream body = new ByteArrayOutputStream();

    ResponseRecorder(DeliveryClaim claim, int maxBodySize) {
        this.claim = claim;
        this.maxBodySize = maxBodySize;
    }

    /**
     * Returns whether the body written so far is still being copied.
     * @return {@code false} once it outgrew the size, when nothing will be recorded
     */
    public synchronized boolean isCopying() {
        return this.body != null;
    }

    /**
     * Copies bytes the handler wrote.
     * @param bytes the bytes
     * @param offset where they start
     * @param length how many
     */
    public synchronized void write(byte[] bytes, int offset, int length) {
        ByteArrayOutputStream copy = this.body;
        if (copy == null) {
            return;
        }
        if (copy.size() + (long) length > this.maxBodySize) {
            this.body = null;
            return;
        }
        copy.write(bytes, offset, length);
    }

    /**
     * Copies a byte the handler wrote.
     * @param b the byte
     */
    public void write(int b) {
        write(new byte[] { (byte) b }, 0, 1);
    }

    /**
     * Forgets the bytes copied so far, when the response buffer is reset before it is committed.
     */
    public synchronized void reset() {
        this.body = new ByteArrayOutputStream();
    }

    /**
     * Ends the claim with the response as written: recorded when its status is {@code 2xx} and
     * its body within the size, else released.
     * @param status the response's status
     * @param contentType its {@code Content-Type}, or {@code null}
     */
    public void finish(int status, @Nullable String contentType) {
        if (!this.ended.compareAndSet(false, true)) {
            return;
        }
        byte[] recorded;
        synchronized (this) {
            ByteArrayOutputStream copy = this.body;
            recorded = (copy != null && status >= 200 && status < 300) ? copy.toByteArray() : null;
            this.body = null;
        }
        if (recorded != null) {
            this.claim.complete(new RecordedResponse(status, contentType, recorded));
        }
        else {
            this.claim.release();
        }
    }

    /**
     * Ends the claim without a record, when the request failed or was cancelled.
     */
    public void abandon() {
        if (this.ended.compareAndSet(false, true)) {
            synchronized (this) {
                this.body = null;
            }
            this.claim.release();
        }
    }

    @Override
    public String toString() {
        return "ResponseRecorder[" + (this.ended.get() ? "ended" : "open") + "]";
    }
}
