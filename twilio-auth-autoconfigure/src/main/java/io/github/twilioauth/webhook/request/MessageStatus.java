package io.github.twilioauth.webhook.request;

import java.util.Objects;

/**
 * The status of a message, as Twilio sends it in {@code MessageStatus} and {@code SmsStatus}.
 * <p>
 * The constants are the statuses Twilio documents; a status Twilio adds later binds too, with
 * its value as sent. Compare with {@link #equals(Object)}: {@code MessageStatus.DELIVERED.equals(callback.status())}.
 *
 * @param value the status as Twilio sends it, such as {@code delivered}
 */
public record MessageStatus(String value) {

    /** Queued to be sent. */
    public static final MessageStatus QUEUED = new MessageStatus("queued");

    /** Being sent to the carrier. */
    public static final MessageStatus SENDING = new MessageStatus("sending");

    /** Accepted by the carrier. */
    public static final MessageStatus SENT = new MessageStatus("sent");

    /** Could not be sent; {@code ErrorCode} says why. */
    public static final MessageStatus FAILED = new MessageStatus("failed");

    /** Delivered to the recipient's device, as the carrier confirmed. */
    public static final MessageStatus DELIVERED = new MessageStatus("delivered");

    /** Sent but not delivered, as the carrier reported; {@code ErrorCode} says why. */
    public static final MessageStatus UNDELIVERED = new MessageStatus("undelivered");

    /** An inbound message being received. */
    public static final MessageStatus RECEIVING = new MessageStatus("receiving");

    /** An inbound message received: the status of the incoming message webhook. */
    public static final MessageStatus RECEIVED = new MessageStatus("received");

    /** Accepted by a messaging service, which has not chosen a sender yet. */
    public static final MessageStatus ACCEPTED = new MessageStatus("accepted");

    /** Scheduled to be sent later. */
    public static final MessageStatus SCHEDULED = new MessageStatus("scheduled");

    /** Read by the recipient, on channels that report it (WhatsApp, RCS). */
    public static final MessageStatus READ = new MessageStatus("read");

    /** Delivered to some of its recipients only. */
    public static final MessageStatus PARTIALLY_DELIVERED = new MessageStatus("partially_delivered");

    /** A scheduled message canceled before it was sent. */
    public static final MessageStatus CANCELED = new MessageStatus("canceled");

    /**
     * Creates a status; Spring's binding calls this with the parameter's value.
     * @param value the status as Twilio sends it
     */
    public MessageStatus {
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
