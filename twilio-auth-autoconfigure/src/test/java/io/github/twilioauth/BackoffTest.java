package io.github.twilioauth;

import java.time.Duration;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

    @RepeatedTest(20)
    void jitteredWaitIsBetweenHalfAndAllOfTheDoubledBase() {
        assertThat(Backoff.jittered(Duration.ofMillis(200), 2)).isBetween(Duration.ofMillis(400), Duration.ofMillis(800));
    }

    @Test
    void doublingsAreCapped() {
        assertThat(Backoff.jittered(Duration.ofMillis(1), 1000)).isLessThanOrEqualTo(Duration.ofMillis(1 << 20));
    }

    @Test
    void zeroBaseWaitsNothing() {
        assertThat(Backoff.jittered(Duration.ZERO, 3)).isZero();
    }

    @Test
    void retryAfterIsReadInSeconds() {
        assertThat(Backoff.retryAfter(" 7 ")).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void unusableRetryAfterIsNull() {
        assertThat(Backoff.retryAfter(null)).isNull();
        assertThat(Backoff.retryAfter("-1")).isNull();
        assertThat(Backoff.retryAfter("Wed, 21 Oct 2026 07:28:00 GMT")).isNull();
    }
}
