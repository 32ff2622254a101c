package io.github.twilioauth.strategy;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * How a request is authenticated: the result of
 * {@link io.github.twilioauth.credential.CredentialProvider#toAuthStrategy()}.
 * <p>
 * Implementations are thread-safe and shared by every request of a client.
 */
public interface AuthStrategy {

    /**
     * Returns the request with authentication added.
     * @param request the request to authenticate
     * @return the authenticated request; never {@code null}
     */
    RequestConfig apply(RequestConfig request);

    /**
     * Returns the {@code Authorization} header value for the next request.
     * <p>
     * The HTTP interceptor calls this on every request. The default derives the value from
     * {@link #apply(RequestConfig)}; the built-in strategies return a value built once.
     * @return the header value, or {@code null} to send no {@code Authorization} header
     */
    default @Nullable String authorizationHeader() {
        return apply(RequestConfig.of("GET", "")).headers()
            .entrySet()
            .stream()
            .filter((header) -> RequestConfig.AUTHORIZATION.equalsIgnoreCase(header.getKey()))
            .map(Map.Entry::getValue)
            .findFirst()
            .orElse(null);
    }

    /**
     * Called when Twilio answered 401 to a request that carried the given header value: a
     * strategy able to obtain a new credential does so, and returns the {@code Authorization}
     * value the request is retried with, once. The default has none to give.
     * @param rejectedHeader the {@code Authorization} value that was rejected
     * @return the value to retry with, or {@code null} when a retry cannot succeed
     */
    default @Nullable String renewAfterRejection(String rejectedHeader) {
        return null;
    }
}
