package io.github.twilioauth.token;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.twilioauth.TwilioAuthenticationException;
import io.github.twilioauth.test.MockTwilioServer;
import io.github.twilioauth.testsupport.FakeTicker;
import io.github.twilioauth.testsupport.MockTwilioOAuthApp;
import io.github.twilioauth.testsupport.Retries;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Observations of the built-in token managers: {@code twilio.auth.token.fetch} for each token
 * request, tagged with why and how it ended, and {@code twilio.auth.token.wait} for each caller
 * that waits for a token.
 */
class TokenObservationTest {

    private static final String FETCH = "twilio.auth.token.fetch";

    private static final String WAIT = "twilio.auth.token.wait";

    private static final String ACCOUNT_SID = "AC" + "5".repeat(32);

    private static final String CLIENT_ID = "OQ" + "6".repeat(32);

    private static final String CLIENT_SECRET = "observed-client-secret";

    @RegisterExtension
    static final MockTwilioOAuthApp app = new MockTwilioOAuthApp(ACCOUNT_SID, CLIENT_ID, CLIENT_SECRET);

    private final TestObservationRegistry observations = TestObservationRegistry.create();

    private final FakeTicker ticker = new FakeTicker();

    private final MockTwilioServer server = app.server();

    private TokenManagerSettings.Builder settings() {
        return TokenManagerSettings.builder()
            .ticker(this.ticker)
            .executor(Runnable::run)
            .retry(Retries.attempts(1))
            .observationRegistry(this.observations);
    }

    private ApiTokenManager manager() {
        return new ApiTokenManager(app.options().build(), settings().build());
    }

    @Test
    void observesTheFirstTokenRequestAsAnInitialSuccess() {
        manager().getToken();
        assertThat(this.observations).hasNumberOfObservationsWithNameEqualTo(FETCH, 1)
            .hasObservationWithNameEqualTo(FETCH)
            .that()
            .hasContextualNameEqualTo("twilio token initial")
            .hasLowCardinalityKeyValue("twilio.auth.token.type", "api")
            .hasLowCardinalityKeyValue("trigger", "initial")
            .hasLowCardinalityKeyValue("outcome", "success")
            .doesNotHaveError()
            .hasBeenStopped();
    }

    @Test
    void observesARenewalAheadOfExpiry() {
        ApiTokenManager manager = manager();
        manager.getToken();
        this.ticker.advance(Duration.ofMinutes(50));
        manager.getToken();
        assertThat(this.server.tokenRequestCount()).isEqualTo(2);
        assertThat(this.observations).hasNumberOfObservationsWithNameEqualTo(FETCH, 2)
            .hasAnObservation((observation) -> observation.hasNameEqualTo(FETCH)
                .hasLowCardinalityKeyValue("trigger", "renewal")
                .hasLowCardinalityKeyValue("outcome", "success"));
    }

    @Test
    void observesAForcedRefresh() {
        ApiTokenManager manager = manager();
        manager.getToken();
        manager.refreshToken();
        assertThat(this.observations).hasAnObservation((observation) -> observation.hasNameEqualTo(FETCH)
            .hasLowCardinalityKeyValue("trigger", "refresh")
            .hasLowCardinalityKeyValue("outcome", "success"));
    }

    @Test
    void observesRefusedCredentialsAsAClientError() {
        this.server.rejectNextTokenRequests(1);
        assertThatExceptionOfType(TwilioAuthenticationException.class).isThrownBy(manager()::getToken);
        assertThat(this.observations).hasObservationWithNameEqualTo(FETCH)
            .that()
            .hasLowCardinalityKeyValue("outcome", "client_error")
            .hasLowCardinalityKeyValue("trigger", "initial")
            .assertThatError()
            .isInstanceOf(TwilioAuthenticationException.class);
    }

