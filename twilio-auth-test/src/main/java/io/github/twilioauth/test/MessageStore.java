package io.github.twilioauth.test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The messages created on a mock server, in creation order. Thread-safe.
 */
final class MessageStore {

    private final List<StoredMessage> messages = new ArrayList<>();

    synchronized void add(StoredMessage message) {
        this.messages.add(message);
    }

    synchronized Optional<StoredMessage> find(String accountSid, String sid) {
        return this.messages.stream()
            .filter((stored) -> stored.message().accountSid().equals(accountSid) && stored.message().sid().equals(sid))
            .findFirst();
    }

    /**
     * Returns an account's messages newest first, Twilio's list order.
     */
    synchronized List<StoredMessage> newestFirst(String accountSid) {
        List<StoredMessage> found = new ArrayList<>();
        for (int i = this.messages.size() - 1; i >= 0; i--) {
            if (this.messages.get(i).message().accountSid().equals(accountSid)) {
                found.add(this.messages.get(i));
            }
        }
        return found;
    }

    synchronized List<SentMessage> sent() {
        return this.messages.stream().map(StoredMessage::message).toList();
    }

    synchronized void clear() {
        this.messages.clear();
    }

    /**
     * A created message and when it was created.
     */
    record StoredMessage(SentMessage message, Instant dateCreated) {

        /**
         * Returns when the message was sent: when it was created, as in the create examples of
         * Twilio's spec, which carry {@code date_sent} while the message is still queued.
         */
        Instant dateSent() {
            return this.dateCreated;
        }
    }
}
