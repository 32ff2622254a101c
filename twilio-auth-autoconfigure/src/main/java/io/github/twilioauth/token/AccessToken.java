package io.github.twilioauth.token;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

import io.github.twilioauth.TwilioAuthenticationException;

/**
 * An access token with its deadlines, in nanoseconds of the manager's ticker.
 *
 * @param value the access token
 * @param refreshAt when a renewal ahead of expiry starts
 * @param usableUntil when the token stops being used: its expiry less the safety margin
 * @param usableUntilInstant the same deadline on the wall clock, for reports
 */
record AccessToken(String value, long refreshAt, long usableUntil, Instant usableUntilInstant) {

    /** How long before its expiry a token is no longer used. */
    static final Duration SAFETY_MARGIN = Duration.ofSeconds(30);

    /** Longest lifetime trusted from {@code expires_in} alone. */
    static final Duration MAX_LIFETIME = Duration.ofDays(1);

    /**
     * Computes the deadlines of a token just received. Its lifetime is the earliest of the
     * JWT {@code exp} claim, {@code expires_in} and the cache TTL.
     * @param response the token endpoint's response
     * @param receivedAt the ticker's reading when the response arrived
     * @param epochMillis the wall clock when the response arrived
     * @param options the manager's options
     * @return the token with its deadlines
     */
    static AccessToken of(TokenResponse response, long receivedAt, long epochMillis, TokenManagerOptions options) {
        long lifetime = lifetimeNanos(response, epochMillis, options.cacheTtl());
        if (lifetime == Long.MAX_VALUE) {
            throw new TwilioAuthenticationException("Token endpoint answered HTTP " + response.status()
                    + " with an access token without expiry: it is not a JWT with an exp claim and the response has"
                    + " no expires_in; set a cache TTL (twilio.auth.cache-ttl) to use such tokens", response.status(),
                    null);
        }
        lifetime = Math.min(lifetime, MAX_LIFETIME.toNanos());
        long usable = lifetime - SAFETY_MARGIN.toNanos();
        long refreshIn = (long) (Math.max(usable, 0) * options.refreshAhead());
        return new AccessToken(response.accessToken(), receivedAt + refreshIn, receivedAt + usable,
                Instant.ofEpochMilli(epochMillis).plusNanos(usable));
    }

    /** The earliest of the lifetimes the response and the cache TTL give, or {@code Long.MAX_VALUE} for none. */
    private static long lifetimeNanos(TokenResponse response, long epochMillis, Duration cacheTtl) {
        long lifetime = Long.MAX_VALUE;
        OptionalLong exp = JwtExpiry.expiresAt(response.accessToken());
        if (exp.isPresent()) {
            long latest = epochMillis / 1000 + MAX_LIFETIME.toSeconds();
            long expMillis = Math.max(0, Math.min(exp.getAsLong(), latest)) * 1000;
            lifetime = Duration.ofMillis(expMillis - epochMillis).toNanos();
        }
        if (response.expiresInSeconds() != null) {
            lifetime = Math.min(lifetime, Duration.ofSeconds(Math.min(response.expiresInSeconds(),
                    MAX_LIFETIME.toSeconds())).toNanos());
        }
        if (cacheTtl != null) {
            lifetime = Math.min(lifetime, cacheTtl.toNanos());
        }
        return lifetime;
    }

    /**
     * Returns whether the token may still be used at the given time.
     * @param now the ticker's reading
     * @return whether it is before the token's usable deadline
     */
    boolean isUsableAt(long now) {
        return now - this.usableUntil < 0;
    }

    @Override
    public String toString() {
        return "AccessToken[value=******, usableUntil=" + this.usableUntilInstant + "]";
    }
}