    @Test
    void observesAServerErrorAsAServerError() {
        this.server.failNextTokenRequests(1, 500);
        assertThatExceptionOfType(TwilioAuthenticationException.class).isThrownBy(manager()::getToken);
        assertThat(this.observations).hasObservationWithNameEqualTo(FETCH)
            .that()
            .hasLowCardinalityKeyValue("outcome", "server_error");
    }

    @Test
    void observesAReadTimeoutAsATimeout() {
        this.server.hangNextTokenRequests(1);
        ApiTokenManager manager = new ApiTokenManager(app.options().build(),
                settings().readTimeout(Duration.ofMillis(200)).build());
        assertThatExceptionOfType(TwilioAuthenticationException.class).isThrownBy(manager::getToken);
        assertThat(this.observations).hasObservationWithNameEqualTo(FETCH)
            .that()
            .hasLowCardinalityKeyValue("outcome", "timeout");
    }

    @Test
    void observesAnUnreachableTokenEndpointAsAnIoError() {
        String tokenUrl = MockTwilioServer.closedPortUrl() + "/v2/token";
        ApiTokenManager manager = new ApiTokenManager(app.options().tokenUrl(tokenUrl).build(), settings().build());
        assertThatExceptionOfType(TwilioAuthenticationException.class).isThrownBy(manager::getToken);
        assertThat(this.observations).hasObservationWithNameEqualTo(FETCH)
            .that()
            .hasLowCardinalityKeyValue("outcome", "io_error");
    }

    @Test
    void tagsOrganizationTokensWithTheirType() {
        String orgSid = "OR" + "7".repeat(32);
        this.server.organization(orgSid, "observed-org-client", "observed-org-secret", ACCOUNT_SID);
        new OrgsTokenManager(app.options().clientId("observed-org-client").clientSecret("observed-org-secret").build(),
                settings().build())
            .getToken();
        assertThat(this.observations).hasObservationWithNameEqualTo(FETCH)
            .that()
            .hasLowCardinalityKeyValue("twilio.auth.token.type", "orgs")
            .hasLowCardinalityKeyValue("outcome", "success");
    }

    @Test
    void observesACallerThatWaitsForAToken() {
        manager().getToken();
        assertThat(this.observations).hasNumberOfObservationsWithNameEqualTo(WAIT, 1)
            .hasObservationWithNameEqualTo(WAIT)
            .that()
            .hasLowCardinalityKeyValue("twilio.auth.token.type", "api")
            .hasBeenStopped();
    }

    @Test
    void observesNoWaitWhileATokenIsCachedOrRenewedInTheBackground() {
        ApiTokenManager manager = manager();
        manager.getToken();
        manager.getToken();
        this.ticker.advance(Duration.ofMinutes(50));
        manager.getToken();
        assertThat(this.observations).hasNumberOfObservationsWithNameEqualTo(WAIT, 1)
            .hasNumberOfObservationsWithNameEqualTo(FETCH, 2);
    }

    @Test
    void noKeyValueCarriesAnIdentifierASecretOrAToken() {
        ApiTokenManager manager = manager();
        String token = manager.getToken();
        this.ticker.advance(Duration.ofMinutes(50));
        manager.getToken();
        this.server.rejectNextTokenRequests(1);
        assertThatExceptionOfType(TwilioAuthenticationException.class).isThrownBy(manager::refreshToken);
        assertThat(this.observations).hasNumberOfObservationsEqualTo(4)
            .hasHandledContextsThatSatisfy((contexts) -> assertThat(contexts)
                .flatMap(TokenObservationTest::keyValuesAndNames)
                .isNotEmpty()
                .allSatisfy((value) -> assertThat(value).doesNotContain(CLIENT_ID, CLIENT_SECRET, token, ACCOUNT_SID,
                        this.server.tokenUrl())));
    }

    private static List<String> keyValuesAndNames(Observation.Context context) {
        return Stream.concat(Stream.of(context.getName(), context.getContextualName()).filter(Objects::nonNull),
                context.getAllKeyValues().stream().map(KeyValue::getValue))
            .toList();
    }
}
