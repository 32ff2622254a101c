package io.github.twilioauth.token;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;

import io.github.twilioauth.TwilioUserAgent;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.web.client.RestClient;

/**
 * What the built-in token managers whose {@link TokenManagerSettings} give no executor or no
 * {@code RestClient} share, JVM-wide, as {@link java.util.concurrent.ForkJoinPool#commonPool()}
 * is shared: one executor, and one HTTP client per pair of timeouts. Each is created on first
 * use and never closed, and holds no thread while no token is due.
 * <p>
 * The executor runs at most {@value #CONCURRENCY_LIMIT} token requests at once, on daemon
 * threads named {@code twilio-token-default-<n>} that end after 30 s idle. The HTTP client is
 * the JDK's {@code HttpURLConnection}, which has no thread of its own: a token request blocks
 * the executor thread that sends it and no other, and idle connections are kept by the JDK's
 * keep-alive cache.
 */
final class TokenDefaults {

    /** Most token requests the default executor runs at once, as {@code twilio.token-requests.concurrency-limit}. */
    static final int CONCURRENCY_LIMIT = 64;

    /** Prefix of the names of the default executor's threads. */
    static final String THREAD_NAME_PREFIX = TokenExecutors.THREAD_NAME_PREFIX + "default-";

    private static final Map<Timeouts, RestClient> clients = new ConcurrentHashMap<>();

    private TokenDefaults() {
    }

    /**
     * Returns the default executor, creating it on first use. It cannot be shut down.
     */
    static Executor executor() {
        return DefaultExecutor.INSTANCE;
    }

    /**
     * Returns the default HTTP client of token requests with these timeouts, creating it on
     * first use: never following redirects, with the library's {@code User-Agent}.
     */
    static RestClient restClient(Duration connectTimeout, Duration readTimeout) {
        return clients.computeIfAbsent(new Timeouts(connectTimeout, readTimeout), TokenDefaults::createRestClient);
    }

    private static RestClient createRestClient(Timeouts timeouts) {
        // HttpURLConnection follows redirects of GET requests only; token requests are POSTs.
        SimpleClientHttpRequestFactory requestFactory = new SimpleClientHttpRequestFactory();
        requestFactory.setConnectTimeout(timeouts.connect());
        requestFactory.setReadTimeout(timeouts.read());
        return RestClient.builder()
            .requestFactory(requestFactory)
            .defaultHeader(HttpHeaders.USER_AGENT, TwilioUserAgent.of(null))
            .build();
    }

    private record Timeouts(Duration connect, Duration read) {
    }

    /** Holds the default executor, created when first asked for. */
    private static final class DefaultExecutor {

        /** Only {@code execute} of the pool, so nobody can shut it down. */
        private static final Executor INSTANCE = create()::execute;

        private DefaultExecutor() {
        }

        private static ExecutorService create() {
            CustomizableThreadFactory threads = new CustomizableThreadFactory(THREAD_NAME_PREFIX);
            threads.setDaemon(true);
            return TokenExecutors.create(CONCURRENCY_LIMIT, threads);
        }
    }
}
