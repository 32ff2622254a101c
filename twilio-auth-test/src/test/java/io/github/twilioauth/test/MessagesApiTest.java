package io.github.twilioauth.test;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Messages resource of the 2010-04-01 API: create, fetch and list.
 */
class MessagesApiTest {

    private static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";

    private static final String AUTH_TOKEN = "auth-token-value";

    private static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";

    private static final String AUTHORIZATION = TwilioHttp.basic(ACCOUNT_SID, AUTH_TOKEN);

    private static final String OWNED_NUMBER = "+15017122661";

    private final MockTwilioServer server = new MockTwilioServer().account(ACCOUNT_SID, AUTH_TOKEN)
        .phoneNumbers(ACCOUNT_SID, OWNED_NUMBER)
        .start();

    private final TwilioHttp http = new TwilioHttp();

    @AfterEach
    void closeServer() {
        this.server.close();
    }

    @Test
    void createsMessageAnsweringTwilioMessageJson() {
        HttpResponse<String> response = send("To", "+15558675310", "From", "+15017122661", "Body", "Hello");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode json = TwilioHttp.json(response);
        String sid = json.get("sid").asString();
        assertThat(sid).matches("SM[0-9a-f]{32}");
        assertThat(json.get("account_sid").asString()).isEqualTo(ACCOUNT_SID);
        assertThat(json.get("api_version").asString()).isEqualTo("2010-04-01");
        assertThat(json.get("body").asString()).isEqualTo("Hello");
        assertThat(json.get("num_segments").isString()).isTrue();
        assertThat(json.get("num_segments").asString()).isEqualTo("1");
        assertThat(json.get("num_media").asString()).isEqualTo("0");
        assertThat(json.get("direction").asString()).isEqualTo("outbound-api");
        assertThat(json.get("from").asString()).isEqualTo("+15017122661");
        assertThat(json.get("to").asString()).isEqualTo("+15558675310");
        assertThat(json.get("status").asString()).isEqualTo("queued");
        assertThat(json.get("messaging_service_sid").isNull()).isTrue();
        assertThat(json.get("date_sent").asString()).isEqualTo(json.get("date_created").asString());
        assertThat(json.get("price").isNull()).isTrue();
        assertThat(json.get("price_unit").asString()).isEqualTo("USD");
        assertThat(json.get("error_code").isNull()).isTrue();
        assertThat(json.get("error_message").isNull()).isTrue();
        assertThat(json.get("uri").asString())
            .isEqualTo("/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages/" + sid + ".json");
        assertThat(json.get("subresource_uris").get("media").asString())
            .isEqualTo("/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages/" + sid + "/Media.json");
    }

    @Test
    void datesMessagesInRfc2822() {
        Instant now = Instant.parse("2015-07-30T20:12:31Z");
        this.server.clock(Clock.fixed(now, ZoneOffset.UTC));

        JsonNode json = TwilioHttp.json(send("To", "+15558675310", "From", "+15017122661", "Body", "Hello"));

        assertThat(json.get("date_created").asString()).isEqualTo("Thu, 30 Jul 2015 20:12:31 +0000");
        assertThat(ZonedDateTime.parse(json.get("date_updated").asString(), DateTimeFormatter.RFC_1123_DATE_TIME)
            .toInstant()).isEqualTo(now);
    }

    @ParameterizedTest(name = "{0} x ''{1}'' is {2} segment(s)")
    @CsvSource({ "1, a, 1", "160, a, 1", "161, a, 2", "306, a, 2", "307, a, 3", "80, €, 1", "81, €, 2",
            "70, ж, 1", "71, ж, 2" })
    void countsSegmentsOfGsm7AndUcs2Bodies(int length, String character, String segments) {
        JsonNode json = TwilioHttp
            .json(send("To", "+15558675310", "From", "+15017122661", "Body", character.repeat(length)));

        assertThat(json.get("num_segments").asString()).isEqualTo(segments);
    }

    @Test
    void countsEmojiAsTwoUcs2Units() {
        String body = "a".repeat(69) + "\uD83D\uDE00";

        JsonNode json = TwilioHttp.json(send("To", "+15558675310", "From", "+15017122661", "Body", body));

        assertThat(body).hasSize(71);
        assertThat(json.get("num_segments").asString()).isEqualTo("2");
    }

    @Test
    void countsMediaOfMediaOnlyMessageAsOneSegment() {
        JsonNode json = TwilioHttp.json(send("To", "+15558675310", "From", "+15017122661", "MediaUrl",
                "https://example.com/a.png", "MediaUrl", "https://example.com/b.png"));

        assertThat(json.get("num_media").asString()).isEqualTo("2");
        assertThat(json.get("num_segments").asString()).isEqualTo("1");
        assertThat(json.get("body").asString()).isEmpty();
    }

