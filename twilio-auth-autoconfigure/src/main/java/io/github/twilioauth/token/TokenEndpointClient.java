package io.github.twilioauth.token;

import java.net.URLEncoder;
import java.net.http.HttpClient;
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
import io.github.twilioauth.TwilioUserAgent;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
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

    /** The HTTP client this endpoint client created, or {@code null} when its settings gave one. */
    private final @Nullable HttpClient ownHttpClient;

    /**
     * The form, encoded once. Bytes rather than a map, so that no HTTP client log at TRACE can
     * print the client secret: a byte array's {@code toString()} shows no content.
     */
    private final byte[] form;

    TokenEndpointClient(TokenManagerOptions options, TokenManagerSettings settings) {
        this.options = options;
        this.settings = settings;
        RestClient given = settings.restClient();
        if (given != null) {
            this.ownHttpClient = null;
            this.restClient = given;
        }
        else {
            HttpClient httpClient = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
            this.ownHttpClient = httpClient;
            this.restClient = restClientOf(httpClient, settings);
        }
        String clientId = Objects.requireNonNull(options.clientId(), "TokenManagerOptions.clientId is required");
        String clientSecret = Objects.requireNonNull(options.clientSecret(),
                "TokenManagerOptions.clientSecret is required");
        this.form = ("grant_type=" + encode(options.grantType()) + "&client_id=" + encode(clientId)
                + "&client_secret=" + encode(clientSecret)).getBytes(StandardCharsets.UTF_8);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static RestClient restClientOf(HttpClient httpClient, TokenManagerSettings settings) {
        JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(httpClient);
        requestFactory.setReadTimeout(settings.readTimeout());
        return RestClient.builder()
            .requestFactory(requestFactory)
            .defaultHeader(HttpHeaders.USER_AGENT, TwilioUserAgent.of(null))
            .build();
    }

    /**
     * Closes the HTTP client this endpoint client created for itself, on Java 21 and later; on
     * Java 17 the JDK's client cannot be closed and ends once it is unreachable.
     */
    void close() {
        if (this.ownHttpClient instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            }
            catch (Exception ex) {
                logger.debug("Closing the token endpoint's HTTP client failed: " + ex);
            }
        }
    }

    /**
     * Fetches a token, retrying as the settings' retry policy says.
     * @param startedAt {@link System#nanoTime()} when the token was needed: the retry timeout
     * counts from it, and no attempt starts after it
     * @return the token endpoint's response
     * @throws TwilioAuthenticationException when no token could be obtained
     */
    TokenResponse fetch(long startedAt) {
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
                pauseBeforeRetry(attempt, retries.next(null), failure);
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
                pauseBeforeRetry(attempt, retries.next(Backoff.retryAfter(response.retryAfter)), failure);
            }
            else if (response.status >= 500) {
                pauseBeforeRetry(attempt, retries.next(null), failure);
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

    /** Waits before the next attempt, or throws the failure when there is none. */
    private void pauseBeforeRetry(int attempt, @Nullable Duration wait, TwilioAuthenticationException failure) {
        if (wait == null) {
            throw failure;
        }
        if (logger.isDebugEnabled()) {
            logger.debug(failure.getMessage() + "; attempt " + attempt + " of "
                    + (this.settings.retry().maxRetries() + 1) + ", retrying in " + wait.toMillis() + " ms");
        }
        try {
            Thread.sleep(wait.toMillis());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw failure;
        }
    }

    /** A response of the token endpoint; {@code body} is {@code null} when it was too large to read. */
    private record Response(int status, @Nullable String contentType, @Nullable String retryAfter,
            byte @Nullable [] body) {
    }
}
