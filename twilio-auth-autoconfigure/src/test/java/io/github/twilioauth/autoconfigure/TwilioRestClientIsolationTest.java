package io.github.twilioauth.autoconfigure;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.twilioauth.client.TwilioClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Twilio credentials go to requests of the {@code twilioRestClient} only, never to other
 * {@link RestClient}s of the application.
 */
class TwilioRestClientIsolationTest {

    private static final String ACCOUNT_SID = "AC00000000000000000000000000000001";

    private static final String AUTH_TOKEN = "auth-token-isolation-Rr6t";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(RestClientAutoConfiguration.class,
                TwilioTokenAutoConfiguration.class, TwilioCredentialsAutoConfiguration.class, TwilioHttpAutoConfiguration.class, TwilioAutoConfiguration.class))
        .withPropertyValues("twilio.account-sid=" + ACCOUNT_SID, "twilio.auth.auth-token=" + AUTH_TOKEN);

    /** The Authorization header of each request received, empty when there was none. */
    private final List<Optional<String>> authorizations = new CopyOnWriteArrayList<>();

    private HttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        this.server.createContext("/", this::record);
        this.server.start();
    }

    @AfterEach
    void stopServer() {
        this.server.stop(0);
    }

    private void record(HttpExchange exchange) throws IOException {
        this.authorizations.add(Optional.ofNullable(exchange.getRequestHeaders().getFirst(HttpHeaders.AUTHORIZATION)));
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set(HttpHeaders.CONTENT_TYPE, "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + this.server.getAddress().getPort() + path;
    }

    private static String expectedBasicAuthorization() {
        return "Basic " + HttpHeaders.encodeBasicAuth(ACCOUNT_SID, AUTH_TOKEN, StandardCharsets.UTF_8);
    }

    @Test
    void restClientBuiltFromBootsBuilderSendsNoAuthorizationHeader() {
        this.runner.run((context) -> {
            assertThat(context).hasBean(TwilioAutoConfiguration.REST_CLIENT_BEAN_NAME);
            RestClient unrelated = context.getBean(RestClient.Builder.class).build();

            unrelated.get().uri(url("/unrelated")).retrieve().toBodilessEntity();

            assertThat(this.authorizations).containsExactly(Optional.empty());
        });
    }

    @Test
    void restClientBuiltFromAUserDefinedBuilderBeanSendsNoAuthorizationHeader() {
        this.runner.withUserConfiguration(UserRestClientBuilderConfiguration.class).run((context) -> {
            assertThat(context).hasBean(TwilioAutoConfiguration.REST_CLIENT_BEAN_NAME);
            RestClient unrelated = context.getBean(RestClient.Builder.class).build();

            unrelated.get().uri(url("/unrelated")).retrieve().toBodilessEntity();

            assertThat(this.authorizations).containsExactly(Optional.empty());
        });
    }

    @Test
    void twilioRestClientSendsBasicAuthorizationHeaderToAnAllowedHost() {
        this.runner.withPropertyValues("twilio.auth.allowed-hosts=127.0.0.1").run((context) -> {
            RestClient twilio = context.getBean(TwilioAutoConfiguration.REST_CLIENT_BEAN_NAME, RestClient.class);

            twilio.get().uri(url("/twilio")).retrieve().toBodilessEntity();

            assertThat(this.authorizations).containsExactly(Optional.of(expectedBasicAuthorization()));
        });
    }

    @Test
    void twilioClientSendsBasicAuthorizationHeaderToTheBaseUrl() {
        this.runner.withPropertyValues("twilio.base-url=" + url("")).run((context) -> {
            context.getBean(TwilioClient.class).request(HttpMethod.GET, "/2010-04-01/Accounts.json");

            assertThat(this.authorizations).containsExactly(Optional.of(expectedBasicAuthorization()));
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
