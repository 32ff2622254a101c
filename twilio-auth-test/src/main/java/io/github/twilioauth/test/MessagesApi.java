package io.github.twilioauth.test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import io.github.twilioauth.test.MessageStore.StoredMessage;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Messages resource of Twilio's 2010-04-01 REST API: create, fetch and list, answering the
 * JSON Twilio answers.
 */
final class MessagesApi {

    private static final String API_VERSION = "2010-04-01";

    // RFC 2822, as in "Thu, 30 Jul 2015 20:12:31 +0000".
    private static final DateTimeFormatter RFC_2822 = DateTimeFormatter
        .ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ENGLISH)
        .withZone(ZoneOffset.UTC);

    private static final String WHATSAPP = "whatsapp:";

    // A phone number in E.164 form, or a WhatsApp address of one.
    private static final Pattern ADDRESS = Pattern.compile("(" + WHATSAPP + ")?\\+[1-9][0-9]{1,14}");

    private static final int MAX_BODY_LENGTH = 1600;

    private final Registry registry;

    private final MessageStore store;

    private final StatusCallbacks statusCallbacks;

    MessagesApi(Registry registry, MessageStore store, StatusCallbacks statusCallbacks) {
        this.registry = registry;
        this.store = store;
        this.statusCallbacks = statusCallbacks;
    }

    HttpReply create(String accountSid, Map<String, List<String>> form, Instant now) {
        String to = FormData.first(form, "To");
        if (to == null) {
            throw ErrorAnswer.badRequest(21604, "A 'To' phone number is required.");
        }
        if (!ADDRESS.matcher(to).matches()) {
            throw ErrorAnswer.badRequest(21211, "Invalid 'To' Phone Number: " + to);
        }
        String from = FormData.first(form, "From");
        String messagingServiceSid = FormData.first(form, "MessagingServiceSid");
        if (from == null && messagingServiceSid == null) {
            throw ErrorAnswer.badRequest(21603, "A 'From' phone number or a 'MessagingServiceSid' is required.");
        }
        if (from != null && !this.registry.ownsPhoneNumber(accountSid, from.substring(channelPrefix(from)))) {
            throw ErrorAnswer.badRequest(21606, "The From phone number " + from
                    + " is not a valid, SMS-capable inbound phone number or short code for your account.");
        }
        String body = FormData.first(form, "Body");
        List<String> mediaUrls = form.getOrDefault("MediaUrl", List.of());
        if (body == null && mediaUrls.isEmpty() && FormData.first(form, "ContentSid") == null) {
            throw (messagingServiceSid != null)
                    ? ErrorAnswer.badRequest(21619, "A text message body or media urls must be specified.")
                    : ErrorAnswer.badRequest(21602, "Message body is required.");
        }
        if (body != null && body.codePointCount(0, body.length()) > MAX_BODY_LENGTH) {
            throw ErrorAnswer.badRequest(21617, "The concatenated message body exceeds the 1600 character limit.");
        }
        SentMessage message = new SentMessage(newSid(), accountSid, to, from, messagingServiceSid, body, mediaUrls,
                FormData.first(form, "StatusCallback"));
        StoredMessage stored = new StoredMessage(message, now);
        this.store.add(stored);
        this.statusCallbacks.schedule(message);
        return HttpReply.json(201, json(stored));
    }

    HttpReply fetch(String accountSid, String sid, String path) {
        return this.store.find(accountSid, sid)
            .map((stored) -> HttpReply.json(200, json(stored)))
            .orElseThrow(() -> ErrorAnswer.notFound(path));
    }

    HttpReply list(String accountSid, Map<String, List<String>> query) {
        MessageFilters filters = MessageFilters.of(query);
        List<StoredMessage> selected = this.store.newestFirst(accountSid).stream().filter(filters.test()).toList();
        Page<StoredMessage> page = Page.of(selected, (stored) -> stored.message().sid(), query, Page.API_2010);
        String path = messagesPath(accountSid) + ".json?" + filters.query();
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        ArrayNode messages = json.putArray("messages");
        page.items().forEach((stored) -> messages.add(json(stored)));
        json.put("page", page.number());
        json.put("page_size", page.size());
        json.put("start", page.start());
        json.put("end", page.end());
        json.put("uri", page.current(path));
        json.put("first_page_uri", page.first(path));
        json.put("next_page_uri", page.next(path));
        json.put("previous_page_uri", page.previous(path));
        return HttpReply.json(200, json);
    }

    private static ObjectNode json(StoredMessage stored) {
        SentMessage message = stored.message();
        String uri = messagesPath(message.accountSid()) + "/" + message.sid();
        String date = RFC_2822.format(stored.dateCreated());
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("account_sid", message.accountSid());
        json.put("api_version", API_VERSION);
        json.put("body", (message.body() != null) ? message.body() : "");
        json.put("date_created", date);
        json.put("date_sent", RFC_2822.format(stored.dateSent()));
        json.put("date_updated", date);
        json.put("direction", "outbound-api");
        json.putNull("error_code");
        json.putNull("error_message");
        json.put("from", message.from());
        json.put("messaging_service_sid", message.messagingServiceSid());
        json.put("num_media", Integer.toString(message.mediaUrls().size()));
        json.put("num_segments", Integer.toString(MessageSegments.count(message.body())));
        json.putNull("price");
        json.put("price_unit", "USD");
        json.put("sid", message.sid());
        json.put("status", "queued");
        json.putObject("subresource_uris").put("media", uri + "/Media.json");
        json.put("to", message.to());
        json.put("uri", uri + ".json");
        return json;
    }

    /** Where a number starts in an address that may carry a channel, such as {@code whatsapp:+1...}. */
    private static int channelPrefix(String address) {
        return address.startsWith(WHATSAPP) ? WHATSAPP.length() : 0;
    }

    private static String messagesPath(String accountSid) {
        return "/" + API_VERSION + "/Accounts/" + accountSid + "/Messages";
    }

    private static String newSid() {
        byte[] random = new byte[16];
        ThreadLocalRandom.current().nextBytes(random);
        return "SM" + HexFormat.of().formatHex(random);
    }
}
