package io.github.twilioauth.http;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.github.twilioauth.autoconfigure.TwilioAutoConfiguration;
import io.github.twilioauth.client.TwilioClient;
import io.github.twilioauth.client.TwilioResponse;
import io.github.twilioauth.test.MockTwilioExtension;
import io.github.twilioauth.test.MockTwilioServer;
import io.github.twilioauth.test.OffSpecRequests;
import io.github.twilioauth.test.RecordedRequest;
import io.github.twilioauth.testsupport.TwilioAutoConfigurations;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Credentials go only to allowed hosts, and never follow a redirect, over real HTTP: two
 * stand-ins on loopback, one named {@code 127.0.0.1} (the configured base URL) and one reached
 * as {@code localhost} (another host).
 */
class CredentialRoutingTest {

    private static final String ACCOUNT_SID = "AC" + "a".repeat(32);

    private static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";

    @RegisterExtension
    static final MockTwilioExtension twilio = new MockTwilioExtension();

    /** A host that is not Twilio's. */
    @AutoClose
    private final MockTwilioServer other = new MockTwilioServer().start();

    /** What the other host receives is held to no Twilio spec. */
    @AutoClose
    private final OffSpecRequests otherIsNotTwilio = this.other.offSpec("a host that is not Twilio's");

    @BeforeEach
    void registerAccount() {
        twilio.server().account(ACCOUNT_SID, "routing-auth-token");
    }

    private String otherUrl(String path) {
        return "http://localhost:" + URI.create(this.other.baseUrl()).getPort() + path;
    }

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
            .withConfiguration(TwilioAutoConfigurations.client())
            .withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
                    ImperativeHttpClientAutoConfiguration.class))
            .withPropertyValues("twilio.account-sid=" + ACCOUNT_SID, "twilio.auth.auth-token=routing-auth-token",
                    "twilio.base-url=" + twilio.server().baseUrl());
    }

    /** The other host, which is not Twilio, answers the next request 200 without a body, whatever it asks. */
    private void otherAnswersOk() {
        this.other.respondToNextApiRequest(200, Map.of(), null, null);
    }

    /** The Twilio host redirects the next request to the other host. */
    private void twilioRedirectsToTheOtherHost() {
        twilio.server().respondToNextApiRequest(302, Map.of(HttpHeaders.LOCATION, otherUrl("/stolen")), null, null);
    }

    @Test
    void credentialsGoToTheBaseUrlHost() {
        runner().run((context) -> {
            context.getBean(TwilioClient.class).request(HttpMethod.GET, MESSAGES);
            assertThat(twilio.server().requests()).singleElement()
                .satisfies((request) -> assertThat(request.authorization()).startsWith("Basic "));
        });
    }

    @Test
    void requestsToOtherHostsThroughTheTwilioRestClientCarryNoCredentials() {
        otherAnswersOk();
        runner().run((context) -> {
            RestClient restClient = context.getBean(TwilioAutoConfiguration.REST_CLIENT_BEAN_NAME, RestClient.class);
            restClient.get().uri(otherUrl("/elsewhere")).retrieve().toBodilessEntity();
            assertThat(this.other.requests()).extracting(RecordedRequest::authorization).containsExactly((String) null);
        });
    }

    @Test
    void allowedHostsPropertyWidensWhereCredentialsGo() {
        otherAnswersOk();
        runner().withPropertyValues("twilio.auth.allowed-hosts=localhost").run((context) -> {
            RestClient restClient = context.getBean(TwilioAutoConfiguration.REST_CLIENT_BEAN_NAME, RestClient.class);
            restClient.get().uri(otherUrl("/proxy")).retrieve().toBodilessEntity();
            assertThat(this.other.requests()).singleElement()
                .satisfies((request) -> assertThat(request.authorization()).isNotNull());
        });
    }

    @Test
    void redirectsAreNotFollowedSoCredentialsNeverReachAnotherHost() {
        twilioRedirectsToTheOtherHost();
        runner().run((context) -> {
            TwilioResponse response = context.getBean(TwilioClient.class).request(HttpMethod.GET, MESSAGES);
            assertThat(response.statusCode()).isEqualTo(302);
            assertThat(twilio.server().requests()).hasSize(1);
            assertThat(this.other.requests()).isEmpty();
        });
    }

    @ParameterizedTest(name = "spring.http.clients.imperative.factory={0}")
    @ValueSource(strings = { "http-components", "jdk", "reactor", "simple" })
    void cookiesAnAnswerSetsAreNeverSentBackSoNoStateCrossesCallsOrTenants(String factory) {
        assertNoCookieIsSentBack(runner().withPropertyValues("spring.http.clients.imperative.factory=" + factory));
    }

    @ParameterizedTest(name = "spring.http.clients.imperative.factory={0}")
    @ValueSource(strings = { "http-components", "jdk", "reactor", "simple" })
    void cookiesAreNeverSentBackEvenWhenTheApplicationTurnsOnBootsCookieHandlingForItsClients(String factory) {
        assertNoCookieIsSentBack(runner().withPropertyValues("spring.http.clients.imperative.factory=" + factory,
                "spring.http.clients.cookie-handling=enable"));
    }

    /** Twilio answers a first call with a cookie; neither call carries one. */
    private static void assertNoCookieIsSentBack(ApplicationContextRunner runner) {
        twilio.server()
            .respondToNextApiRequest(200, Map.of(HttpHeaders.SET_COOKIE, "session=tenant-a; Path=/"),
                    "application/json", "{}");
        runner.run((context) -> {
            TwilioClient client = context.getBean(TwilioClient.class);
            client.request(HttpMethod.GET, MESSAGES);
            client.request(HttpMethod.GET, MESSAGES);
            assertThat(twilio.server().requests()).hasSize(2).extracting(RecordedRequest::cookie).containsOnlyNulls();
        });
    }

    @Test
    void otherRestClientsStillFollowRedirects() {
        twilioRedirectsToTheOtherHost();
        otherAnswersOk();
        runner().run((context) -> {
            RestClient unrelated = context.getBean(RestClient.Builder.class).build();
            unrelated.get().uri(twilio.server().baseUrl() + MESSAGES).retrieve().toBodilessEntity();
            assertThat(this.other.requests()).extracting(RecordedRequest::authorization).containsExactly((String) null);
        });
    }
}
