package io.github.twilioauth.http;

import java.util.Objects;

import io.github.twilioauth.TwilioUserAgent;
import io.github.twilioauth.observation.TenantTag;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;

/**
 * Builds the {@link RestClient} of a Twilio client: the retry interceptor, then the
 * authenticating one, and the {@link TwilioUserAgent User-Agent}, on a base builder that carries
 * the HTTP client and whatever else every Twilio client shares (customizers, observations). The
 * one place a Twilio {@code RestClient} is assembled, for the single client, each tenant, clients
 * built by hand and clients derived with other credentials.
 * <p>
 * The base builder is built once, into the one {@code RestClient} that every client of this
 * builder sends through: each client is that {@code RestClient} with its credentials and tenant
 * put on every request it starts, so a tenant costs no {@code RestClient} (and no message
 * converters) of its own, and the base builder's customizers, such as a
 * {@code MockRestServiceServer}'s, see one build.
 * <p>
 * Thread-safe: the base builder is cloned once, never changed.
 */
public final class TwilioRestClientBuilder {

    private final TwilioRetryInterceptor retryInterceptor;

    /**
     * The one {@code RestClient} of every client built here: the base builder's settings, the
     * {@code User-Agent}, the retry interceptor, then {@link RequestCredentials}.
     */
    private final RestClient shared;

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
        Objects.requireNonNull(base, "base must not be null");
        this.retryInterceptor = Objects.requireNonNull(retryInterceptor, "retryInterceptor must not be null");
        this.shared = base.clone()
            .defaultHeader(HttpHeaders.USER_AGENT, Objects.requireNonNull(userAgent, "userAgent must not be null"))
            .requestInterceptor(retryInterceptor)
            .requestInterceptor(RequestCredentials.INSTANCE)
            .build();
    }

    /**
     * Returns the client of one set of credentials, of the {@code default} tenant.
     * @param authInterceptor the interceptor that authenticates its requests
     * @return the client
     */
    public RestClient build(TwilioAuthInterceptor authInterceptor) {
        return build(authInterceptor, TenantTag.DEFAULT_TENANT);
    }

    /**
     * Returns the client of one tenant's credentials. Its requests carry the tenant's name as the
     * {@link TenantTag#KEY} request attribute, which
     * {@link io.github.twilioauth.observation.TwilioClientRequestObservationConvention} turns
     * into a tag. It sends through the {@code RestClient} every client of this builder shares;
     * its {@link RestClient#mutate() mutate()} gives a builder of a client of its own with the
     * same credentials and tenant.
     * @param authInterceptor the interceptor that authenticates its requests
     * @param tenant the tenant's name
     * @return the client
     */
    public RestClient build(TwilioAuthInterceptor authInterceptor, String tenant) {
        return new CredentialedRestClient(this.shared, authInterceptor, tenant);
    }

    /**
     * Returns a copy of a client built here that authenticates with another interceptor, sharing
     * everything else: HTTP client, retries, {@code User-Agent} and tenant attribute. A copy of a
     * client built here costs no {@code RestClient} of its own; any other client that carries
     * {@code current} is copied with {@code mutate()}.
     * @param client a client built by a {@code TwilioRestClientBuilder}, or any client that
     * carries {@code current} among its interceptors
     * @param current its authenticating interceptor
     * @param replacement the interceptor of the copy
     * @return the copy
     * @throws IllegalArgumentException when {@code current} does not authenticate the client
     */
    public static RestClient withAuthInterceptor(RestClient client, TwilioAuthInterceptor current,
            TwilioAuthInterceptor replacement) {
        Objects.requireNonNull(replacement, "replacement must not be null");
        if (client instanceof CredentialedRestClient credentialed) {
            if (credentialed.interceptor() != current) {
                throw notAuthenticatedBy(current);
            }
            return new CredentialedRestClient(credentialed.shared(), replacement, credentialed.tenant());
        }
        return client.mutate().requestInterceptors((interceptors) -> {
            int position = interceptors.indexOf(current);
            if (position < 0) {
                throw notAuthenticatedBy(current);
            }
            interceptors.set(position, replacement);
        }).build();
    }

    private static IllegalArgumentException notAuthenticatedBy(TwilioAuthInterceptor interceptor) {
        return new IllegalArgumentException("The client is not authenticated by " + interceptor);
    }

    @Override
    public String toString() {
        return "TwilioRestClientBuilder[" + this.retryInterceptor + "]";
    }
}
