package io.github.twilioauth.webhook.servlet;

import java.io.IOException;

import io.github.twilioauth.webhook.WebhookDeduplicator;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets {@link TwilioWebhookHandlerInterceptor} record the response to a webhook delivery for its
 * duplicates: a request with an {@code I-Twilio-Idempotency-Token} gets a response that copies
 * what the handler writes, once the interceptor has validated the request and claimed the
 * delivery, and the recording ends when the response does (for an asynchronous request, when it
 * completes), or is abandoned when the request fails.
 * <p>
 * Every other request passes untouched, after a look at its headers. Ordered right after
 * {@link TwilioWebhookBodyFilter}.
 */
public final class TwilioWebhookDeduplicationFilter extends OncePerRequestFilter implements Ordered {

    /** The order of this filter. */
    public static final int ORDER = TwilioWebhookBodyFilter.ORDER + 1;

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(WebhookDeduplicator.IDEMPOTENCY_TOKEN_HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RecordingResponse recording = new RecordingResponse(response);
        try {
            chain.doFilter(request, recording);
        }
        catch (IOException | ServletException | RuntimeException | Error ex) {
            recording.abandon();
            throw ex;
        }
        if (request.isAsyncStarted()) {
            request.getAsyncContext().addListener(new RecordingEnd(recording));
        }
        else {
            recording.finish();
        }
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    /** Ends the recording of an asynchronous request with it. */
    private static final class RecordingEnd implements AsyncListener {

        private final RecordingResponse recording;

        RecordingEnd(RecordingResponse recording) {
            this.recording = recording;
        }

        @Override
        public void onComplete(AsyncEvent event) {
            this.recording.finish();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            this.recording.abandon();
        }

        @Override
        public void onError(AsyncEvent event) {
            this.recording.abandon();
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            event.getAsyncContext().addListener(this);
        }
    }
}
