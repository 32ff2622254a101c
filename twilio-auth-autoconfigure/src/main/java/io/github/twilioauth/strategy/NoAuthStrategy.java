package io.github.twilioauth.strategy;

import org.jspecify.annotations.Nullable;

/**
 * Sends requests without credentials: no {@code Authorization} header at all, not an empty one.
 */
public final class NoAuthStrategy implements AuthStrategy {

    @Override
    public RequestConfig apply(RequestConfig request) {
        return request;
    }

    @Override
    public @Nullable String authorizationHeader() {
        return null;
    }

    @Override
    public String toString() {
        return "NoAuthStrategy";
    }
}
