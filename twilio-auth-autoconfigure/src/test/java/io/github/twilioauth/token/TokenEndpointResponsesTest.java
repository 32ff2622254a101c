package io.github.twilioauth.token;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.github.twilioauth.TwilioAuthenticationException;
import io.github.twilioauth.TwilioRetryPolicy;
import io.github.twilioauth.test.MockTwilioServer;
import io.github.twilioauth.testsupport.FakeTicker;
import io.github.twilioauth.testsupport.MockTwilioOAuthApp;
import io.github.twilioauth.testsupport.Jwts;
import io.github.twilioauth.testsupport.Retries;

import static io.github.twilioauth.testsupport.Failures.clearFailure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Every kind of bad answer of the token endpoint, and every way it can fail to answer, gives a
 * {@link TwilioAuthenticationException} that says what was wrong, or a token used for a sound
 * lifetime; error statuses are retried, or not, as the retry policy says.
 */
class TokenEndpointResponsesTest {

    static final String ACCOUNT_SID = "AC" + "5".repeat(32);

    static final String CLIENT_ID = "OQ" + "5".repeat(32);

    static final String CLIENT_SECRET = "token-responses-client-secret";

    static final String JSON = "application/json";

    static final String HTML_PAGE = "<!DOCTYPE html><html><head><title>Service Unavailable</title></head>"
            + "<body><h1>We'll be right back</h1></body></html>";

    @RegisterExtension
    static final MockTwilioOAuthApp app = new MockTwilioOAuthApp(ACCOUNT_SID, CLIENT_ID, CLIENT_SECRET);

    private final FakeTicker ticker = new FakeTicker();

    private final MockTwilioServer server = app.server();

    /**
     * Settings with a fake ticker; a token is renewed only once it is no longer usable
     * (refresh-ahead 1), so that each renewal is a blocking fetch the test sees.
     */
    private TokenManagerSettings.Builder settings() {
        return TokenManagerSettings.builder()
            .ticker(this.ticker)
            .executor(Runnable::run)
            .refreshAhead(1.0)
            .retry(Retries.attempts(1));
    }

    private ApiTokenManager manager() {
        return new ApiTokenManager(app.options().build(), settings().build());
    }

    private ApiTokenManager managerMaking(int attempts) {
        return new ApiTokenManager(app.options().build(), settings().retry(Retries.attempts(attempts)).build());
    }

    private TwilioAuthenticationException failureOfTokenResponse(int status, String contentType, String body) {
        this.server.respondToNextTokenRequest(status, contentType, body);
        ApiTokenManager manager = manager();
        TwilioAuthenticationException failure = clearFailure(TwilioAuthenticationException.class, manager::getToken);
        assertThat(failure.statusCode()).isEqualTo(status);
        assertThat(failure.getMessage()).contains("HTTP " + status);
        return failure;
    }

    @Test
    void bodyThatIsNotJsonFailsClearly() {
        TwilioAuthenticationException failure = failureOfTokenResponse(200, "text/plain",
                "access_token=abc&expires_in=3600");

        assertThat(failure.getMessage()).contains("not a JSON object", "text/plain").doesNotContain("access_token=abc");
    }

    @Test
    void htmlPageWithSuccessStatusFailsClearlyWithoutRepeatingTheHtml() {
        TwilioAuthenticationException failure = failureOfTokenResponse(200, "text/html", HTML_PAGE);

        assertThat(failure.getMessage()).contains("not a JSON object", "text/html").doesNotContain("<", "right back");
    }

    @Test
    void htmlErrorPageFailsClearlyWithItsStatusWithoutRepeatingTheHtml() {
        TwilioAuthenticationException failure = failureOfTokenResponse(503, "text/html; charset=utf-8", HTML_PAGE);

        assertThat(failure.getMessage()).contains("not JSON", "text/html").doesNotContain("<", "right back");
        assertThat(failure.code()).isNull();
    }

