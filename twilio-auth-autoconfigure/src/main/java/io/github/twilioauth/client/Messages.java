package io.github.twilioauth.client;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import io.github.twilioauth.Sids;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;

/**
 * The Messages resource of one account: send, fetch and list messages.
 * Obtain from {@link TwilioClient#messages()}; thread-safe.
 */
public final class Messages {

    private static final int DEFAULT_PAGE_SIZE = 50;

    private final TwilioClient client;

    private final String path;

    Messages(TwilioClient client, String accountSid) {
        this.client = client;
        this.path = "/2010-04-01/Accounts/" + accountSid + "/Messages";
    }

    /**
     * Sends a message.
     * @param request the message parameters
     * @return the created message, usually with status {@code queued}
     * @throws io.github.twilioauth.TwilioApiException when Twilio refuses it
     */
    public Message create(MessageCreateRequest request) {
        return Message.fromJson(this.client.requestObject(HttpMethod.POST, this.path + ".json",
                request.toFormParams()));
    }

    /**
     * Sends a text message.
     * @param to the recipient
     * @param from the sender
     * @param body the text
     * @return the created message
     * @throws io.github.twilioauth.TwilioApiException when Twilio refuses it
     */
    public Message create(String to, String from, String body) {
        return create(MessageCreateRequest.builder().to(to).from(from).body(body).build());
    }

    /**
     * Fetches a message.
     * @param sid the message SID
     * @return the message
     * @throws io.github.twilioauth.TwilioApiException when it does not exist (404, code 20404)
     */
    public Message fetch(String sid) {
        if (!Sids.isSid(sid)) {
            throw new IllegalArgumentException("sid must be a message SID such as SM0123..., but was '" + sid + "'");
        }
        return Message.fromJson(this.client.requestObject(HttpMethod.GET, this.path + "/" + sid + ".json", Map.of()));
    }

    /**
     * Lists the account's messages, newest first, 50 per page.
     * @return a lazy stream that fetches each page when it is reached
     */
    public Stream<Message> list() {
        return list(DEFAULT_PAGE_SIZE);
    }

    /**
     * Lists the account's messages, newest first.
     * @param pageSize how many messages each request fetches, 1 to 1000
     * @return a lazy stream that fetches each page when it is reached, following {@code next_page_uri}
     */
    public Stream<Message> list(int pageSize) {
        if (pageSize < 1 || pageSize > 1000) {
            throw new IllegalArgumentException("pageSize must be between 1 and 1000 but was " + pageSize);
        }
        return StreamSupport.stream(new Pages(this.path + ".json?PageSize=" + pageSize), false);
    }

    /** Walks the pages of a list, fetching the next one only when the current one is used up. */
    private final class Pages extends Spliterators.AbstractSpliterator<Message> {

        private final Deque<Message> buffered = new ArrayDeque<>();

        private @Nullable String next;

        Pages(String first) {
            super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
            this.next = first;
        }

        @Override
        public boolean tryAdvance(Consumer<? super Message> action) {
            while (this.buffered.isEmpty() && this.next != null) {
                JsonObject page = Messages.this.client.requestObject(HttpMethod.GET, this.next, Map.of());
                page.objects("messages").forEach((message) -> this.buffered.add(Message.fromJson(message)));
                String nextPage = page.text("next_page_uri");
                this.next = (nextPage != null && !nextPage.isEmpty()) ? nextPage : null;
            }
            Message message = this.buffered.poll();
            if (message == null) {
                return false;
            }
            action.accept(message);
            return true;
        }
    }
}
