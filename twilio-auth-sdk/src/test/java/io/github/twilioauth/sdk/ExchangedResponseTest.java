package io.github.twilioauth.sdk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.apache.hc.core5.http.Header;
import org.junit.jupiter.api.Test;

import io.github.twilioauth.client.TwilioRawResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@link ExchangedResponse}: what the SDK reads of an exchange, and how often it may. Over HTTP,
 * {@code TwilioSdkHttpClientTest} shows the SDK's resources reading it.
 */
class ExchangedResponseTest {

    private static final String JSON = "{\"sid\":\"SM1\",\"body\":\"Grüße\"}";

    private static ExchangedResponse response(HttpHeaders headers) {
        return new ExchangedResponse(new TwilioRawResponse(201, headers, JSON.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void eachValueOfAHeaderBecomesOneSdkHeaderInOrder() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.add(HttpHeaders.VARY, "Accept");
        headers.add(HttpHeaders.VARY, "Origin");

        assertThat(response(headers).getHeaders()).extracting(Header::getName, Header::getValue)
            .containsExactly(tuple(HttpHeaders.CONTENT_TYPE, "application/json"), tuple(HttpHeaders.VARY, "Accept"),
                    tuple(HttpHeaders.VARY, "Origin"));
    }

    @Test
    void theBodyIsReadWholeAsOftenAsAskedAsStreamOrText() throws IOException {
        ExchangedResponse response = response(new HttpHeaders());

        assertThat(response.getStream().readAllBytes()).asString(StandardCharsets.UTF_8).isEqualTo(JSON);
        assertThat(response.getStream().readAllBytes()).asString(StandardCharsets.UTF_8).isEqualTo(JSON);
        assertThat(response.getContent()).isEqualTo(JSON);
        assertThat(response.getStatusCode()).isEqualTo(201);
    }
}
