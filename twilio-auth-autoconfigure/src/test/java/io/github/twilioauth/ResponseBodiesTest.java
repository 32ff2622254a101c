package io.github.twilioauth;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.client.MockClientHttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ResponseBodies#readAtMost} on bodies whose {@code Content-Length} is wrong, which no
 * HTTP client of Spring hands over (they fail a short body, and drop the length of a body they
 * decode), so they are made here in memory. Bodies of the right length, announced or chunked, are
 * read over HTTP by {@code TwilioClientExchangeTest} and {@code ResponseSizeLimitTest}.
 */
class ResponseBodiesTest {

    private static MockClientHttpResponse response(String body, String contentLength) {
        MockClientHttpResponse response = new MockClientHttpResponse(body.getBytes(StandardCharsets.US_ASCII),
                HttpStatus.OK);
        response.getHeaders().set(HttpHeaders.CONTENT_LENGTH, contentLength);
        return response;
    }

    @Test
    void aBodyLongerThanItsContentLengthIsReadOnWithinTheBound() throws IOException {
        assertThat(ResponseBodies.readAtMost(response("0123456789", "4"), 10)).asString(StandardCharsets.US_ASCII)
            .isEqualTo("0123456789");
    }

    @Test
    void aBodyLongerThanItsContentLengthAndTheBoundIsNotReturned() throws IOException {
        assertThat(ResponseBodies.readAtMost(response("01234567890", "4"), 10)).isNull();
    }

    @Test
    void aBodyShorterThanItsContentLengthGivesWhatCame() throws IOException {
        assertThat(ResponseBodies.readAtMost(response("0123", "10"), 10)).asString(StandardCharsets.US_ASCII)
            .isEqualTo("0123");
    }

    @Test
    void aContentLengthThatIsNotANumberIsReadAsUnknown() throws IOException {
        assertThat(ResponseBodies.readAtMost(response("0123", "four"), 10)).asString(StandardCharsets.US_ASCII)
            .isEqualTo("0123");
    }

    @Test
    void aBodyWhoseContentLengthIsOverTheBoundIsNotReadAtAll() throws IOException {
        MockClientHttpResponse response = response("01234567890", "11");
        ByteArrayInputStream body = (ByteArrayInputStream) response.getBody();

        assertThat(ResponseBodies.readAtMost(response, 10)).isNull();
        assertThat(body.available()).isEqualTo(11);
    }
}
