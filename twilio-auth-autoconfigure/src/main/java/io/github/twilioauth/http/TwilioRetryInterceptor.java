package io.github.twilioauth.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.github.twilioauth.Backoff;
import io.github.twilioauth.TwilioRetryPolicy;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Retries Twilio API calls that are safe to repeat.
 * <ul>
 * <li>429 Too Many Requests, for any method: Twilio rejected the request before processing it.
 * The wait is {@code Retry-After} when given (up to {@link TwilioRetryPolicy#maxRetryAfter()}),
 * else the back-off.</li>
 * <li>5xx and I/O errors, for GET, HEAD and DELETE only. A POST is never repeated after a 5xx
 * or a timeout: it may have been processed, and repeating it could send an SMS twice.</li>
 * </ul>
 * Register it before {@link TwilioAuthInterceptor}, so that each attempt is authenticated afresh.
 */
public final class TwilioRetryInterceptor implements ClientHttpRequestInterceptor {

    private static final Log logger = LogFactory.getLog(TwilioRetryInterceptor.class);

    private static final Set<HttpMethod> IDEMPOTENT = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.DELETE);

    private static final int TOO_MANY_REQUESTS = 429;

    private final TwilioRetryPolicy policy;

    /**
     * Creates an interceptor.
     * @param policy how many retries, how long to wait between them and for how long in all
     */
    public TwilioRetryInterceptor(TwilioRetryPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy must not be null");
    }

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        boolean idempotent = IDEMPOTENT.contains(request.getMethod());
        TwilioRetryPolicy.Retries retries = this.policy.start(System.nanoTime());
        for (int attempt = 1;; attempt++) {
            ClientHttpResponse response;
            try {
                response = execution.execute(request, body);
            }
            catch (IOException ex) {
                Duration wait = (idempotent && !isInterrupted(ex)) ? retries.next(null) : null;
                if (wait == null) {
                    throw ex;
                }
                pause(request, attempt, wait, "I/O error " + ex.getClass().getSimpleName());
                continue;
            }
            int status;
            Duration wait;
            try {
                status = response.getStatusCode().value();
                wait = waitBeforeRetry(status, idempotent, response, retries);
            }
            catch (Throwable ex) {
                response.close();
                throw ex;
            }
            if (wait == null) {
                return response;
            }
            response.close();
            pause(request, attempt, wait, "HTTP " + status);
        }
    }

    private static boolean isInterrupted(IOException ex) {
        return ex instanceof InterruptedIOException && Thread.currentThread().isInterrupted();
    }

    /** Returns how long to wait before retrying, or {@code null} when the response is final. */
    private static @Nullable Duration waitBeforeRetry(int status, boolean idempotent, ClientHttpResponse response,
            TwilioRetryPolicy.Retries retries) {
        if (status == TOO_MANY_REQUESTS) {
            return retries.next(Backoff.retryAfter(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)));
        }
        return (status >= 500 && idempotent) ? retries.next(null) : null;
    }

    private void pause(HttpRequest request, int attempt, Duration wait, String reason) throws IOException {
        if (logger.isDebugEnabled()) {
            logger.debug(request.getMethod() + " " + request.getURI().getPath() + " got " + reason + " on attempt "
                    + attempt + " of " + (this.policy.maxRetries() + 1) + "; retrying in " + wait.toMillis() + " ms");
        }
        try {
            Thread.sleep(wait.toMillis());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while waiting to retry " + request.getMethod() + " "
                    + request.getURI().getPath());
        }
    }

    @Override
    public String toString() {
        return "TwilioRetryInterceptor[" + this.policy + "]";
    }
}
