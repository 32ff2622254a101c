package io.github.twilioauth.testsupport;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.github.twilioauth.token.Ticker;

/**
 * A ticker that moves only when the test says so.
 */
public final class FakeTicker implements Ticker {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    @Override
    public long read() {
        return this.nanos.get();
    }

    /**
     * Moves time forward.
     * @param duration how far
     * @return this ticker
     */
    public FakeTicker advance(Duration duration) {
        this.nanos.addAndGet(duration.toNanos());
        return this;
    }
}
