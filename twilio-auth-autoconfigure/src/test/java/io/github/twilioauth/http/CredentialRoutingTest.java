package io.github.twilioauth.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.twilioauth.autoconfigure.TwilioAutoConfiguration;
import io.github.twilioauth.autoconfigure.TwilioCredentialsAutoConfiguration;
import io.github.twilioauth.autoconfigure.TwilioHttpAutoConfiguration;
import io.github.twilioauth.autoconfigure.TwilioTokenAutoConfiguration;
import io.github.twilioauth.client.TwilioClient;
import io.github.twilioauth.client.TwilioResponse;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Credentials go only to allowed hosts, and never follow a redirect, over real HTTP: two
 * servers on loopback, one named {@code 127.0.0.1} (the configured base URL) and one reached
 * as {@code localhost} (another host).
 */
class CredentialRoutingTest {

    private static final String ACCOUNT_SID = "AC" + "a".repeat(32);

    private final List<Optional<String>> twilioAuthorizations = new CopyOnWriteArrayList<>();

    private final List<Optional<String>> otherAuthorizations = new CopyOnWriteArrayList<>();

    private HttpServer twilio;

    private HttpServer other;

    @BeforeEach
    void startServers() throws IOException {
        this.other = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        this.other.createContext("/", (exchange) -> {
            this.otherAuthorizations.add(Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization")));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        this.other.start();
        this.twilio = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        this.twilio.createContext("/", (exchange) -> {
            this.twilioAuthorizations.add(Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization")));
            if (exchange.getRequestURI().getPath().startsWith("/redirect")) {
                exchange.getResponseHeaders().set(HttpHeaders.LOCATION, otherUrl("/stolen"));
                exchange.sendResponseHeaders(302, -1);
            }
            else {
                exchange.sendResponseHeaders(200, -1);
            }
            exchange.close();
        });
        this.twilio.start();
    }

    @AfterEach
    void stopServers() {
        this.twilio.stop(0);
        this.other.stop(0);
    }

    private String otherUrl(String path) {
        return "http://localhost:" + this.other.getAddress().getPort() + path;
    }

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
                    ImperativeHttpClientAutoConfiguration.class, RestClientAutoConfiguration.class,
                    TwilioTokenAutoConfiguration.class, TwilioCredentialsAutoConfiguration.class, TwilioHttpAutoConfiguration.class, TwilioAutoConfiguration.class))
            .withPropertyValues("twilio.account-sid=" + ACCOUNT_SID, "twilio.auth.auth-token=routing-auth-token",
                    "twilio.base-url=http://127.0.0.1:" + this.twilio.getAddress().getPort());
    }

    @Test
    void credentialsGoToTheBaseUrlHost() {
        runner().run((context) -> {
            context.getBean(TwilioClient.class).request(HttpMethod.GET, "/2010-04-01/Accounts.json");
            assertThat(this.twilioAuthorizations).singleElement()
                .satisfies((header) -> assertThat(header).hasValueSatisfying((value) -> assertThat(value).startsWith("Basic ")));
        });
    }

    @Test
    void requestsToOtherHostsThroughTheTwilioRestClientCarryNoCredentials() {
        runner().run((context) -> {
            RestClient restClient = context.getBean(TwilioAutoConfiguration.REST_CLIENT_BEAN_NAME, RestClient.class);
            restClient.get().uri(otherUrl("/elsewhere")).retrieve().toBodilessEntity();
            assertThat(this.otherAuthorizations).containsExactly(Optional.empty());
        });
    }

    @Test
    void allowedHostsPropertyWidensWhereCredentialsGo() {
        runner().withPropertyValues("twilio.auth.allowed-hosts=localhost").run((context) -> {
            RestClient restClient = context.getBean(TwilioAutoConfiguration.REST_CLIENT_BEAN_NAME, RestClient.class);
            restClient.get().uri(otherUrl("/proxy")).retrieve().toBodilessEntity();
            assertThat(this.otherAuthorizations).singleElement().satisfies((header) -> assertThat(header).isPresent());
        });
    }

    @Test
    void redirectsAreNotFollowedSoCredentialsNeverReachAnotherHost() {
        runner().run((context) -> {
            TwilioResponse response = context.getBean(TwilioClient.class).request(HttpMethod.GET, "/redirect");
            assertThat(response.statusCode()).isEqualTo(302);
            assertThat(this.twilioAuthorizations).hasSize(1);
            assertThat(this.otherAuthorizations).isEmpty();
        });
    }

    @Test
    void otherRestClientsStillFollowRedirects() {
        runner().run((context) -> {
            RestClient unrelated = context.getBean(RestClient.Builder.class).build();
            unrelated.get()
                .uri("http://127.0.0.1:" + this.twilio.getAddress().getPort() + "/redirect")
                .retrieve()
                .toBodilessEntity();
            assertThat(this.otherAuthorizations).containsExactly(Optional.empty());
        });
    }
}
