package io.github.twilioauth.health;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.twilioauth.TwilioAuthenticationException;
import io.github.twilioauth.credential.BasicCredentialProviderBuilder;
import io.github.twilioauth.credential.ClientCredentialProviderBuilder;
import io.github.twilioauth.credential.CredentialProvider;
import io.github.twilioauth.credential.NoAuthCredentialProvider;
import io.github.twilioauth.test.MockTwilioServer;
import io.github.twilioauth.testsupport.FakeTicker;
import io.github.twilioauth.testsupport.MockTwilioOAuthApp;
import io.github.twilioauth.token.ApiTokenManager;
import io.github.twilioauth.token.TokenManager;
import io.github.twilioauth.token.TokenManagerSettings;
import io.github.twilioauth.testsupport.Retries;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What the {@code twilio} health contributor reports for each state of the credentials, against
 * the local stand-in's token endpoint.
 */
class TwilioHealthIndicatorTest {

    private static final String ACCOUNT_SID = "AC" + "1".repeat(32);

    private static final String CLIENT_ID = "OQ" + "2".repeat(32);

    private static final String CLIENT_SECRET = "health-client-secret";

    @RegisterExtension
    static final MockTwilioOAuthApp app = new MockTwilioOAuthApp(ACCOUNT_SID, CLIENT_ID, CLIENT_SECRET);

    private final FakeTicker ticker = new FakeTicker();

    private final MockTwilioServer server = app.server();

    private TokenManagerSettings.Builder settings() {
        return TokenManagerSettings.builder().ticker(this.ticker).executor(Runnable::run).retry(Retries.attempts(1));
    }

    private static CredentialProvider oauth(TokenManager tokenManager) {
        return new ClientCredentialProviderBuilder().setTokenManager(tokenManager).build();
    }

    @Test
    void reportsOnlyTheAuthTypeOfBasicCredentials() {
        CredentialProvider basic = new BasicCredentialProviderBuilder().setUsername(ACCOUNT_SID)
            .setPassword("health-auth-token")
            .build();
        Health health = new TwilioHealthIndicator(basic, false).health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsExactly(Map.entry("authType", "basic"));
    }

    @Test
    void reportsOnlyTheAuthTypeWithoutCredentials() {
        Health health = new TwilioHealthIndicator(new NoAuthCredentialProvider(), true).health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsExactly(Map.entry("authType", "noauth"));
    }

    @Test
    void reportsOnlyTheAuthTypeOfATokenManagerOfTheApplication() {
        TokenManager own = new TokenManager() {

            @Override
            public String getToken() {
                throw new AssertionError("the health check must not ask for a token");
            }

            @Override
            public String refreshToken() {
                throw new AssertionError("the health check must not ask for a token");
            }

            @Override
            public void clearToken() {
            }
        };
        Health health = new TwilioHealthIndicator(oauth(own), true).health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsExactly(Map.entry("authType", "client-credentials"));
    }

    @Test
    void reportsUnknownWithoutRequestingATokenBeforeTheFirstCall() {
        Health health = new TwilioHealthIndicator(oauth(new ApiTokenManager(app.options().build(), settings().build())),
                false).health();
        assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
        assertThat(health.getDetails()).containsExactly(Map.entry("authType", "client-credentials"),
                Map.entry("tokenValid", false));
        assertThat(this.server.tokenRequestCount()).isZero();
    }

    @Test
    void reportsUpWithTheCachedTokensDeadlineAfterAFetch() {
        ApiTokenManager tokens = new ApiTokenManager(app.options().build(), settings().build());
        Instant before = Instant.now();
        tokens.getToken();
        Health health = new TwilioHealthIndicator(oauth(tokens), false).health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsOnlyKeys("authType", "tokenValid", "tokenUsableUntil", "lastFetchedAt")
            .containsEntry("tokenValid", true);
        assertThat((Instant) health.getDetails().get("lastFetchedAt")).isBetween(before, Instant.now());
        assertThat((Instant) health.getDetails().get("tokenUsableUntil"))
            .isAfter(before.plus(Duration.ofMinutes(58)))
            .isBefore(Instant.now().plus(Duration.ofHours(1)));
    }

