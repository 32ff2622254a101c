package io.github.twilioauth.http;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.twilioauth.credential.BasicCredentialProviderBuilder;
import io.github.twilioauth.observation.TenantTag;
import io.github.twilioauth.test.MockTwilioExtension;
import io.github.twilioauth.test.MockTwilioServer;
import io.github.twilioauth.test.RecordedRequest;
import io.github.twilioauth.testsupport.Retries;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@link TwilioRestClientBuilder}: clients it builds, and copies of them with other credentials,
 * against the local stand-in.
 */
class TwilioRestClientBuilderTest {

    private static final String ACCOUNT_SID = "AC" + "6".repeat(32);

    private static final String KEY_SID = "SK" + "6".repeat(32);

    private static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";

    @RegisterExtension
    static final MockTwilioExtension twilio = new MockTwilioExtension();

    private final TwilioRestClientBuilder builder = new TwilioRestClientBuilder(
            RestClient.builder().requestFactory(new JdkClientHttpRequestFactory()),
            new TwilioRetryInterceptor(Retries.attempts(2)), "twilio-auth-spring-boot/test");

    private MockTwilioServer server;

    @BeforeEach
    void registerCredentials() {
        this.server = twilio.server();
        this.server.account(ACCOUNT_SID, "builder-auth-token").apiKey(KEY_SID, "builder-key-secret", ACCOUNT_SID);
    }

    private static TwilioAuthInterceptor basic(String username, String password) {
        return new TwilioAuthInterceptor(
                new BasicCredentialProviderBuilder().setUsername(username).setPassword(password).build(),
                AllowedHosts.of(List.of("127.0.0.1"), false));
    }

    private void get(RestClient client) {
        client.get().uri(this.server.baseUrl() + MESSAGES).retrieve().toBodilessEntity();
    }

    @Test
    void copyWithAnotherInterceptorRetriesAndAuthenticatesEachAttemptWithItsCredentials() {
        TwilioAuthInterceptor accountToken = basic(ACCOUNT_SID, "builder-auth-token");
        RestClient original = this.builder.build(accountToken);
        RestClient copy = TwilioRestClientBuilder.withAuthInterceptor(original, accountToken,
                basic(KEY_SID, "builder-key-secret"));
        this.server.failNextApiRequests(1, 503);

        get(copy);
        get(original);

        assertThat(this.server.requests())
            .extracting(RecordedRequest::method, RecordedRequest::principal, RecordedRequest::userAgent)
            .containsExactly(tuple("GET", KEY_SID, "twilio-auth-spring-boot/test"),
                    tuple("GET", KEY_SID, "twilio-auth-spring-boot/test"),
                    tuple("GET", ACCOUNT_SID, "twilio-auth-spring-boot/test"));
    }

    @Test
    void copyOfAClientThatTheInterceptorDoesNotAuthenticateIsRefused() {
        RestClient client = this.builder.build(basic(ACCOUNT_SID, "builder-auth-token"));
        TwilioAuthInterceptor other = basic(ACCOUNT_SID, "builder-auth-token");

        assertThatIllegalArgumentException()
            .isThrownBy(() -> TwilioRestClientBuilder.withAuthInterceptor(client, other, other))
            .withMessageStartingWith("The client is not authenticated by TwilioAuthInterceptor[")
            .withMessageNotContaining("builder-auth-token");
    }

    @Test
    void everyClientAndCopySendsThroughOneRestClientBuiltOnceWithItsOwnCredentialsAndTenant() {
        AtomicInteger builds = new AtomicInteger();
        List<Object> tenantsSeen = new ArrayList<>();
        TwilioRestClientBuilder shared = new TwilioRestClientBuilder(RestClient.builder()
            .requestFactory(new JdkClientHttpRequestFactory())
            .configureMessageConverters((converters) -> builds.incrementAndGet())
            .requestInterceptor((request, body, execution) -> {
                tenantsSeen.add(request.getAttributes().get(TenantTag.KEY));
                return execution.execute(request, body);
            }), new TwilioRetryInterceptor(Retries.attempts(2)), "twilio-auth-spring-boot/test");
        TwilioAuthInterceptor accountToken = basic(ACCOUNT_SID, "builder-auth-token");
        List<RestClient> tenants = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            tenants.add(shared.build(basic(ACCOUNT_SID, "builder-auth-token"), "tenant-" + i));
        }
        RestClient acme = shared.build(accountToken, "acme");
        RestClient acmeWithKey = TwilioRestClientBuilder.withAuthInterceptor(acme, accountToken,
                basic(KEY_SID, "builder-key-secret"));

        get(acme);
        get(acmeWithKey);
        get(tenants.get(999));

        assertThat(builds).as("message converters built, once per RestClient").hasValue(1);
        assertThat(tenantsSeen).containsExactly("acme", "acme", "tenant-999");
        assertThat(this.server.requests()).extracting(RecordedRequest::principal, RecordedRequest::userAgent)
            .containsExactly(tuple(ACCOUNT_SID, "twilio-auth-spring-boot/test"),
                    tuple(KEY_SID, "twilio-auth-spring-boot/test"),
                    tuple(ACCOUNT_SID, "twilio-auth-spring-boot/test"));
    }

    @Test
    void mutatedClientKeepsTheCredentialsTenantAndRetriesOfTheClientItCameFrom() {
        List<Object> tenantsSeen = new ArrayList<>();
        RestClient acme = this.builder.build(basic(KEY_SID, "builder-key-secret"), "acme");
        RestClient mutated = acme.mutate().requestInterceptor((request, body, execution) -> {
            tenantsSeen.add(request.getAttributes().get(TenantTag.KEY));
            return execution.execute(request, body);
        }).build();
        this.server.failNextApiRequests(1, 503);

        get(mutated);

        assertThat(tenantsSeen).containsExactly("acme", "acme");
        assertThat(this.server.requests()).extracting(RecordedRequest::method, RecordedRequest::principal)
            .containsExactly(tuple("GET", KEY_SID), tuple("GET", KEY_SID));
    }

    @Test
    void requestThatLostItsCredentialsAttributeFailsNamingItAndIsNeverSent() {
        RestClient acme = this.builder.build(basic(ACCOUNT_SID, "builder-auth-token"), "acme");
        RestClient stripped = acme.mutate()
            .defaultRequest((request) -> request.attributes((attributes) -> attributes.remove(RequestCredentials.ATTRIBUTE)))
            .build();

        assertThatIllegalStateException().isThrownBy(() -> get(stripped))
            .withMessageContaining("carries no '" + TwilioAuthInterceptor.class.getName() + "' attribute");
        assertThat(this.server.requests()).isEmpty();
    }
}
