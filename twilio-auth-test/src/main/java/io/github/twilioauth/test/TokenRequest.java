package io.github.twilioauth.test;

import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * A request that reached the token endpoint of a {@link MockTwilioServer}.
 * <p>
 * {@link #toString()} masks the client secret, so a recorded request can be printed safely.
 *
 * @param contentType the {@code Content-Type} header, or {@code null} when absent
 * @param form the first value of each form field, in the order they were sent; immutable
 * @param userAgent the {@code User-Agent} header, or {@code null} when absent
 * @param forwardedHost the {@code X-Forwarded-Host} header, the Twilio host the request stands
 * for, or {@code null} without one
 */
public record TokenRequest(@Nullable String contentType, Map<String, String> form, @Nullable String userAgent,
        @Nullable String forwardedHost) {

    private static final String CLIENT_SECRET = "client_secret";

    /**
     * Returns the {@code grant_type} form field.
     * @return the grant type, or {@code null} when absent
     */
    public @Nullable String grantType() {
        return this.form.get("grant_type");
    }

    /**
     * Returns the {@code client_id} form field.
     * @return the client id, or {@code null} when absent
     */
    public @Nullable String clientId() {
        return this.form.get("client_id");
    }

    @Override
    public String toString() {
        String fields = this.form.entrySet()
            .stream()
            .map((field) -> field.getKey() + "=" + (CLIENT_SECRET.equals(field.getKey()) ? "******" : field.getValue()))
            .collect(Collectors.joining(", ", "{", "}"));
        return "TokenRequest[contentType=" + this.contentType + ", form=" + fields + ", userAgent=" + this.userAgent
                + ", forwardedHost=" + this.forwardedHost + "]";
    }
}
