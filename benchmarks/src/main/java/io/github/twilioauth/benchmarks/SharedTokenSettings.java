package io.github.twilioauth.benchmarks;

import java.util.concurrent.ExecutorService;

import io.github.twilioauth.token.TokenExecutors;
import io.github.twilioauth.token.TokenManagerSettings;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * What the auto-configuration shares between all token managers, the single client's and every
 * tenant's: one bounded executor and one HTTP client. Closing it stops the executor.
 */
final class SharedTokenSettings implements AutoCloseable {

    /** The auto-configuration's default of {@code twilio.token-requests.concurrency-limit}. */
    static final int CONCURRENCY_LIMIT = 64;

    private final ExecutorService executor = TokenExecutors.create(CONCURRENCY_LIMIT);

    private final TokenManagerSettings settings = TokenManagerSettings.builder()
        .executor(this.executor)
        .restClient(RestClient.builder().requestFactory(new JdkClientHttpRequestFactory()).build())
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