    @Test
    void emptyBodyFailsClearly() {
        TwilioAuthenticationException failure = failureOfTokenResponse(200, JSON, null);

        assertThat(failure.getMessage()).contains("empty body");
    }

    @Test
    void jsonWithoutAccessTokenFailsClearly() {
        TwilioAuthenticationException failure = failureOfTokenResponse(200, JSON,
                "{\"token_type\":\"Bearer\",\"expires_in\":3600}");

        assertThat(failure.getMessage()).contains("access_token");
    }

    @Test
    void accessTokenThatIsNotAStringFailsClearly() {
        TwilioAuthenticationException failure = failureOfTokenResponse(200, JSON,
                "{\"access_token\":12345,\"token_type\":\"Bearer\",\"expires_in\":3600}");

        assertThat(failure.getMessage()).contains("access_token");
    }

    @Test
    void jsonArrayFailsClearly() {
        TwilioAuthenticationException failure = failureOfTokenResponse(200, JSON,
                "[{\"access_token\":\"abc\",\"expires_in\":3600}]");

        assertThat(failure.getMessage()).contains("not a JSON object");
    }

    /**
     * Asserts that the manager hands out the token, from one token request, until
     * {@code stillUsedAt} has passed, and a new one, from a second request, once
     * {@code renewedAt} has.
     * @return the new token
     */
    private String assertRenewedBetween(ApiTokenManager manager, String token, Duration stillUsedAt,
            Duration renewedAt) {
        assertThat(manager.getToken()).isEqualTo(token);
        // The status, since a call might start a renewal: with refresh-ahead 1, up to a tenth ahead of the end.
        this.ticker.advance(stillUsedAt);
        assertThat(manager.status().tokenValid()).as("usable after %s", stillUsedAt).isTrue();
        this.ticker.advance(renewedAt.minus(stillUsedAt));
        assertThat(manager.status().tokenValid()).as("usable after %s", renewedAt).isFalse();
        assertThat(this.server.tokenRequestCount()).isEqualTo(1);

        String renewed = manager.getToken();
        assertThat(renewed).isNotEqualTo(token);
        assertThat(this.server.tokenRequestCount()).isEqualTo(2);
        return renewed;
    }

    @Test
    void accessTokenThatIsNotAJwtIsUsedUntilThirtySecondsBeforeExpiresIn() {
        this.server.respondToNextTokenRequest(200, JSON, Jwts.tokenBody("opaque-token-one", "600"));
        this.server.respondToNextTokenRequest(200, JSON, Jwts.tokenBody("opaque-token-two", "600"));

        assertThat(assertRenewedBetween(manager(), "opaque-token-one", Duration.ofSeconds(569),
                Duration.ofSeconds(570)))
            .isEqualTo("opaque-token-two");
    }

    @Test
    void jwtWithoutExpIsUsedUntilThirtySecondsBeforeExpiresIn() {
        String first = Jwts.withoutExp();
        this.server.respondToNextTokenRequest(200, JSON, Jwts.tokenBody(first, "600"));

        assertRenewedBetween(manager(), first, Duration.ofSeconds(569), Duration.ofSeconds(570));
    }

    @Test
    void jwtWithoutExpOrExpiresInIsUsedUntilThirtySecondsBeforeTheCacheTtl() {
        String first = Jwts.withoutExp();
        this.server.respondToNextTokenRequest(200, JSON,
                "{\"access_token\":\"" + first + "\",\"token_type\":\"Bearer\"}");
        ApiTokenManager manager = new ApiTokenManager(app.options().cacheTtl(Duration.ofMinutes(10)).build(),
                settings().build());

        assertRenewedBetween(manager, first, Duration.ofSeconds(569), Duration.ofSeconds(570));
    }

    @Test
    void jwtWithoutExpOrExpiresInAndNoCacheTtlFailsClearly() {
        TwilioAuthenticationException failure = failureOfTokenResponse(200, JSON,
                "{\"access_token\":\"" + Jwts.withoutExp() + "\",\"token_type\":\"Bearer\"}");

        assertThat(failure.getMessage()).contains("expir", "expires_in", "cache-ttl");
    }

