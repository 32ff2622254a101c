package io.github.twilioauth.token;

/**
 * An access token as a {@link TokenStore} holds it: the token, how long it is usable in all and
 * until when, in nanoseconds of the {@link Ticker} of the manager that reads or writes it. A store
 * converts what it keeps to this ticker without trusting other machines' clocks: Redis, for one,
 * counts the remaining lifetime on its own clock.
 *
 * @param value the access token
 * @param usableLife how long the token is usable from its arrival, in nanoseconds: its lifetime
 * less the safety margin before its expiry
 * @param usableUntil the ticker reading at which it stops being used
 */
public record SharedToken(String value, long usableLife, long usableUntil) {

    /**
     * Checks the token and its lifetime.
     */
    public SharedToken {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("value must not be empty");
        }
        if (usableLife <= 0) {
            throw new IllegalArgumentException("usableLife must be positive but was " + usableLife);
        }
    }

    /**
     * Returns when the token arrived from the token endpoint, on whichever instance requested it.
     * @return the ticker reading
     */
    public long receivedAt() {
        return this.usableUntil - this.usableLife;
    }

    @Override
    public String toString() {
        return "SharedToken[value=******, usableLife=" + this.usableLife + "ns]";
    }
}