    @Test
    void acceptsMessagingServiceSidInsteadOfFrom() {
        String serviceSid = "MG0123456789abcdef0123456789abcdef";

        HttpResponse<String> response = send("To", "+15558675310", "MessagingServiceSid", serviceSid, "Body", "Hi");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(TwilioHttp.json(response).get("messaging_service_sid").asString()).isEqualTo(serviceSid);
        assertThat(TwilioHttp.json(response).get("from").isNull()).isTrue();
    }

    @Test
    void recordsCreatedMessagesWithStatusCallback() {
        String sid = TwilioHttp.json(send("To", "+15558675310", "From", "+15017122661", "Body", "Hello", "MediaUrl",
                "https://example.com/a.png", "StatusCallback", "https://example.com/status"))
            .get("sid")
            .asString();

        assertThat(this.server.messages()).containsExactly(new SentMessage(sid, ACCOUNT_SID, "+15558675310",
                "+15017122661", null, "Hello", List.of("https://example.com/a.png"), "https://example.com/status"));
    }

    @Test
    void requiresTo() {
        assertBadRequest(send("From", "+15017122661", "Body", "Hello"), 21604, "A 'To' phone number is required.");
    }

    @Test
    void requiresFromOrMessagingServiceSid() {
        assertBadRequest(send("To", "+15558675310", "Body", "Hello"), 21603,
                "A 'From' phone number or a 'MessagingServiceSid' is required.");
    }

    @Test
    void requiresBodyOrMedia() {
        assertBadRequest(send("To", "+15558675310", "From", "+15017122661"), 21602, "Message body is required.");
    }

    @ParameterizedTest
    @CsvSource({ "5558675310", "+05558675310", "+1555867531012345", "whatsapp:5558675310", "not a number" })
    void rejectsToThatIsNotAnE164Number(String to) {
        assertBadRequest(send("To", to, "From", OWNED_NUMBER, "Body", "Hello"), 21211,
                "Invalid 'To' Phone Number: " + to);
    }

    @Test
    void acceptsWhatsAppAddresses() {
        HttpResponse<String> response = send("To", "whatsapp:+15558675310", "From", "whatsapp:" + OWNED_NUMBER,
                "Body", "Hello");

        assertThat(response.statusCode()).isEqualTo(201);
    }

    @Test
    void rejectsFromTheAccountDoesNotOwn() {
        assertBadRequest(send("To", "+15558675310", "From", "+15017122662", "Body", "Hello"), 21606,
                "The From phone number +15017122662 is not a valid, SMS-capable inbound phone number or short code "
                        + "for your account.");
    }

    @Test
    void everyAccountOwnsTwilioTestNumber() {
        String other = "ACfedcba9876543210fedcba9876543210";
        this.server.account(other, "other-token");

        HttpResponse<String> response = this.http.postForm(
                url("/2010-04-01/Accounts/" + other + "/Messages.json"), TwilioHttp.basic(other, "other-token"), "To",
                "+15558675310", "From", "+15005550006", "Body", "Hello");

        assertThat(response.statusCode()).isEqualTo(201);
    }

    @Test
    void numbersAreOwnedByTheAccountTheyAreRegisteredFor() {
        String other = "ACfedcba9876543210fedcba9876543210";
        this.server.account(other, "other-token");

        HttpResponse<String> response = this.http.postForm(
                url("/2010-04-01/Accounts/" + other + "/Messages.json"), TwilioHttp.basic(other, "other-token"), "To",
                "+15558675310", "From", OWNED_NUMBER, "Body", "Hello");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(TwilioHttp.json(response).get("code").asInt()).isEqualTo(21606);
    }

    @Test
    void requiresBodyMediaOrContentOfAMessagingServiceMessage() {
        assertBadRequest(send("To", "+15558675310", "MessagingServiceSid", "MG0123456789abcdef0123456789abcdef"),
                21619, "A text message body or media urls must be specified.");
    }

    @Test
    void acceptsContentSidInsteadOfBody() {
        HttpResponse<String> response = send("To", "+15558675310", "MessagingServiceSid",
                "MG0123456789abcdef0123456789abcdef", "ContentSid", "HX0123456789abcdef0123456789abcdef");

        assertThat(response.statusCode()).isEqualTo(201);
    }

    @Test
    void acceptsBodyOf1600Characters() {
        assertThat(send("To", "+15558675310", "From", OWNED_NUMBER, "Body", "ж".repeat(1600)).statusCode())
            .isEqualTo(201);
    }