    @Test
    void expiresInZeroFailsClearly() {
        TwilioAuthenticationException failure = failureOfTokenResponse(200, JSON,
                Jwts.tokenBody("opaque-token", "0"));

        assertThat(failure.getMessage()).contains("expires_in");
    }

    @Test
    void negativeExpiresInFailsClearly() {
        TwilioAuthenticationException failure = failureOfTokenResponse(200, JSON,
                Jwts.tokenBody("opaque-token", "-300"));

        assertThat(failure.getMessage()).contains("expires_in");
    }

    @Test
    void expiresInThatIsNotANumberFailsClearly() {
        TwilioAuthenticationException failure = failureOfTokenResponse(200, JSON,
                Jwts.tokenBody("opaque-token", "\"abc\""));

        assertThat(failure.getMessage()).contains("expires_in");
    }

    @Test
    void hugeExpiresInIsCappedAtADayWithoutOverflowing() {
        this.server.respondToNextTokenRequest(200, JSON, Jwts.tokenBody("long-lived-token", "1000000000000000"));

        assertRenewedBetween(manager(), "long-lived-token", Duration.ofHours(23), Duration.ofHours(24));
    }

    @Test
    void tokenTypeOtherThanBearerFailsClearly() {
        TwilioAuthenticationException failure = failureOfTokenResponse(200, JSON,
                "{\"access_token\":\"opaque-token\",\"token_type\":\"mac\",\"expires_in\":3600}");

        assertThat(failure.getMessage()).contains("token_type", "Bearer");
    }

    @ParameterizedTest
    @ValueSource(strings = { "42", "true", "[\"Bearer\"]", "{\"type\":\"Bearer\"}" })
    void tokenTypeThatIsNotAStringFailsNamingTheField(String tokenType) {
        TwilioAuthenticationException failure = failureOfTokenResponse(200, JSON,
                "{\"access_token\":\"opaque-token\",\"token_type\":" + tokenType + ",\"expires_in\":3600}");

        assertThat(failure.getMessage()).contains("token_type of JSON type", "instead of \"Bearer\"")
            .doesNotContain("opaque-token");
    }

    @ParameterizedTest
    @ValueSource(strings = { "leaked\\r\\nX-Injected: yes", "leaked\\nline-feed", "leaked space", "leaked\\ttab",
            "leaked\\u00f6" })
    void accessTokenThatIsNotAValidHeaderValueFailsWithoutEchoingIt(String accessToken) {
        TwilioAuthenticationException failure = failureOfTokenResponse(200, JSON,
                "{\"access_token\":\"" + accessToken + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}");

        assertThat(failure.getMessage()).contains("access_token that is not a valid header value")
            .doesNotContain("leaked", "X-Injected");
    }

    @Test
    void bodyLargerThan64KibFailsClearlyWithoutRetrying() {
        String huge = Jwts.tokenBody("x".repeat(70 * 1024), "3600");
        for (int i = 0; i < 3; i++) {
            this.server.respondToNextTokenRequest(200, JSON, huge);
        }
        ApiTokenManager manager = managerMaking(3);

        TwilioAuthenticationException failure = clearFailure(TwilioAuthenticationException.class, manager::getToken);

        assertThat(failure.getMessage()).containsAnyOf("65536", "64 KiB").doesNotContain("xxxxxxxx");
        assertThat(this.server.tokenRequestCount()).isEqualTo(1);
    }

    @Test
    void refusedConnectionFailsClearlyNamingTheUrl() {
        String tokenUrl = MockTwilioServer.closedPortUrl() + "/v2/token";
        ApiTokenManager manager = new ApiTokenManager(app.options().tokenUrl(tokenUrl).build(),
                settings().retry(Retries.attempts(2)).build());

        TwilioAuthenticationException failure = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> clearFailure(TwilioAuthenticationException.class, manager::getToken));

