package io.github.twilioauth.http;

import java.io.IOException;
import java.util.Objects;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.github.twilioauth.credential.CredentialProvider;
import io.github.twilioauth.strategy.AuthStrategy;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Adds Twilio credentials to the requests of a {@code RestClient}, to
 * {@linkplain AllowedHosts allowed hosts} only: a request to another host, or over plain HTTP
 * to a non-loopback address, goes out without them.
 * <p>
 * Each request reads the current {@link AuthStrategy} once, so a
 * {@linkplain #setCredentialProvider(CredentialProvider) swap} never mixes two credentials in
 * one request. When Twilio answers 401 to a request with a credential that can be renewed (a
 * bearer token), the credential is renewed and the request retried once.
 * <p>
 * Register it on the {@code RestClient} used for Twilio only, never as a global customizer:
 * other clients must not receive Twilio credentials.
 */
public final class TwilioAuthInterceptor implements ClientHttpRequestInterceptor {

    private static final Log logger = LogFactory.getLog(TwilioAuthInterceptor.class);

    private final AllowedHosts allowedHosts;

    /** The credentials in use, replaced as a whole: the provider and the strategy it gave. */
    private volatile Credentials credentials;

    /**
     * Creates an interceptor for a credential provider that sends credentials to Twilio's hosts only.
     * @param credentialProvider the credentials to add
     */
    public TwilioAuthInterceptor(CredentialProvider credentialProvider) {
        this(Credentials.of(credentialProvider), AllowedHosts.twilio());
    }

    /**
     * Creates an interceptor for a credential provider.
     * @param credentialProvider the credentials to add
     * @param allowedHosts where credentials may be sent; other requests go out without them
     */
    public TwilioAuthInterceptor(CredentialProvider credentialProvider, AllowedHosts allowedHosts) {
        this(Credentials.of(credentialProvider), allowedHosts);
    }

    /**
     * Creates an interceptor for an auth strategy that sends credentials to Twilio's hosts only.
     * @param strategy the strategy that authenticates requests
     */
    public TwilioAuthInterceptor(AuthStrategy strategy) {
        this(new Credentials(null, Objects.requireNonNull(strategy, "strategy must not be null")),
                AllowedHosts.twilio());
    }

    /**
     * Creates an interceptor for an auth strategy.
     * @param strategy the strategy that authenticates requests
     * @param allowedHosts where credentials may be sent; other requests go out without them
     */
    public TwilioAuthInterceptor(AuthStrategy strategy, AllowedHosts allowedHosts) {
        this(new Credentials(null, Objects.requireNonNull(strategy, "strategy must not be null")), allowedHosts);
    }

    private TwilioAuthInterceptor(Credentials credentials, AllowedHosts allowedHosts) {
        this.credentials = credentials;
        this.allowedHosts = Objects.requireNonNull(allowedHosts, "allowedHosts must not be null");
    }

    /**
     * Replaces the credentials of every later request; requests in progress keep theirs.
     * @param credentialProvider the new credentials
     */
    public void setCredentialProvider(CredentialProvider credentialProvider) {
        this.credentials = Credentials.of(credentialProvider);
    }

    /**
     * Returns where this interceptor sends credentials.
     * @return the allowed hosts
     */
    public AllowedHosts getAllowedHosts() {
        return this.allowedHosts;
    }

    /**
     * Returns the strategy applied to requests.
     * @return the current strategy
     */
    public AuthStrategy getAuthStrategy() {
        return this.credentials.strategy();
    }

    /**
     * Returns the credential provider whose strategy is applied to requests.
     * @return the current provider, or {@code null} when this interceptor was given a strategy
     */
    public @Nullable CredentialProvider getCredentialProvider() {
        return this.credentials.provider();
    }

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        if (!this.allowedHosts.allows(request.getURI())) {
            if (logger.isDebugEnabled()) {
                logger.debug("Sending " + request.getMethod() + " to " + request.getURI().getScheme() + "://"
                        + request.getURI().getHost() + " without Twilio credentials: not an allowed host or not HTTPS");
            }
            return execution.execute(request, body);
        }
        AuthStrategy strategy = this.credentials.strategy();
        String authorization = strategy.authorizationHeader();
        if (authorization == null) {
            return execution.execute(request, body);
        }
        request.getHeaders().set(HttpHeaders.AUTHORIZATION, authorization);
        ClientHttpResponse response = execution.execute(request, body);
        String renewed = renewedAfterRejection(response, strategy, authorization);
        if (renewed == null) {
            return response;
        }
        response.close();
        logger.debug("Twilio answered 401 to " + request.getMethod() + " " + request.getURI().getPath()
                + "; retrying once with a renewed credential");
        request.getHeaders().set(HttpHeaders.AUTHORIZATION, renewed);
        return execution.execute(request, body);
    }

    /**
     * The {@code Authorization} value to retry with when Twilio rejected the credential and the
     * strategy renewed it, else {@code null}. The response is closed when the renewal fails, as
     * nobody else will see it.
     */
    private static @Nullable String renewedAfterRejection(ClientHttpResponse response, AuthStrategy strategy,
            String authorization) throws IOException {
        try {
            return (response.getStatusCode().value() == HttpStatus.UNAUTHORIZED.value())
                    ? strategy.renewAfterRejection(authorization) : null;
        }
        catch (Throwable ex) {
            response.close();
            throw ex;
        }
    }

    @Override
    public String toString() {
        return "TwilioAuthInterceptor[strategy=" + this.credentials.strategy() + ", allowedHosts=" + this.allowedHosts + "]";
    }

    /**
     * A credential provider, or {@code null} for a strategy given directly, with its strategy.
     */
    private record Credentials(@Nullable CredentialProvider provider, AuthStrategy strategy) {

        static Credentials of(CredentialProvider provider) {
            Objects.requireNonNull(provider, "credentialProvider must not be null");
            return new Credentials(provider, provider.toAuthStrategy());
        }
    }
}
