package io.github.twilioauth.test;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Token requests failed at random, reproducibly from a seed.
 */
class RandomTokenFaultsTest {

    private static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";

    private static final String CLIENT_ID = "client-id";

    private static final String CLIENT_SECRET = "client-secret";

    @AutoClose
    private final MockTwilioServer server = new MockTwilioServer().oauthApp(CLIENT_ID, CLIENT_SECRET, ACCOUNT_SID)
        .start();

    private final TwilioHttp http = new TwilioHttp();

    @Test
    void theSameSeedFailsTheSameRequests() {
        this.server.failTokenRequestsRandomly(0.5, 42);
        List<Integer> first = requestTokens(16);
        this.server.reset();
        this.server.failTokenRequestsRandomly(0.5, 42);

        List<Integer> second = requestTokens(16);

        assertThat(second).isEqualTo(first);
        assertThat(first).contains(200, 500);
    }

    @Test
    void anotherSeedFailsOtherRequests() {
        this.server.failTokenRequestsRandomly(0.5, 1);
        List<Integer> first = requestTokens(16);
        this.server.reset();
        this.server.failTokenRequestsRandomly(0.5, 2);

        assertThat(requestTokens(16)).isNotEqualTo(first);
    }

    @Test
    void failsAboutTheGivenShareOfRequests() {
        this.server.failTokenRequestsRandomly(0.2, 7);

        long failed = requestTokens(100).stream().filter((status) -> status == 500).count();

        // Binomial(100, 0.2): mean 20, standard deviation 4; the seed makes it one fixed number.
        assertThat(failed).isBetween(8L, 32L);
    }

    @Test
    void failsWithStatus500AndTwilioErrorJson() {
        this.server.failTokenRequestsRandomly(1, 3);

        var response = this.http.requestToken(this.server, CLIENT_ID, CLIENT_SECRET);

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(TwilioHttp.json(response).get("code").asInt()).isEqualTo(20500);
    }

    @Test
    void rateZeroFailsNothingAndRateOneFailsEverything() {
        this.server.failTokenRequestsRandomly(0, 3);
        assertThat(requestTokens(10)).containsOnly(200);

        this.server.failTokenRequestsRandomly(1, 3);
        assertThat(requestTokens(10)).containsOnly(500);
    }

    @Test
    void queuedFaultsComeFirst() {
        this.server.failTokenRequestsRandomly(0, 3);
        this.server.failNextTokenRequests(2, 503);

        assertThat(requestTokens(3)).containsExactly(503, 503, 200);
    }

    @Test
    void resetStopsRandomFailures() {
        this.server.failTokenRequestsRandomly(1, 3);

        this.server.reset();

        assertThat(requestTokens(10)).containsOnly(200);
    }

    @Test
    void rejectsARateOutsideZeroToOne() {
        assertThatIllegalArgumentException().isThrownBy(() -> this.server.failTokenRequestsRandomly(1.5, 1))
            .withMessageContaining("rate");
        assertThatIllegalArgumentException().isThrownBy(() -> this.server.failTokenRequestsRandomly(-0.1, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> this.server.failTokenRequestsRandomly(Double.NaN, 1));
    }

    private List<Integer> requestTokens(int count) {
        return IntStream.range(0, count)
            .mapToObj((i) -> this.http.requestToken(this.server, CLIENT_ID, CLIENT_SECRET).statusCode())
            .toList();
    }
}
