package io.github.twilioauth;

import org.jspecify.annotations.Nullable;

/**
 * Obtaining credentials failed: the token endpoint refused the client, answered an error,
 * answered something that is not a token, or could not be reached.
 * <p>
 * The message names the HTTP status and Twilio's error code when there are some; it never
 * contains a client secret or a token.
 */
public class TwilioAuthenticationException extends TwilioException {

    private final int statusCode;

    private final @Nullable Integer code;

    /**
     * Creates an exception for a failure without an HTTP response (I/O, timeout).
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public TwilioAuthenticationException(String message, Throwable cause) {
        super(message, cause);
        this.statusCode = 0;
        this.code = null;
    }

    /**
     * Creates an exception for an unusable response of the token endpoint.
     * @param message what went wrong
     * @param statusCode the HTTP status
     * @param code Twilio's error code, or {@code null}
     */
    public TwilioAuthenticationException(String message, int statusCode, @Nullable Integer code) {
        super(message);
        this.statusCode = statusCode;
        this.code = code;
    }

    /**
     * Returns the HTTP status of the token endpoint's response.
     * @return the status, or {@code 0} when no response was received
     */
    public int statusCode() {
        return this.statusCode;
    }

    /**
     * Returns Twilio's error code.
     * @return the code, or {@code null} when the response carried none
     */
    public @Nullable Integer code() {
        return this.code;
    }
}
