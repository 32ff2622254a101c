package io.github.twilioauth.token;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.github.twilioauth.Backoff;
import io.github.twilioauth.ResponseBodies;
import io.github.twilioauth.TwilioAuthenticationException;
import io.github.twilioauth.TwilioError;
import io.github.twilioauth.TwilioRetryPolicy;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Posts client credentials to the token endpoint, retrying what is worth retrying: 429 after
 * its {@code Retry-After}, 5xx and I/O errors with exponential back-off and jitter. Other
 * statuses (bad credentials above all) fail at once.
 */
final class TokenEndpointClient {

    private static final Log logger = LogFactory.getLog(TokenEndpointClient.class);

    /** Largest response body read; a token response is a few kilobytes. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private final TokenManagerOptions options;

    private final TokenManagerSettings settings;

    private final RestClient restClient;

    /**
     * The form, encoded once. Bytes rather than a map, so that no HTTP client log at TRACE can
     * print the client secret: a byte array's {@code toString()} shows no content.
     */
    private final byte[] form;

    TokenEndpointClient(TokenManagerOptions options, TokenManagerSettings settings) {
        this.options = options;
        this.settings = settings;
        RestClient given = settings.restClient();
        this.restClient = (given != null) ? given
                : TokenDefaults.restClient(settings.connectTimeout(), settings.readTimeout());
        String clientId = Objects.requireNonNull(options.clientId(), "TokenManagerOptions.clientId is required");
        String clientSecret = Objects.requireNonNull(options.clientSecret(),
                "TokenManagerOptions.clientSecret is required");
        this.form = ("grant_type=" + encode(options.grantType()) + "&client_id=" + encode(clientId)
                + "&client_secret=" + encode(clientSecret)).getBytes(StandardCharsets.UTF_8);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * Fetches a token, retrying as the settings' retry policy says.
     * @param startedAt {@link System#nanoTime()} when the token was needed: the retry timeout
     * counts from it, and no attempt starts after it
     * @param pause waits before each retry, and says whether to retry
     * @return the token endpoint's response
     * @throws TwilioAuthenticationException when no token could be obtained
     */
    TokenResponse fetch(long startedAt, RetryPause pause) {
        TwilioRetryPolicy.Retries retries = this.settings.retry().start(startedAt);
        if (retries.isPastTimeout()) {
            throw new TwilioAuthenticationException("Token request to " + this.options.tokenUrl() + " was not sent:"
                    + " it waited for a thread past its retry timeout of "
                    + this.settings.retry().timeout().toMillis() + " ms", 0, null);
        }
        for (int attempt = 1;; attempt++) {
            Response response;
            try {
                response = post();
            }
            catch (RestClientException ex) {
                TwilioAuthenticationException failure = new TwilioAuthenticationException(
                        "Token request to " + this.options.tokenUrl() + " failed: " + ex.getMessage(), ex);
                pauseBeforeRetry(attempt, retries.next(null), failure, pause);
                continue;
            }
            if (response.body == null) {
                throw new TwilioAuthenticationException("Token endpoint answered HTTP " + response.status
                        + " with a body larger than " + MAX_BODY_BYTES + " bytes", response.status, null);
            }
            if (response.status == 200 || response.status == 201) {
                return TokenResponse.parse(response.status, response.contentType, response.body);
            }
            TwilioError error = TwilioError.parse(response.body, response.contentType);
            TwilioAuthenticationException failure = new TwilioAuthenticationException(
                    "Token request to " + this.options.tokenUrl() + " was refused: " + error.describe(response.status),
                    response.status, error.code());
            if (response.status == 429) {
                pauseBeforeRetry(attempt, retries.next(Backoff.retryAfter(response.retryAfter)), failure, pause);
            }
            else if (response.status >= 500) {
                pauseBeforeRetry(attempt, retries.next(null), failure, pause);
            }
            else {
                throw failure;
            }
        }
    }

    private Response post() {
        return this.restClient.post()
            .uri(this.options.tokenUrl())
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .accept(MediaType.APPLICATION_JSON)
            .body(this.form)
            .exchange((request, response) -> {
                HttpHeaders headers = response.getHeaders();
                return new Response(response.getStatusCode().value(), headers.getFirst(HttpHeaders.CONTENT_TYPE),
                        headers.getFirst(HttpHeaders.RETRY_AFTER), ResponseBodies.readAtMost(response, MAX_BODY_BYTES));
            });
    }

    /** Waits before the next attempt, or throws the failure when there is none or it is no longer wanted. */
    private void pauseBeforeRetry(int attempt, @Nullable Duration wait, TwilioAuthenticationException failure,
            RetryPause pause) {
        if (wait == null) {
            throw failure;
        }
        if (logger.isDebugEnabled()) {
            logger.debug(failure.getMessage() + "; attempt " + attempt + " of "
                    + (this.settings.retry().maxRetries() + 1) + ", retrying in " + wait.toMillis() + " ms");
        }
        if (!pause.await(wait)) {
            throw failure;
        }
    }

    /** Waits before a retry. */
    @FunctionalInterface
    interface RetryPause {

        /**
         * Waits before a retry.
         * @param wait how long
         * @return whether to retry; {@code false} when the token is no longer wanted
         */
        boolean await(Duration wait);
    }

    /** A response of the token endpoint; {@code body} is {@code null} when it was too large to read. */
    private record Response(int status, @Nullable String contentType, @Nullable String retryAfter,
            byte @Nullable [] body) {
    }
}
