package io.github.twilioauth.client;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.github.twilioauth.TwilioApiException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MessageTest {

    private static Message read(String json) {
        return Message.fromJson(JsonObject.of(new TwilioResponse(200, json), "GET /Messages/SM1.json"));
    }

    @Test
    void readsTwilioMessageJson() {
        Message message = read("""
                {"sid": "SM1", "account_sid": "AC1", "to": "+1555", "from": "+1666", "body": "hi",
                 "status": "undelivered", "direction": "outbound-api", "num_segments": "2", "num_media": "0",
                 "error_code": 30003, "error_message": "Unreachable destination handset",
                 "date_created": "Thu, 30 Jul 2015 20:12:31 +0000", "date_sent": "Thu, 30 Jul 2015 20:12:33 +0000",
                 "date_updated": "Thu, 30 Jul 2015 20:12:33 +0000", "price": "-0.00750", "price_unit": "USD",
                 "messaging_service_sid": null, "uri": "/2010-04-01/Accounts/AC1/Messages/SM1.json"}
                """);
        assertThat(message.sid()).isEqualTo("SM1");
        assertThat(message.numSegments()).isEqualTo(2);
        assertThat(message.numMedia()).isZero();
        assertThat(message.errorCode()).isEqualTo(30003);
        assertThat(message.errorMessage()).isEqualTo("Unreachable destination handset");
        assertThat(message.dateCreated()).isEqualTo(OffsetDateTime.of(2015, 7, 30, 20, 12, 31, 0, ZoneOffset.UTC));
        assertThat(message.dateSent()).isEqualTo(OffsetDateTime.of(2015, 7, 30, 20, 12, 33, 0, ZoneOffset.UTC));
        assertThat(message.price()).isEqualByComparingTo(new BigDecimal("-0.0075"));
        assertThat(message.messagingServiceSid()).isNull();
    }

    @Test
    void missingOptionalFieldsAreNull() {
        Message message = read("{\"sid\": \"SM1\"}");
        assertThat(message.dateSent()).isNull();
        assertThat(message.price()).isNull();
        assertThat(message.numSegments()).isNull();
    }

    @Test
    void malformedDateNamesTheField() {
        assertThatExceptionOfType(TwilioApiException.class)
            .isThrownBy(() -> read("{\"sid\": \"SM1\", \"date_created\": \"yesterday\"}"))
            .withMessageContaining("GET /Messages/SM1.json with HTTP 200 and an unexpected response")
            .withMessageContaining("field 'date_created' is not an RFC 2822 date")
            .satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(200));
    }
}
