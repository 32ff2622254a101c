package io.github.twilioauth.webhook.request;

import java.util.Objects;

/**
 * The direction of a call, as Twilio sends it in {@code Direction}.
 * <p>
 * The constants are the directions Twilio documents; a direction Twilio adds later binds too,
 * with its value as sent.
 *
 * @param value the direction as Twilio sends it, such as {@code inbound}
 */
public record CallDirection(String value) {

    /** A call to one of the account's numbers or clients. */
    public static final CallDirection INBOUND = new CallDirection("inbound");

    /** A call created through the REST API. */
    public static final CallDirection OUTBOUND_API = new CallDirection("outbound-api");

    /** A call placed by {@code <Dial>} during another call. */
    public static final CallDirection OUTBOUND_DIAL = new CallDirection("outbound-dial");

    /**
     * Creates a direction; Spring's binding calls this with the parameter's value.
     * @param value the direction as Twilio sends it
     */
    public CallDirection {
        Objects.requireNonNull(value, "value");
    }

    /**
     * Returns the direction as Twilio sends it.
     * @return {@link #value()}
     */
    @Override
    public String toString() {
        return this.value;
    }
}
