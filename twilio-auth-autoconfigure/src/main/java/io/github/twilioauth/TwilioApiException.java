package io.github.twilioauth;

import org.jspecify.annotations.Nullable;

/**
 * A Twilio API call answered with an error status.
 * <p>
 * Built from Twilio's error JSON ({@code code}, {@code message}, {@code more_info},
 * {@code status}) when the body has that shape, or from the status alone otherwise.
 */
public class TwilioApiException extends TwilioException {

    private final int statusCode;

    private final @Nullable Integer code;

    private final @Nullable String moreInfo;

    /**
     * Creates an exception for an API error response.
     * @param message readable description of the error
     * @param statusCode the HTTP status
     * @param code Twilio's error code, or {@code null} when the body had none
     * @param moreInfo link to Twilio's documentation of the code, or {@code null}
     */
    public TwilioApiException(String message, int statusCode, @Nullable Integer code, @Nullable String moreInfo) {
        super(message);
        this.statusCode = statusCode;
        this.code = code;
        this.moreInfo = moreInfo;
    }

    /**
     * Creates an exception for a call that got no response: connection refused, a timeout, an
     * I/O error. Its {@link #statusCode()} is {@code 0}.
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public TwilioApiException(String message, Throwable cause) {
        super(message, cause);
        this.statusCode = 0;
        this.code = null;
        this.moreInfo = null;
    }

    /**
     * Returns the HTTP status of the response.
     * @return the HTTP status code, or {@code 0} when no response was received
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

    /**
     * Returns the link to Twilio's documentation of the error code.
     * @return the link, or {@code null}
     */
    public @Nullable String moreInfo() {
        return this.moreInfo;
    }
}
