package io.github.twilioauth.webhook.request;

import java.util.Objects;

/**
 * The status of a call, as Twilio sends it in {@code CallStatus}.
 * <p>
 * The constants are the statuses Twilio documents; a status Twilio adds later binds too, with
 * its value as sent. Compare with {@link #equals(Object)}: {@code CallStatus.COMPLETED.equals(callback.status())}.
 *
 * @param value the status as Twilio sends it, such as {@code in-progress}
 */
public record CallStatus(String value) {

    /** Waiting to be placed. */
    public static final CallStatus QUEUED = new CallStatus("queued");

    /** Ringing. */
    public static final CallStatus RINGING = new CallStatus("ringing");

    /** Answered and going on. */
    public static final CallStatus IN_PROGRESS = new CallStatus("in-progress");

    /** Answered and ended normally. */
    public static final CallStatus COMPLETED = new CallStatus("completed");

    /** The callee's line was busy. */
    public static final CallStatus BUSY = new CallStatus("busy");

    /** Could not be placed, such as to an invalid number. */
    public static final CallStatus FAILED = new CallStatus("failed");

    /** Not answered. */
    public static final CallStatus NO_ANSWER = new CallStatus("no-answer");

    /** Canceled while queued or ringing. */
    public static final CallStatus CANCELED = new CallStatus("canceled");

    /**
     * Creates a status; Spring's binding calls this with the parameter's value.
     * @param value the status as Twilio sends it
     */
    public CallStatus {
        Objects.requireNonNull(value, "value");
    }

    /**
     * Returns the status as Twilio sends it.
     * @return {@link #value()}
     */
    @Override
    public String toString() {
        return this.value;
    }
}
