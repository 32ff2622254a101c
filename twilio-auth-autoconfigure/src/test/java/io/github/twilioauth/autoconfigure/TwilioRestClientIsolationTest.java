package io.github.twilioauth.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.github.twilioauth.client.TwilioClient;
import io.github.twilioauth.test.MockTwilioExtension;
import io.github.twilioauth.test.MockTwilioServer;
import io.github.twilioauth.test.OffSpecRequests;
import io.github.twilioauth.test.RecordedRequest;
import io.github.twilioauth.testsupport.TwilioAutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;

/**
 * The Twilio credentials go to requests of the {@code twilioRestClient} only, never to other
 * {@link RestClient}s of the application.
 */
class TwilioRestClientIsolationTest {

    private static final String ACCOUNT_SID = "AC00000000000000000000000000000001";

    private static final String AUTH_TOKEN = "auth-token-isolation-Rr6t";

    @RegisterExtension
    static final MockTwilioExtension twilio = new MockTwilioExtension();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(TwilioAutoConfigurations.client())
        .withPropertyValues("twilio.account-sid=" + ACCOUNT_SID, "twilio.auth.auth-token=" + AUTH_TOKEN);

    private MockTwilioServer server;

    @BeforeEach
    void registerAccount() {
        this.server = twilio.server().account(ACCOUNT_SID, AUTH_TOKEN);
    }

    /** Answers the next request 200 with an empty JSON object, whatever it asks. */
    private void answerNextOk() {
        this.server.respondToNextApiRequest(200, Map.of(), "application/json", "{}");
    }

    private String url(String path) {
        return this.server.baseUrl() + path;
    }

    private static String expectedBasicAuthorization() {
        return "Basic " + HttpHeaders.encodeBasicAuth(ACCOUNT_SID, AUTH_TOKEN, StandardCharsets.UTF_8);
    }

    static Stream<Named<Class<?>[]>> restClientBuilders() {
        return Stream.of(named("Boot's builder", new Class<?>[0]),
                named("a user-defined builder bean", new Class<?>[] { UserRestClientBuilderConfiguration.class }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("restClientBuilders")
    void restClientBuiltFromTheApplicationsBuilderSendsNoAuthorizationHeader(Class<?>[] userConfigurations) {
        answerNextOk();
        this.runner.withUserConfiguration(userConfigurations).run((context) -> {
            assertThat(context).hasBean(TwilioAutoConfiguration.REST_CLIENT_BEAN_NAME);
            RestClient unrelated = context.getBean(RestClient.Builder.class).build();

            try (OffSpecRequests unrelatedHost = this.server.offSpec("standing in for a host that is not Twilio's")) {
                unrelated.get().uri(url("/unrelated")).retrieve().toBodilessEntity();
            }

            assertThat(this.server.requests()).extracting(RecordedRequest::authorization)
                .containsExactly((String) null);
        });
    }

    @Test
    void twilioRestClientSendsBasicAuthorizationHeaderToAnAllowedHost() {
        answerNextOk();
        this.runner.withPropertyValues("twilio.auth.allowed-hosts=127.0.0.1").run((context) -> {
            RestClient twilio = context.getBean(TwilioAutoConfiguration.REST_CLIENT_BEAN_NAME, RestClient.class);

            twilio.get()
                .uri(url("/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json"))
                .retrieve()
                .toBodilessEntity();

            assertThat(this.server.requests()).extracting(RecordedRequest::authorization)
                .containsExactly(expectedBasicAuthorization());
        });
    }

    @Test
    void twilioClientSendsBasicAuthorizationHeaderToTheBaseUrl() {
        this.runner.withPropertyValues("twilio.base-url=" + url("")).run((context) -> {
            context.getBean(TwilioClient.class)
                .request(HttpMethod.GET, "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json");

            assertThat(this.server.requests()).extracting(RecordedRequest::authorization)
                .containsExactly(expectedBasicAuthorization());
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class UserRestClientBuilderConfiguration {

        @Bean
        RestClient.Builder userRestClientBuilder() {
            return RestClient.builder();
        }
    }
}
