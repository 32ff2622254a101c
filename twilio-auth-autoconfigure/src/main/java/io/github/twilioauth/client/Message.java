package io.github.twilioauth.client;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * A Twilio message resource ({@code /2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json}).
 * Only the SID is always there: a field the response leaves out is {@code null}.
 *
 * @param sid the message SID ({@code SM...} or {@code MM...})
 * @param accountSid the account that sent it
 * @param messagingServiceSid the messaging service used, or {@code null}
 * @param to the recipient
 * @param from the sender, or {@code null} while a messaging service picks one
 * @param body the text
 * @param status the delivery status, such as {@code queued} or {@code delivered}
 * @param direction {@code outbound-api}, {@code inbound}, ...
 * @param numSegments how many segments the body was split into, or {@code null}
 * @param numMedia how many media files are attached, or {@code null}
 * @param errorCode Twilio's error code when delivery failed, or {@code null}
 * @param errorMessage the description of that error, or {@code null}
 * @param dateCreated when the resource was created
 * @param dateSent when the message was sent, or {@code null}
 * @param dateUpdated when the resource was last updated
 * @param price what it cost (negative for a charge), or {@code null} until known
 * @param priceUnit the currency of the price
 * @param uri the resource's path on the API host
 */
public record Message(String sid, @Nullable String accountSid, @Nullable String messagingServiceSid,
        @Nullable String to, @Nullable String from, @Nullable String body, @Nullable String status,
        @Nullable String direction, @Nullable Integer numSegments, @Nullable Integer numMedia,
        @Nullable Integer errorCode, @Nullable String errorMessage, @Nullable OffsetDateTime dateCreated,
        @Nullable OffsetDateTime dateSent, @Nullable OffsetDateTime dateUpdated, @Nullable BigDecimal price,
        @Nullable String priceUnit, @Nullable String uri) {

    /**
     * Reads a message from Twilio's JSON: snake_case names, numbers sent as strings, dates in
     * RFC 2822 form such as {@code Thu, 30 Jul 2015 20:12:31 +0000}.
     * @param json a message object
     * @return the message
     * @throws io.github.twilioauth.TwilioApiException when the object has no {@code sid} or a
     * field has an unexpected type or form
     */
    static Message fromJson(JsonObject json) {
        return new Message(json.requiredText("sid"), json.text("account_sid"), json.text("messaging_service_sid"),
                json.text("to"), json.text("from"), json.text("body"), json.text("status"), json.text("direction"),
                json.integer("num_segments"), json.integer("num_media"), json.integer("error_code"),
                json.text("error_message"), json.date("date_created"), json.date("date_sent"),
                json.date("date_updated"), json.decimal("price"), json.text("price_unit"), json.text("uri"));
    }
}
