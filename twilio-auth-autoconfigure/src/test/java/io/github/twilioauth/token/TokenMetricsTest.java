package io.github.twilioauth.token;

import java.time.Duration;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.twilioauth.TwilioAuthenticationException;
import io.github.twilioauth.test.MockTwilioServer;
import io.github.twilioauth.testsupport.FakeTicker;
import io.github.twilioauth.testsupport.MockTwilioOAuthApp;
import io.github.twilioauth.testsupport.Retries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The timers that Micrometer's meter handler makes of the token observations.
 */
class TokenMetricsTest {

    private static final String ACCOUNT_SID = "AC" + "8".repeat(32);

    private static final String CLIENT_ID = "OQ" + "9".repeat(32);

    private static final String CLIENT_SECRET = "metered-client-secret";

    @RegisterExtension
    static final MockTwilioOAuthApp app = new MockTwilioOAuthApp(ACCOUNT_SID, CLIENT_ID, CLIENT_SECRET);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private final FakeTicker ticker = new FakeTicker();

    private final MockTwilioServer server = app.server();

    private ApiTokenManager manager;

    @BeforeEach
    void createManager() {
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(this.meters));
        this.manager = new ApiTokenManager(app.options().build(),
                TokenManagerSettings.builder()
                    .ticker(this.ticker)
                    .executor(Runnable::run)
                    .retry(Retries.attempts(1))
                    .observationRegistry(observations)
                    .build());
    }

    private Timer fetchTimer(String trigger, String outcome) {
        return this.meters.find("twilio.auth.token.fetch")
            .tags("twilio.auth.token.type", "api", "trigger", trigger, "outcome", outcome)
            .timer();
    }

    @Test
    void timesEachTokenRequestByTriggerAndOutcome() {
        this.manager.getToken();
        this.ticker.advance(Duration.ofMinutes(50));
        this.manager.getToken();
        this.server.rejectNextTokenRequests(1);
        assertThatExceptionOfType(TwilioAuthenticationException.class).isThrownBy(this.manager::refreshToken);
        assertThat(fetchTimer("initial", "success")).isNotNull().satisfies((timer) -> {
            assertThat(timer.count()).isOne();
            assertThat(timer.getId().getTag("error")).isEqualTo("none");
        });
        assertThat(fetchTimer("renewal", "success").count()).isOne();
        assertThat(fetchTimer("refresh", "client_error")).isNotNull().satisfies((timer) -> {
            assertThat(timer.count()).isOne();
            assertThat(timer.getId().getTag("error")).isEqualTo("TwilioAuthenticationException");
        });
    }

    @Test
    void timesTheCallersThatWaitForAToken() {
        this.manager.getToken();
        this.manager.getToken();
        assertThat(this.meters.find("twilio.auth.token.wait").tags("twilio.auth.token.type", "api").timer())
            .isNotNull()
            .satisfies((timer) -> assertThat(timer.count()).isOne());
    }

    @Test
    void noTagCarriesAnIdentifierASecretOrAToken() {
        String token = this.manager.getToken();
        this.server.failNextTokenRequests(1, 500);
        assertThatExceptionOfType(TwilioAuthenticationException.class).isThrownBy(this.manager::refreshToken);
        assertThat(this.meters.getMeters()).isNotEmpty()
            .flatMap((meter) -> meter.getId().getTags())
            .extracting(Tag::getValue)
            .allSatisfy((value) -> assertThat(value).doesNotContain(CLIENT_ID, CLIENT_SECRET, token, ACCOUNT_SID));
        assertThat(this.meters.getMeters()).extracting((Meter meter) -> meter.getId().getName())
            .allSatisfy((name) -> assertThat(name).startsWith("twilio.auth.token."));
    }
}
