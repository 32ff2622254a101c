package io.github.twilioauth.autoconfigure;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.twilioauth.client.Message;
import io.github.twilioauth.client.TwilioClient;
import io.github.twilioauth.client.TwilioClients;
import io.github.twilioauth.credential.CredentialProvider;
import io.github.twilioauth.credential.OAuthCredentialProvider;
import io.github.twilioauth.test.TokenGate;
import io.github.twilioauth.testsupport.MockTwilioOAuthApp;
import io.github.twilioauth.testsupport.TwilioAutoConfigurations;
import io.github.twilioauth.token.CachingTokenManager;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientObservationAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Token requests and API calls of the auto-configured client in the metrics of an application
 * with Spring Boot's observation and metrics auto-configuration.
 */
class TwilioObservabilityTest {

    private static final String ACCOUNT_SID = "AC" + "b".repeat(32);

    private static final String CLIENT_ID = "OQ" + "c".repeat(32);

    private static final String CLIENT_SECRET = "observability-client-secret";

    private static final String TO = "+15558675310";

    @RegisterExtension
    static final MockTwilioOAuthApp app = new MockTwilioOAuthApp(ACCOUNT_SID, CLIENT_ID, CLIENT_SECRET);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(TwilioAutoConfigurations.client())
        .withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
                CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
                RestClientObservationAutoConfiguration.class))
        .withPropertyValues("twilio.base-url=" + app.server().baseUrl(), "twilio.account-sid=" + ACCOUNT_SID,
                "twilio.auth.client-id=" + CLIENT_ID, "twilio.auth.client-secret=" + CLIENT_SECRET);

    private static Message sendOne(AssertableApplicationContext context) {
        return context.getBean(TwilioClient.class).messages().create(TO, "+15005550006", "observed");
    }

    @Test
    void theTokenManagerReportsToTheApplicationsObservationRegistry() {
        this.runner.run((context) -> {
            OAuthCredentialProvider credentials = (OAuthCredentialProvider) context.getBean(CredentialProvider.class);
            assertThat(((CachingTokenManager) credentials.getTokenManager()).getSettings().observationRegistry())
                .isSameAs(context.getBean(ObservationRegistry.class));
        });
    }

    @Test
    void tokenRequestsAreTimed() {
        this.runner.run((context) -> {
            sendOne(context);
            sendOne(context);
            Timer fetches = context.getBean(MeterRegistry.class)
                .find("twilio.auth.token.fetch")
                .tags("twilio.tenant", "default", "twilio.auth.token.type", "api", "trigger", "initial", "outcome",
                        "success")
                .timer();
            assertThat(fetches).isNotNull();
            assertThat(fetches.count()).isOne();
        });
    }

    @Test
    void apiCallsAreTimedAsHttpClientRequests() {
        this.runner.run((context) -> {
            sendOne(context);
            Timer calls = context.getBean(MeterRegistry.class)
                .find("http.client.requests")
                .tags("method", "POST", "status", "201", "outcome", "SUCCESS", "client.name", "127.0.0.1", "uri",
                        "/2010-04-01/Accounts/{sid}/Messages.json", "twilio.tenant", "default")
                .timer();
            assertThat(calls).isNotNull();
            assertThat(calls.count()).isOne();
        });
    }

    @Test
    void tokenRequestsAreNotCountedAsApiCalls() {
        this.runner.run((context) -> {
            sendOne(context);
            assertThat(context.getBean(MeterRegistry.class).find("http.client.requests").timers())
                .singleElement()
                .satisfies((timer) -> assertThat(timer.count()).isOne());
        });
    }

    @Test
    void noTagCarriesASidAPhoneNumberASecretOrAToken() {
        this.runner.run((context) -> {
            TwilioClient client = context.getBean(TwilioClient.class);
            Message sent = sendOne(context);
            client.messages().fetch(sent.sid());
            String token = ((OAuthCredentialProvider) context.getBean(CredentialProvider.class)).getTokenManager()
                .getToken();
            assertThat(context.getBean(MeterRegistry.class).getMeters()).isNotEmpty()
                .flatMap((meter) -> meter.getId().getTags())
                .extracting(Tag::getValue)
                .allSatisfy((value) -> assertThat(value).doesNotContain(ACCOUNT_SID, sent.sid(), "5558675310",
                        "5005550006", CLIENT_ID, CLIENT_SECRET, token));
        });
    }

    @Test
    void tokenRequestsWaitsAndApiCallsOfATenantCarryItsName() {
        this.runner
            .withPropertyValues("twilio.tenants.acme.base-url=" + app.server().baseUrl(),
                    "twilio.tenants.acme.account-sid=" + ACCOUNT_SID, "twilio.tenants.acme.auth.client-id=" + CLIENT_ID,
                    "twilio.tenants.acme.auth.client-secret=" + CLIENT_SECRET)
            .run((context) -> {
                context.getBean(TwilioClients.class).get("acme").messages().create(TO, "+15005550006", "observed");
                MeterRegistry meters = context.getBean(MeterRegistry.class);
                assertThat(meters.find("twilio.auth.token.fetch").tag("twilio.tenant", "acme").timer())
                    .satisfies((timer) -> assertThat(timer.count()).isOne());
                assertThat(meters.find("twilio.auth.token.wait").tag("twilio.tenant", "acme").timer())
                    .satisfies((timer) -> assertThat(timer.count()).isOne());
                assertThat(meters.find("http.client.requests").tag("twilio.tenant", "acme").timer())
                    .satisfies((timer) -> assertThat(timer.count()).isOne());
                assertThat(meters.find("twilio.auth.token.fetch").tag("twilio.tenant", "default").timer()).isNull();
            });
    }

    @Test
    void aTokenRequestInFlightIsCountedWithoutAnOutcome() {
        this.runner.run((context) -> {
            TokenGate gate = app.server().holdTokenRequests();
            CompletableFuture<Message> sent = CompletableFuture.supplyAsync(() -> sendOne(context));
            try {
                assertThat(gate.awaitWaiting(1, Duration.ofSeconds(10))).isTrue();
                LongTaskTimer active = context.getBean(MeterRegistry.class)
                    .find("twilio.auth.token.fetch.active")
                    .longTaskTimer();
                assertThat(active).isNotNull();
                assertThat(active.activeTasks()).isOne();
                assertThat(active.getId().getTags()).extracting(Tag::getKey)
                    .containsExactlyInAnyOrder("twilio.tenant", "twilio.auth.token.type", "trigger");
            }
            finally {
                gate.release();
            }
            assertThat(sent.get(10, TimeUnit.SECONDS).sid()).startsWith("SM");
            assertThat(context.getBean(MeterRegistry.class).getMeters()).flatMap((meter) -> meter.getId().getTags())
                .doesNotContain(Tag.of("outcome", "unknown"));
        });
    }
}
