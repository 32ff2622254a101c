package io.github.twilioauth.http;

import java.util.Objects;

import io.github.twilioauth.TwilioUserAgent;
import io.github.twilioauth.observation.TenantTag;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;

/**
 * Builds the {@link RestClient} of a Twilio client: the retry interceptor, then the
 * authenticating one, and the {@link TwilioUserAgent User-Agent}, on a base builder that carries the HTTP client and whatever else every
 * Twilio client shares (customizers, observations). The one place a Twilio {@code RestClient}
 * is assembled, for the single client, each tenant and clients built by hand.
 * <p>
 * Thread-safe: the base builder is cloned for each client, never changed.
 */
public final class TwilioRestClientBuilder {

    private final RestClient.Builder base;

    private final TwilioRetryInterceptor retryInterceptor;

    private final String userAgent;

    /**
     * Creates a builder whose clients identify themselves without a Spring Boot version.
     * @param base what every client shares; left unchanged
     * @param retryInterceptor how API calls are retried, before each attempt is authenticated
     */
    public TwilioRestClientBuilder(RestClient.Builder base, TwilioRetryInterceptor retryInterceptor) {
        this(base, retryInterceptor, TwilioUserAgent.of(null));
    }

    /**
     * Creates a builder.
     * @param base what every client shares; left unchanged
     * @param retryInterceptor how API calls are retried, before each attempt is authenticated
     * @param userAgent the {@code User-Agent} of every request, see {@link TwilioUserAgent}
     */
    public TwilioRestClientBuilder(RestClient.Builder base, TwilioRetryInterceptor retryInterceptor,
            String userAgent) {
        this.base = Objects.requireNonNull(base, "base must not be null").clone();
        this.retryInterceptor = Objects.requireNonNull(retryInterceptor, "retryInterceptor must not be null");
        this.userAgent = Objects.requireNonNull(userAgent, "userAgent must not be null");
    }

    /**
     * Builds the client of one set of credentials, of the {@code default} tenant.
     * @param authInterceptor the interceptor that authenticates its requests
     * @return the client
     */
    public RestClient build(TwilioAuthInterceptor authInterceptor) {
        return build(authInterceptor, TenantTag.DEFAULT_TENANT);
    }

    /**
     * Builds the client of one tenant's credentials. Its requests carry the tenant's name as the
     * {@link TenantTag#KEY} request attribute, which
     * {@link io.github.twilioauth.observation.TwilioClientRequestObservationConvention} turns
     * into a tag.
     * @param authInterceptor the interceptor that authenticates its requests
     * @param tenant the tenant's name
     * @return the client
     */
    public RestClient build(TwilioAuthInterceptor authInterceptor, String tenant) {
        Objects.requireNonNull(tenant, "tenant must not be null");
        return this.base.clone()
            .defaultHeader(HttpHeaders.USER_AGENT, this.userAgent)
            .defaultRequest((request) -> request.attribute(TenantTag.KEY, tenant))
            .requestInterceptor(this.retryInterceptor)
            .requestInterceptor(Objects.requireNonNull(authInterceptor, "authInterceptor must not be null"))
            .build();
    }

    @Override
    public String toString() {
        return "TwilioRestClientBuilder[" + this.retryInterceptor + "]";
    }
}
