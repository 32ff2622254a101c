package io.github.twilioauth;

/**
 * Common parent of every exception this library raises.
 */
public class TwilioException extends RuntimeException {

    /**
     * Creates an exception with a message that never contains a secret.
     * @param message what went wrong
     */
    public TwilioException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message that never contains a secret, and its cause.
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public TwilioException(String message, Throwable cause) {
        super(message, cause);
    }
}
