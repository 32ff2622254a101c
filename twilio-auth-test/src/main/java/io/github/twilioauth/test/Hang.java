package io.github.twilioauth.test;

import java.util.concurrent.CountDownLatch;

import com.sun.net.httpserver.HttpExchange;

/**
 * The answer of a peer that accepted a request and then stalled: nothing is written until
 * {@link #release()}, after which the connection is closed without a response. Every request
 * queued with the same hang waits for the same release. Thread-safe.
 */
final class Hang implements Reply {

    private final CountDownLatch released = new CountDownLatch(1);

    @Override
    public void send(HttpExchange exchange) {
        try {
            this.released.await();
        }
        catch (InterruptedException ex) {
            // The server is closing.
            Thread.currentThread().interrupt();
        }
        // Nothing was sent: closing the exchange closes the connection.
    }

    /**
     * Lets every request waiting on this hang end, unanswered.
     */
    void release() {
        this.released.countDown();
    }
}
