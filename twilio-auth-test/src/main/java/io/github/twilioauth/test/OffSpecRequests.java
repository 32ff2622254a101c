package io.github.twilioauth.test;

/**
 * A stretch of a test during which the requests a {@link MockTwilioServer} receives are off
 * Twilio's spec on purpose (a required parameter left out to see Twilio's error, a path Twilio
 * does not have): the request contract suite leaves them out and lists them with the reason.
 * Ends when closed; use it with try-with-resources.
 */
public final class OffSpecRequests implements AutoCloseable {

    private final RequestLog log;

    OffSpecRequests(RequestLog log, String reason) {
        this.log = log;
        log.offSpec(reason);
    }

    /**
     * Ends the stretch: later requests are held to the spec again.
     */
    @Override
    public void close() {
        this.log.offSpec(null);
    }
}
