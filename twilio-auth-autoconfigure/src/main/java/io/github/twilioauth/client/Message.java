package io.github.twilioauth.client;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import tools.jackson.databind.JsonNode;

import io.github.twilioauth.TwilioException;

/**
 * A Twilio message resource ({@code /2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json}).
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
public record Message(String sid, String accountSid, String messagingServiceSid, String to, String from, String body,
        String status, String direction, Integer numSegments, Integer numMedia, Integer errorCode, String errorMessage,
        OffsetDateTime dateCreated, OffsetDateTime dateSent, OffsetDateTime dateUpdated, BigDecimal price,
        String priceUnit, String uri) {

    /**
     * Reads a message from Twilio's JSON: snake_case names, numbers sent as strings, dates in
     * RFC 2822 form such as {@code Thu, 30 Jul 2015 20:12:31 +0000}.
     * @param json a message object
     * @return the message
     * @throws TwilioException when a field has an unexpected form
     */
    static Message fromJson(JsonNode json) {
        return new Message(text(json, "sid"), text(json, "account_sid"), text(json, "messaging_service_sid"),
                text(json, "to"), text(json, "from"), text(json, "body"), text(json, "status"),
                text(json, "direction"), integer(json, "num_segments"), integer(json, "num_media"),
                integer(json, "error_code"), text(json, "error_message"), date(json, "date_created"),
                date(json, "date_sent"), date(json, "date_updated"), decimal(json, "price"), text(json, "price_unit"),
                text(json, "uri"));
    }

    private static String text(JsonNode json, String field) {
        JsonNode node = json.path(field);
        return (node.isMissingNode() || node.isNull()) ? null : node.asString();
    }

    private static Integer integer(JsonNode json, String field) {
        String value = text(json, field);
        try {
            return (value == null || value.isEmpty()) ? null : Integer.valueOf(value);
        }
        catch (NumberFormatException ex) {
            throw new TwilioException("Message field " + field + " is not a whole number: '" + value + "'", ex);
        }
    }

    private static BigDecimal decimal(JsonNode json, String field) {
        String value = text(json, field);
        try {
            return (value == null || value.isEmpty()) ? null : new BigDecimal(value);
        }
        catch (NumberFormatException ex) {
            throw new TwilioException("Message field " + field + " is not a number: '" + value + "'", ex);
        }
    }

    private static OffsetDateTime date(JsonNode json, String field) {
        String value = text(json, field);
        try {
            return (value == null || value.isEmpty()) ? null
                    : OffsetDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
        }
        catch (DateTimeParseException ex) {
            throw new TwilioException("Message field " + field + " is not an RFC 2822 date: '" + value + "'", ex);
        }
    }
}
