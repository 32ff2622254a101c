package io.github.twilioauth.autoconfigure.restclienttest;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import io.github.twilioauth.client.Message;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.restclient.test.autoconfigure.RestClientTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.content;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.header;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.method;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withStatus;

/**
 * A component that uses {@code TwilioClient}, tested in a {@code @RestClientTest} slice with
 * {@link MockRestServiceServer} instead of Twilio.
 */
@RestClientTest(components = Notifier.class,
        properties = { "twilio.account-sid=" + NotifierRestClientTest.ACCOUNT_SID,
                "twilio.auth.auth-token=" + NotifierRestClientTest.AUTH_TOKEN })
class NotifierRestClientTest {

    static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";

    static final String AUTH_TOKEN = "slice-auth-token";

    private static final String MESSAGE_JSON = """
            {"sid": "SM0123456789abcdef0123456789abcdef", "account_sid": "%s", "to": "+15558675310",
             "from": "+15005550006", "body": "Your order has shipped", "status": "queued",
             "direction": "outbound-api", "num_segments": "1", "num_media": "0",
             "date_created": "Thu, 30 Jul 2015 20:12:31 +0000", "date_updated": "Thu, 30 Jul 2015 20:12:31 +0000",
             "date_sent": null, "price": null, "price_unit": "USD", "error_code": null, "error_message": null,
             "uri": "/2010-04-01/Accounts/%s/Messages/SM0123456789abcdef0123456789abcdef.json"}
            """.formatted(ACCOUNT_SID, ACCOUNT_SID);

    @Autowired
    private Notifier notifier;

    @Autowired
    private MockRestServiceServer server;

    @Test
    void sendsTheMessageWithBasicCredentialsAndReadsTwiliosAnswer() {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("To", "+15558675310");
        form.add("From", "+15005550006");
        form.add("Body", "Your order has shipped");
        this.server.expect(requestTo("https://api.twilio.com/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json"))
            .andExpect(method(HttpMethod.POST))
            .andExpect(header(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder()
                .encodeToString((ACCOUNT_SID + ":" + AUTH_TOKEN).getBytes(StandardCharsets.UTF_8))))
            .andExpect(content().formData(form))
            .andRespond(withStatus(HttpStatus.CREATED).contentType(MediaType.APPLICATION_JSON).body(MESSAGE_JSON));

        Message message = this.notifier.notifyShipped("+15558675310");

        this.server.verify();
        assertThat(message.sid()).isEqualTo("SM0123456789abcdef0123456789abcdef");
        assertThat(message.status()).isEqualTo("queued");
        assertThat(message.numSegments()).isEqualTo(1);
        assertThat(message.price()).isNull();
        assertThat(message.dateCreated()).isEqualTo(OffsetDateTime.of(2015, 7, 30, 20, 12, 31, 0, ZoneOffset.UTC));
    }
}