    @Test
    void rejectsBodyOverThe1600CharacterLimit() {
        assertBadRequest(send("To", "+15558675310", "From", OWNED_NUMBER, "Body", "a".repeat(1601)), 21617,
                "The concatenated message body exceeds the 1600 character limit.");
    }

    @Test
    void createsNoMessageForInvalidRequest() {
        send("From", "+15017122661", "Body", "Hello");

        assertThat(this.server.messages()).isEmpty();
    }

    @Test
    void fetchesCreatedMessage() {
        JsonNode created = TwilioHttp.json(send("To", "+15558675310", "From", "+15017122661", "Body", "Hello"));

        HttpResponse<String> response = this.http.get(url(created.get("uri").asString()), AUTHORIZATION);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(TwilioHttp.json(response)).isEqualTo(created);
    }

    @Test
    void answersNotFoundForUnknownMessage() {
        String path = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages/SM00000000000000000000000000000000.json";

        HttpResponse<String> response = this.http.get(url(path), AUTHORIZATION);

        assertThat(response.statusCode()).isEqualTo(404);
        JsonNode json = TwilioHttp.json(response);
        assertThat(json.get("code").asInt()).isEqualTo(20404);
        assertThat(json.get("message").asString()).isEqualTo("The requested resource " + path + " was not found");
        assertThat(json.get("status").asInt()).isEqualTo(404);
    }

    @Test
    void listsMessagesNewestFirstInPagesFollowingNextPageUri() {
        List<String> sids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sids.add(0, TwilioHttp.json(send("To", "+15558675310", "From", "+15017122661", "Body", "Message " + i))
                .get("sid")
                .asString());
        }

        List<String> listed = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String uri = MESSAGES + "?PageSize=2";
        while (uri != null) {
            JsonNode page = TwilioHttp.json(this.http.get(url(uri), AUTHORIZATION));
            page.get("messages").forEach((message) -> listed.add(message.get("sid").asString()));
            pageSizes.add(page.get("messages").size());
            assertThat(page.get("page_size").asInt()).isEqualTo(2);
            assertThat(page.get("first_page_uri").asString()).isEqualTo(MESSAGES + "?PageSize=2&Page=0");
            uri = page.get("next_page_uri").isNull() ? null : page.get("next_page_uri").asString();
        }