    @Test
    void reportsDownWithTheStatusAndTwilioCodeWhenTheFirstTokenRequestFails() {
        ApiTokenManager tokens = new ApiTokenManager(app.options().build(), settings().build());
        this.server.rejectNextTokenRequests(1);
        assertThatExceptionOfType(TwilioAuthenticationException.class).isThrownBy(tokens::getToken);
        Health health = new TwilioHealthIndicator(oauth(tokens), false).health();
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsOnlyKeys("authType", "tokenValid", "lastFailureAt", "lastFailureStatus",
                "lastFailureCode")
            .containsEntry("tokenValid", false)
            .containsEntry("lastFailureStatus", 400)
            .containsEntry("lastFailureCode", 322402);
    }

    @Test
    void reportsStatusZeroWithoutACodeWhenTheTokenEndpointCannotBeReached() {
        String tokenUrl = MockTwilioServer.closedPortUrl() + "/v2/token";
        ApiTokenManager tokens = new ApiTokenManager(app.options().tokenUrl(tokenUrl).build(), settings().build());
        assertThatExceptionOfType(TwilioAuthenticationException.class).isThrownBy(tokens::getToken);
        Health health = new TwilioHealthIndicator(oauth(tokens), false).health();
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("lastFailureStatus", 0).doesNotContainKey("lastFailureCode");
    }

    @Test
    void staysUpWhileTheTokenIsUsableAfterAFailedRefresh() {
        ApiTokenManager tokens = new ApiTokenManager(app.options().build(), settings().build());
        tokens.getToken();
        this.server.failNextTokenRequests(1, 500);
        assertThatExceptionOfType(TwilioAuthenticationException.class).isThrownBy(tokens::refreshToken);
        Health health = new TwilioHealthIndicator(oauth(tokens), false).health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("tokenValid", true)
            .containsEntry("lastFailureStatus", 500)
            .containsEntry("lastFailureCode", 20500)
            .containsKeys("lastFetchedAt", "lastFailureAt");
    }

    @Test
    void reportsDownOnceTheTokenExpiresAfterAFailedRefresh() {
        ApiTokenManager tokens = new ApiTokenManager(app.options().build(), settings().build());
        tokens.getToken();
        this.server.failNextTokenRequests(1, 500);
        assertThatExceptionOfType(TwilioAuthenticationException.class).isThrownBy(tokens::refreshToken);
        this.ticker.advance(Duration.ofHours(1));
        Health health = new TwilioHealthIndicator(oauth(tokens), false).health();
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("tokenValid", false).containsEntry("lastFailureStatus", 500);
    }

    @Test
    void staysUpWhenTheTokenExpiresWithoutAFailedRequest() {
        ApiTokenManager tokens = new ApiTokenManager(app.options().build(), settings().build());
        tokens.getToken();
        this.ticker.advance(Duration.ofHours(1));
        Health health = new TwilioHealthIndicator(oauth(tokens), false).health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("tokenValid", false).doesNotContainKey("lastFailureAt");
        assertThat(this.server.tokenRequestCount()).isEqualTo(1);
    }

    @Test
    void requestsATokenWhenAskedToAndNoneIsUsable() {
        ApiTokenManager tokens = new ApiTokenManager(app.options().build(), settings().build());
        TwilioHealthIndicator indicator = new TwilioHealthIndicator(oauth(tokens), true);
        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
        assertThat(indicator.health().getDetails()).containsEntry("tokenValid", true);
        assertThat(this.server.tokenRequestCount()).isEqualTo(1);
    }

    @Test
    void reportsDownWhenTheTokenItRequestsIsRefused() {
        this.server.rejectNextTokenRequests(1);
        Health health = new TwilioHealthIndicator(oauth(new ApiTokenManager(app.options().build(), settings().build())),
                true).health();
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("lastFailureStatus", 400).containsEntry("lastFailureCode", 322402);
    }

    @Test
    void neverShowsTheClientIdTheSecretOrTheToken() {
        ApiTokenManager tokens = new ApiTokenManager(app.options().build(), settings().build());
        String token = tokens.getToken();
        this.server.rejectNextTokenRequests(1);
        assertThatExceptionOfType(TwilioAuthenticationException.class).isThrownBy(tokens::refreshToken);
        Health health = new TwilioHealthIndicator(oauth(tokens), true).health();
        assertThat(health.getDetails()).containsEntry("lastFailureStatus", 400);
        assertThat(health.getDetails().toString()).doesNotContain(CLIENT_ID, CLIENT_SECRET, token, ACCOUNT_SID);
        assertThat(health.toString()).doesNotContain(CLIENT_ID, CLIENT_SECRET, token, ACCOUNT_SID);
    }
}
