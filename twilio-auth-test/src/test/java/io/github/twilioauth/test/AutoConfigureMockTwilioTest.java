package io.github.twilioauth.test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AutoConfigureMockTwilio} on a {@code @SpringBootTest} with account, API key and OAuth
 * app properties.
 */
@SpringBootTest(classes = AutoConfigureMockTwilioTest.Config.class,
        properties = { "twilio.account-sid=" + AutoConfigureMockTwilioTest.ACCOUNT_SID,
                "twilio.auth.auth-token=auth-token-value", "twilio.auth.api-key=SK0123456789abcdef0123456789abcdef",
                "twilio.auth.api-secret=api-secret-value", "twilio.auth.client-id=client-id",
                "twilio.auth.client-secret=client-secret", "twilio.base-url=https://api.twilio.com" })
@AutoConfigureMockTwilio
class AutoConfigureMockTwilioTest {

    static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";

    @Autowired
    private MockTwilioServer server;

    @Value("${twilio.base-url}")
    private String baseUrl;

    @Value("${twilio.auth.token-url}")
    private String tokenUrl;

    private final TwilioHttp http = new TwilioHttp();

    @Test
    void pointsTwilioUrlsAtTheServerAheadOfTestProperties() {
        assertThat(this.baseUrl).isEqualTo(this.server.baseUrl());
        assertThat(this.tokenUrl).isEqualTo(this.server.tokenUrl());
    }

    @Test
    void registersTheOAuthAppOfThePropertiesForTheAccount() {
        String token = this.http.accessToken(this.server, "client-id", "client-secret");

        assertThat(subject(token)).isEqualTo(ACCOUNT_SID);
        assertThat(listMessages(TwilioHttp.bearer(token)).statusCode()).isEqualTo(200);
    }

    @Test
    void registersTheAccountAuthTokenOfTheProperties() {
        assertThat(listMessages(TwilioHttp.basic(ACCOUNT_SID, "auth-token-value")).statusCode()).isEqualTo(200);
    }

    @Test
    void registersTheApiKeyOfTheProperties() {
        assertThat(listMessages(TwilioHttp.basic("SK0123456789abcdef0123456789abcdef", "api-secret-value"))
            .statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> listMessages(String authorization) {
        return this.http.get(this.baseUrl + "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json", authorization);
    }

    static String subject(String token) {
        byte[] payload = Base64.getUrlDecoder().decode(token.split("\\.")[1]);
        return JsonMapper.shared().readTree(new String(payload, StandardCharsets.UTF_8)).get("sub").asString();
    }

    @SpringBootConfiguration
    static class Config {
    }
}
