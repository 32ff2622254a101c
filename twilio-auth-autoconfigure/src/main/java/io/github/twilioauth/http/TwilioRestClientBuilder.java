package io.github.twilioauth.http;

import java.util.Objects;

import org.springframework.web.client.RestClient;

/**
 * Builds the {@link RestClient} of a Twilio client: the retry interceptor, then the
 * authenticating one, on a base builder that carries the HTTP client and whatever else every
 * Twilio client shares (customizers, observations). The one place a Twilio {@code RestClient}
 * is assembled, for the single client, each tenant and clients built by hand.
 * <p>
 * Thread-safe: the base builder is cloned for each client, never changed.
 */
public final class TwilioRestClientBuilder {

    private final RestClient.Builder base;

    private final TwilioRetryInterceptor retryInterceptor;

    /**
     * Creates a builder.
     * @param base what every client shares; left unchanged
     * @param retryInterceptor how API calls are retried, before each attempt is authenticated
     */
    public TwilioRestClientBuilder(RestClient.Builder base, TwilioRetryInterceptor retryInterceptor) {
        this.base = Objects.requireNonNull(base, "base must not be null").clone();
        this.retryInterceptor = Objects.requireNonNull(retryInterceptor, "retryInterceptor must not be null");
    }

    /**
     * Builds the client of one set of credentials.
     * @param authInterceptor the interceptor that authenticates its requests
     * @return the client
     */
    public RestClient build(TwilioAuthInterceptor authInterceptor) {
        return this.base.clone()
            .requestInterceptor(this.retryInterceptor)
            .requestInterceptor(Objects.requireNonNull(authInterceptor, "authInterceptor must not be null"))
            .build();
    }

    @Override
    public String toString() {
        return "TwilioRestClientBuilder[" + this.retryInterceptor + "]";
    }
}
