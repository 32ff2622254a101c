package io.github.twilioauth;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TwilioErrorTest {

    @Test
    void readsTheClassicShapeOfThe2010AndOAuthApis() {
        TwilioError error = parse("{\"code\": 21211, \"message\": \"Invalid 'To' Phone Number\","
                + " \"more_info\": \"https://www.twilio.com/docs/errors/21211\", \"status\": 400}");
        assertThat(error).isEqualTo(new TwilioError(21211, "Invalid 'To' Phone Number",
                "https://www.twilio.com/docs/errors/21211"));
    }

    @Test
    void readsTheCamelCaseShapeOfTheOrganizationsApis() {
        TwilioError error = parse("{\"code\": 20404, \"message\": \"The requested resource was not found\","
                + " \"moreInfo\": \"https://www.twilio.com/docs/errors/20404\", \"status\": 404}");
        assertThat(error).isEqualTo(new TwilioError(20404, "The requested resource was not found",
                "https://www.twilio.com/docs/errors/20404"));
    }

    @Test
    void readsScimErrors() {
        TwilioError error = parse("{\"schemas\": [\"urn:ietf:params:scim:api:messages:2.0:Error\"],"
                + " \"detail\": \"Filter is not valid\", \"scimType\": \"invalidFilter\", \"status\": \"400\","
                + " \"code\": 20001, \"moreInfo\": \"https://www.twilio.com/docs/errors/20001\"}");
        assertThat(error).isEqualTo(new TwilioError(20001, "Filter is not valid",
                "https://www.twilio.com/docs/errors/20001"));
    }

    @Test
    void readsRfc9457ProblemDetails() {
        TwilioError error = parse("{\"type\": \"https://www.twilio.com/docs/errors/20429\", \"title\": \"Too Many"
                + " Requests\", \"status\": 429, \"detail\": \"Rate limit exceeded\", \"code\": \"20429\"}");
        assertThat(error).isEqualTo(new TwilioError(20429, "Rate limit exceeded",
                "https://www.twilio.com/docs/errors/20429"));
    }

    @Test
    void problemDetailsOfTypeAboutBlankHaveNoLink() {
        assertThat(parse("{\"type\": \"about:blank\", \"title\": \"Not Found\", \"status\": 404}"))
            .isEqualTo(new TwilioError(null, "Not Found", null));
    }

    @Test
    void codesThatAreNotIntegersAreLeftOut() {
        assertThat(parse("{\"code\": \"E42\", \"message\": \"m\"}").code()).isNull();
        assertThat(parse("{\"code\": 1.5, \"message\": \"m\"}").code()).isNull();
        assertThat(parse("{\"code\": 99999999999, \"message\": \"m\"}").code()).isNull();
    }

    @Test
    void longMessagesAreShortened() {
        TwilioError error = parse("{\"message\": \"" + "x".repeat(500) + "\"}");
        assertThat(error.message()).hasSize(203).endsWith("...");
    }

    @Test
    void bodiesOfOtherShapesGiveAShortSummary() {
        assertThat(TwilioError.parse(new byte[0], "application/json")).isEqualTo(new TwilioError(null, "empty body",
                null));
        assertThat(TwilioError.parse("<html>502</html>".getBytes(StandardCharsets.UTF_8), "text/html"))
            .isEqualTo(new TwilioError(null, "a body that is not JSON (text/html)", null));
        assertThat(parse("[1, 2]")).isEqualTo(new TwilioError(null, "a body that is not JSON", null));
    }

    @Test
    void describesStatusCodeMessageAndLink() {
        assertThat(new TwilioError(20003, "Authenticate", "https://www.twilio.com/docs/errors/20003").describe(401))
            .isEqualTo("HTTP 401, Twilio error 20003: Authenticate (https://www.twilio.com/docs/errors/20003)");
        assertThat(new TwilioError(null, null, null).describe(502)).isEqualTo("HTTP 502");
    }

    private static TwilioError parse(String json) {
        return TwilioError.parse(json.getBytes(StandardCharsets.UTF_8), null);
    }
}