        assertThat(failure.statusCode()).isZero();
        assertThat(failure.getMessage()).contains(tokenUrl);
    }

    @Test
    void endpointThatNeverAnswersFailsWithinTheReadTimeout() {
        this.server.hangNextTokenRequests(1);
        ApiTokenManager manager = new ApiTokenManager(app.options().build(),
                settings().readTimeout(Duration.ofMillis(300)).build());
        long started = System.nanoTime();

        TwilioAuthenticationException failure = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> clearFailure(TwilioAuthenticationException.class, manager::getToken));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(failure.statusCode()).isZero();
        assertThat(failure.getMessage()).contains(this.server.tokenUrl());
        assertThat(this.server.tokenRequestCount()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{1} x HTTP {0}")
    @CsvSource({ "500, 2", "503, 2", "429, 1" })
    void fewerErrorsThanAttemptsAreRetriedUntilATokenComes(int status, int errors) {
        this.server.failNextTokenRequests(errors, status);
        ApiTokenManager manager = managerMaking(errors + 1);

        assertThat(manager.getToken()).isNotBlank();
        assertThat(this.server.tokenRequestCount()).isEqualTo(errors + 1);
    }

    @ParameterizedTest(name = "HTTP {0} on {2} attempts")
    @CsvSource({ "500, 20500, 3", "429, 20429, 2" })
    void asManyErrorsAsAttemptsFailWithTheStatusAndTwilioCode(int status, int code, int attempts) {
        this.server.failNextTokenRequests(attempts, status);
        ApiTokenManager manager = managerMaking(attempts);

        TwilioAuthenticationException failure = clearFailure(TwilioAuthenticationException.class, manager::getToken);

        assertThat(failure.statusCode()).isEqualTo(status);
        assertThat(failure.code()).isEqualTo(code);
        assertThat(failure.getMessage()).contains("HTTP " + status, String.valueOf(code));
        assertThat(this.server.tokenRequestCount()).isEqualTo(attempts);
    }

    @Test
    void badRequestIsNotRetried() {
        this.server.failNextTokenRequests(1, 400);
        ApiTokenManager manager = managerMaking(3);

        TwilioAuthenticationException failure = clearFailure(TwilioAuthenticationException.class, manager::getToken);

        assertThat(failure.statusCode()).isEqualTo(400);
        assertThat(this.server.tokenRequestCount()).isEqualTo(1);
    }

    @Test
    void noRetryStartsAfterTheRetryDeadline() {
        this.server.failNextTokenRequests(5, 503);
        ApiTokenManager manager = new ApiTokenManager(app.options().build(),
                settings().retry(TwilioRetryPolicy.builder()
                    .maxRetries(9)
                    .delay(Duration.ofSeconds(1))
                    .jitter(Duration.ZERO)
                    .timeout(Duration.ofMillis(500))
                    .build()).build());

        TwilioAuthenticationException failure = clearFailure(TwilioAuthenticationException.class, manager::getToken);

        assertThat(failure.statusCode()).isEqualTo(503);
        assertThat(this.server.tokenRequestCount()).isEqualTo(1);
    }

    @Test
    void tooManyRequestsWithRetryAfterIsRetriedAfterTheAnnouncedDelay() {
        this.server.failNextTokenRequestsWithRetryAfter(1, Duration.ofSeconds(1));
        ApiTokenManager manager = managerMaking(2);
        long started = System.nanoTime();

        assertThat(manager.getToken()).isNotBlank();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(this.server.tokenRequestCount()).isEqualTo(2);
    }

    @Test
    void retryAfterLongerThanTheLimitFailsAtOnceWithStatus429() {
        this.server.failNextTokenRequestsWithRetryAfter(1, Duration.ofMinutes(5));
        ApiTokenManager manager = managerMaking(3);

        TwilioAuthenticationException failure = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> clearFailure(TwilioAuthenticationException.class, manager::getToken));

        assertThat(failure.statusCode()).isEqualTo(429);
        assertThat(this.server.tokenRequestCount()).isEqualTo(1);
    }
}
