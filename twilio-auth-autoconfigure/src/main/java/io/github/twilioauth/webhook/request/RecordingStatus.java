package io.github.twilioauth.webhook.request;

import java.util.Objects;

/**
 * The status of a recording, as Twilio sends it in {@code RecordingStatus}.
 * <p>
 * The constants are the statuses Twilio documents for recording status callbacks; a status
 * Twilio adds later binds too, with its value as sent.
 *
 * @param value the status as Twilio sends it, such as {@code completed}
 */
public record RecordingStatus(String value) {

    /** Recording has started. */
    public static final RecordingStatus IN_PROGRESS = new RecordingStatus("in-progress");

    /** The recording is processed and its file can be fetched from {@code RecordingUrl}. */
    public static final RecordingStatus COMPLETED = new RecordingStatus("completed");

    /** No file: the recording was too short or silent; {@code ErrorCode} says which. */
    public static final RecordingStatus ABSENT = new RecordingStatus("absent");

    /** The recording could not be stored, such as when its encryption failed. */
    public static final RecordingStatus FAILED = new RecordingStatus("failed");

    /**
     * Creates a status; Spring's binding calls this with the parameter's value.
     * @param value the status as Twilio sends it
     */
    public RecordingStatus {
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