        assertThat(listed).isEqualTo(sids);
        assertThat(pageSizes).containsExactly(2, 2, 1);
    }

    @Test
    void describesPagePositionLikeTwilio() {
        for (int i = 0; i < 5; i++) {
            send("To", "+15558675310", "From", "+15017122661", "Body", "Message " + i);
        }
        JsonNode first = TwilioHttp.json(this.http.get(url(MESSAGES + "?PageSize=2"), AUTHORIZATION));

        JsonNode second = TwilioHttp.json(this.http.get(url(first.get("next_page_uri").asString()), AUTHORIZATION));

        assertThat(first.get("page").asInt()).isZero();
        assertThat(first.get("start").asInt()).isZero();
        assertThat(first.get("end").asInt()).isEqualTo(1);
        assertThat(first.get("previous_page_uri").isNull()).isTrue();
        assertThat(second.get("page").asInt()).isEqualTo(1);
        assertThat(second.get("start").asInt()).isEqualTo(2);
        assertThat(second.get("end").asInt()).isEqualTo(3);
        assertThat(second.get("uri").asString()).isEqualTo(first.get("next_page_uri").asString());
        assertThat(second.get("previous_page_uri").asString()).isEqualTo(MESSAGES + "?PageSize=2&Page=0");
    }

    @Test
    void listsFiftyMessagesPerPageByDefault() {
        JsonNode page = TwilioHttp.json(this.http.get(url(MESSAGES), AUTHORIZATION));

        assertThat(page.get("page_size").asInt()).isEqualTo(50);
        assertThat(page.get("messages").isEmpty()).isTrue();
        assertThat(page.get("next_page_uri").isNull()).isTrue();
    }

    @Test
    void listsOnlyMessagesToTheGivenNumber() {
        send("To", "+15558675310", "From", OWNED_NUMBER, "Body", "to the first");
        send("To", "+15558675311", "From", OWNED_NUMBER, "Body", "to the second");

        JsonNode page = list("To=%2B15558675311");

        assertThat(page.get("messages")).extracting((message) -> message.get("body").asString())
            .containsExactly("to the second");
    }

    @Test
    void listsOnlyMessagesFromTheGivenNumber() {
        send("To", "+15558675310", "From", OWNED_NUMBER, "Body", "from the owned number");
        send("To", "+15558675310", "From", "+15005550006", "Body", "from the test number");

        JsonNode page = list("From=%2B15005550006");

        assertThat(page.get("messages")).extracting((message) -> message.get("body").asString())
            .containsExactly("from the test number");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "DateSent=2015-07-30, 'on the 30th'", "DateSent%3C=2015-07-30, 'on the 30th, on the 29th'",
            "DateSent%3E=2015-07-30, 'on the 31st, on the 30th'",
            "DateSent%3E=Thu%2C+30+Jul+2015+12%3A00%3A00+%2B0000, 'on the 31st'",
            "DateSent%3C=2015-07-30+11%3A59%3A59.000, 'on the 30th, on the 29th'" })
    void listsOnlyMessagesSentOnBeforeOrAfterTheGivenDate(String filter, String expected) {
        for (String day : List.of("29th", "30th", "31st")) {
            this.server.clock(Clock.fixed(Instant.parse("2015-07-" + day.substring(0, 2) + "T10:00:00Z"),
                    ZoneOffset.UTC));
            send("To", "+15558675310", "From", OWNED_NUMBER, "Body", "on the " + day);
        }

        JsonNode page = list(filter);

        assertThat(page.get("messages")).extracting((message) -> message.get("body").asString())
            .containsExactly(expected.split(", "));
    }

    @Test
    void rejectsDateSentThatIsNoDate() {
        HttpResponse<String> response = this.http.get(url(MESSAGES + "?DateSent=yesterday"), AUTHORIZATION);

        assertBadRequest(response, 20001, "Invalid DateSent: yesterday");
    }

    @Test
    void pageUrisRepeatTheFiltersAndPageSizeAsTwilioDoes() {
        for (int i = 0; i < 3; i++) {
            send("To", "+15558675310", "From", OWNED_NUMBER, "Body", "Message " + i);
        }
        String filters = "To=%2B15558675310&From=%2B15017122661&DateSent%3E=2015-07-30&";

        JsonNode first = list("DateSent%3E=2015-07-30&From=%2B15017122661&To=%2B15558675310&PageSize=2");
        JsonNode second = TwilioHttp.json(this.http.get(url(first.get("next_page_uri").asString()), AUTHORIZATION));

        String lastOfFirstPage = first.get("messages").get(1).get("sid").asString();
        assertThat(first.get("uri").asString()).isEqualTo(MESSAGES + "?" + filters + "PageSize=2&Page=0");
        assertThat(first.get("first_page_uri").asString()).isEqualTo(MESSAGES + "?" + filters + "PageSize=2&Page=0");
        assertThat(first.get("next_page_uri").asString())
            .isEqualTo(MESSAGES + "?" + filters + "PageSize=2&Page=1&PageToken=PA" + lastOfFirstPage);
        assertThat(second.get("messages")).hasSize(1);
        assertThat(second.get("uri").asString()).isEqualTo(first.get("next_page_uri").asString());
        assertThat(second.get("previous_page_uri").asString())
            .isEqualTo(MESSAGES + "?" + filters + "PageSize=2&Page=0");
        assertThat(second.get("next_page_uri").isNull()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({ "0", "1001", "many" })
    void rejectsPageSizeOutsideOneToThousand(String pageSize) {
        HttpResponse<String> response = this.http.get(url(MESSAGES + "?PageSize=" + pageSize), AUTHORIZATION);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(TwilioHttp.json(response).get("message").asString()).contains("PageSize");
    }

    @Test
    void answersNotFoundForUnknownPath() {
        HttpResponse<String> response = this.http.get(url("/2010-04-01/Accounts/" + ACCOUNT_SID + "/Calls.json"),
                AUTHORIZATION);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(TwilioHttp.json(response).get("code").asInt()).isEqualTo(20404);
    }

    @Test
    void answersMethodNotAllowedForDeleteOnMessages() {
        HttpResponse<String> response = this.http
            .send(TwilioHttp.request(url(MESSAGES), AUTHORIZATION).DELETE().build());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("GET, POST");
    }

    private JsonNode list(String query) {
        HttpResponse<String> response = this.http.get(url(MESSAGES + "?" + query), AUTHORIZATION);
        assertThat(response.statusCode()).isEqualTo(200);
        return TwilioHttp.json(response);
    }

    private HttpResponse<String> send(String... namesAndValues) {
        return this.http.postForm(url(MESSAGES), AUTHORIZATION, namesAndValues);
    }

    private String url(String path) {
        return this.server.baseUrl() + path;
    }

    private static void assertBadRequest(HttpResponse<String> response, int code, String message) {
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode json = TwilioHttp.json(response);
        assertThat(json.get("code").asInt()).isEqualTo(code);
        assertThat(json.get("message").asString()).isEqualTo(message);
        assertThat(json.get("more_info").asString()).isEqualTo("https://www.twilio.com/docs/errors/" + code);
        assertThat(json.get("status").asInt()).isEqualTo(400);
    }
}
