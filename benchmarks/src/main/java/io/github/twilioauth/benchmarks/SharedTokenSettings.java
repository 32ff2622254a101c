package io.github.twilioauth.benchmarks;

import java.util.concurrent.ExecutorService;

import io.github.twilioauth.token.TokenExecutors;
import io.github.twilioauth.token.TokenManagerSettings;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.web.client.RestClient;

/**
 * What the auto-configuration shares between all token managers, the single client's and every
 * tenant's: one bounded executor and one HTTP client. The client is the one it builds for an
 * application with the starter alone, where Spring Boot would choose the JDK's
 * {@code HttpClient}: the JDK's {@code HttpURLConnection} (Boot's {@code simple} client), with
 * the token-request timeouts and no redirects, so that token requests run on the executor's
 * threads alone. Closing it stops the executor.
 */
final class SharedTokenSettings implements AutoCloseable {

    /** The auto-configuration's default of {@code twilio.token-requests.concurrency-limit}. */
    static final int CONCURRENCY_LIMIT = 64;

    private final ExecutorService executor = TokenExecutors.create(CONCURRENCY_LIMIT);

    private final TokenManagerSettings settings = TokenManagerSettings.builder()
        .executor(this.executor)
        .restClient(RestClient.builder()
            .requestFactory(ClientHttpRequestFactoryBuilder.simple()
                .build(HttpClientSettings.defaults()
                    .withTimeouts(TokenManagerSettings.DEFAULT_CONNECT_TIMEOUT,
                            TokenManagerSettings.DEFAULT_READ_TIMEOUT)
                    .withRedirects(HttpRedirects.DONT_FOLLOW)))
            .build())
        .build();

    /**
     * Returns the settings that every manager built with them shares.
     * @return the shared settings
     */
    TokenManagerSettings settings() {
        return this.settings;
    }

    @Override
    public void close() {
        this.executor.shutdownNow();
    }
}
