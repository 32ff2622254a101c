package io.github.twilioauth.store;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.github.twilioauth.store.CircuitBreaker.State;
import io.github.twilioauth.testsupport.FakeTicker;

import static org.assertj.core.api.Assertions.assertThat;

class CircuitBreakerTest {

    private final FakeTicker ticker = new FakeTicker();

    private final CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(2), this.ticker::read);

    @Test
    void opensAfterTheThresholdOfFailuresInARowAndRefusesCalls() {
        assertThat(this.breaker.tryAcquire()).isTrue();
        assertThat(this.breaker.onFailure()).isFalse();
        assertThat(this.breaker.onFailure()).isFalse();
        assertThat(this.breaker.onFailure()).isTrue();

        assertThat(this.breaker.state()).isEqualTo(State.OPEN);
        assertThat(this.breaker.tryAcquire()).isFalse();
    }

    @Test
    void aSuccessInBetweenStartsTheCountAgain() {
        this.breaker.onFailure();
        this.breaker.onFailure();
        this.breaker.onSuccess();
        this.breaker.onFailure();
        this.breaker.onFailure();

        assertThat(this.breaker.state()).isEqualTo(State.CLOSED);
    }

    @Test
    void letsOneProbeThroughOnceTheOpenTimeHasPassed() {
        open();

        this.ticker.advance(Duration.ofMillis(1999));
        assertThat(this.breaker.tryAcquire()).isFalse();
        this.ticker.advance(Duration.ofMillis(1));
        assertThat(this.breaker.tryAcquire()).isTrue();
        assertThat(this.breaker.state()).isEqualTo(State.HALF_OPEN);
        assertThat(this.breaker.tryAcquire()).isFalse();
    }

    @Test
    void aProbeThatSucceedsClosesTheBreaker() {
        open();
        this.ticker.advance(Duration.ofSeconds(2));
        this.breaker.tryAcquire();

        assertThat(this.breaker.onSuccess()).isTrue();
        assertThat(this.breaker.state()).isEqualTo(State.CLOSED);
        assertThat(this.breaker.tryAcquire()).isTrue();
    }

    @Test
    void aProbeThatFailsOpensItAgainForAnotherOpenTime() {
        open();
        this.ticker.advance(Duration.ofSeconds(2));
        this.breaker.tryAcquire();

        assertThat(this.breaker.onFailure()).isFalse();
        assertThat(this.breaker.state()).isEqualTo(State.OPEN);
        this.ticker.advance(Duration.ofMillis(1999));
        assertThat(this.breaker.tryAcquire()).isFalse();
        this.ticker.advance(Duration.ofMillis(1));
        assertThat(this.breaker.tryAcquire()).isTrue();
    }

    @Test
    void aProbeThatNeverReportsIsGivenUpAfterTheOpenTime() {
        open();
        this.ticker.advance(Duration.ofSeconds(2));
        assertThat(this.breaker.tryAcquire()).isTrue();

        this.ticker.advance(Duration.ofSeconds(2));

        assertThat(this.breaker.tryAcquire()).isTrue();
    }

    private void open() {
        for (int i = 0; i < 3; i++) {
            this.breaker.onFailure();
        }
        assertThat(this.breaker.state()).isEqualTo(State.OPEN);
    }
}
