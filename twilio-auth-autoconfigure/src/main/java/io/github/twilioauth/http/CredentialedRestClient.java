package io.github.twilioauth.http;

import java.util.Objects;

import io.github.twilioauth.observation.TenantTag;
import org.springframework.http.HttpMethod;
import org.springframework.web.client.RestClient;

/**
 * The {@code RestClient} of one set of credentials: the {@code RestClient} that every client of
 * a {@link TwilioRestClientBuilder} shares, each request it starts carrying the credentials'
 * {@link TwilioAuthInterceptor} (for {@link RequestCredentials}) and the tenant's name (for
 * the {@link TenantTag#KEY} tag) as attributes. Three fields, not a {@code RestClient} built
 * with message converters of its own, whatever the number of tenants.
 *
 * @param shared the shared {@code RestClient}, whose interceptors end with {@link RequestCredentials}
 * @param interceptor the credentials of this client's requests
 * @param tenant the tenant's name
 */
record CredentialedRestClient(RestClient shared, TwilioAuthInterceptor interceptor, String tenant)
        implements RestClient {

    CredentialedRestClient {
        Objects.requireNonNull(shared, "shared must not be null");
        Objects.requireNonNull(interceptor, "interceptor must not be null");
        Objects.requireNonNull(tenant, "tenant must not be null");
    }

    @Override
    public RequestHeadersUriSpec<?> get() {
        return credentialed(this.shared.get());
    }

    @Override
    public RequestHeadersUriSpec<?> head() {
        return credentialed(this.shared.head());
    }

    @Override
    public RequestBodyUriSpec post() {
        return credentialed(this.shared.post());
    }

    @Override
    public RequestBodyUriSpec put() {
        return credentialed(this.shared.put());
    }

    @Override
    public RequestBodyUriSpec patch() {
        return credentialed(this.shared.patch());
    }

    @Override
    public RequestHeadersUriSpec<?> delete() {
        return credentialed(this.shared.delete());
    }

    @Override
    public RequestHeadersUriSpec<?> options() {
        return credentialed(this.shared.options());
    }

    @Override
    public RequestBodyUriSpec method(HttpMethod method) {
        return credentialed(this.shared.method(method));
    }

    /**
     * Returns a builder of a {@code RestClient} like this one: the shared client's settings, its
     * requests carrying this client's credentials and tenant.
     * @return a builder
     */
    @Override
    public Builder mutate() {
        return this.shared.mutate().defaultRequest(this::credentialed);
    }

    private <S extends RequestHeadersSpec<?>> S credentialed(S spec) {
        spec.attribute(RequestCredentials.ATTRIBUTE, this.interceptor).attribute(TenantTag.KEY, this.tenant);
        return spec;
    }

    @Override
    public String toString() {
        return "CredentialedRestClient[tenant=" + this.tenant + ", interceptor=" + this.interceptor + "]";
    }
}
