package io.github.twilioauth.webhook;

/**
 * The outcome of validating a webhook request, with the reason of a rejection.
 * <p>
 * The reason is for logs and metrics only: a rejected request is answered 403 without it.
 */
public enum TwilioWebhookVerdict {

    /** The signature is valid for the URL and the parameters, and so is the body's hash. */
    ACCEPTED("none"),

    /** No {@code X-Twilio-Signature} header, or an empty one. */
    MISSING_SIGNATURE("missing_signature"),

    /** No Auth Token is known for the request's account. */
    UNKNOWN_ACCOUNT("unknown_account"),

    /** The signature matches none of the URL forms and Auth Tokens. */
    INVALID_SIGNATURE("invalid_signature"),

    /**
     * The body is not covered by the signature: its SHA-256 differs from {@code bodySHA256}, or a
     * body that is not a form came without {@code bodySHA256}.
     */
    BODY_MISMATCH("body_mismatch"),

    /** The body is larger than the application reads to check its hash. */
    BODY_TOO_LARGE("body_too_large");

    private final String reason;

    TwilioWebhookVerdict(String reason) {
        this.reason = reason;
    }

    /**
     * Returns whether the request may reach its handler.
     * @return whether this is {@link #ACCEPTED}
     */
    public boolean isAccepted() {
        return this == ACCEPTED;
    }

    /**
     * Returns the reason as a metric tag value.
     * @return {@code none} when accepted, else {@code missing_signature}, {@code unknown_account},
     * {@code invalid_signature}, {@code body_mismatch} or {@code body_too_large}
     */
    public String reason() {
        return this.reason;
    }
}
