package io.github.twilioauth.http;

import java.io.IOException;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * The authenticating interceptor of the {@code RestClient} that every client of a
 * {@link TwilioRestClientBuilder} shares: it hands each request to the
 * {@link TwilioAuthInterceptor} the request carries as its {@link #ATTRIBUTE} attribute, which
 * {@link CredentialedRestClient} puts on every request it starts. So one {@code RestClient}
 * serves any number of credentials, and a tenant costs no {@code RestClient} of its own.
 */
final class RequestCredentials implements ClientHttpRequestInterceptor {

    /** The request attribute holding the request's {@link TwilioAuthInterceptor}. */
    static final String ATTRIBUTE = TwilioAuthInterceptor.class.getName();

    static final RequestCredentials INSTANCE = new RequestCredentials();

    private RequestCredentials() {
    }

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        if (!(request.getAttributes().get(ATTRIBUTE) instanceof TwilioAuthInterceptor interceptor)) {
            throw new IllegalStateException("A request of a Twilio RestClient carries no '" + ATTRIBUTE
                    + "' attribute: send it through a client of TwilioRestClientBuilder.build(...), which adds it,"
                    + " and leave the attribute in place");
        }
        return interceptor.intercept(request, body, execution);
    }

    @Override
    public String toString() {
        return "RequestCredentials[the TwilioAuthInterceptor of each request's '" + ATTRIBUTE + "' attribute]";
    }
}
