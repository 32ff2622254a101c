package io.github.twilioauth.token;

import java.time.Duration;
import java.time.Instant;

import io.github.twilioauth.TwilioAuthenticationException;
import org.jspecify.annotations.Nullable;

/**
 * An access token with its deadlines, in nanoseconds of the manager's ticker.
 * <p>
 * Its lifetime is measured from its arrival wherever the response allows it, so that the
 * local clock's skew neither shortens it to nothing nor stretches it past the real expiry: the
 * smaller of {@code expires_in} and the JWT's {@code exp - iat}. Only a response with neither
 * makes the JWT's {@code exp} count against this machine's clock. A cache TTL shortens the
 * lifetime, and no token lives more than a day. A token is used until a safety margin before
 * the end of its lifetime: a tenth of the lifetime plus one second (JWT times are whole
 * seconds, so a token may have been issued up to a second before its {@code iat}), at most 30
 * seconds and at most half the lifetime, so tokens of any positive lifetime are cached.
 *
 * @param value the access token
 * @param receivedAt when the token arrived
 * @param refreshAt when a renewal ahead of expiry starts
 * @param usableUntil when the token stops being used: the end of its lifetime less the safety margin
 * @param usableUntilInstant the same deadline on the wall clock, for reports
 */
record AccessToken(String value, long receivedAt, long refreshAt, long usableUntil, Instant usableUntilInstant) {

    /** The longest safety margin, for tokens of five minutes or more. */
    static final Duration MAX_SAFETY_MARGIN = Duration.ofSeconds(30);

    private static final long ONE_SECOND = Duration.ofSeconds(1).toNanos();

    /** Longest lifetime trusted. */
    static final Duration MAX_LIFETIME = Duration.ofDays(1);

    /**
     * Computes the deadlines of a token just received.
     * @param response the token endpoint's response
     * @param receivedAt the ticker's reading when the response arrived
     * @param epochMillis the wall clock when the response arrived
     * @param cacheTtl upper bound on the lifetime, or {@code null}
     * @param refreshAhead fraction of the usable life after which the token is renewed
     * @param renewalJitter fraction, from 0 to below 1, of the time to the refresh-ahead point by
     * which the renewal is moved ahead of it
     * @return the token with its deadlines
     * @throws TwilioAuthenticationException when the response gives the token no positive lifetime
     */
    static AccessToken of(TokenResponse response, long receivedAt, long epochMillis, @Nullable Duration cacheTtl,
            double refreshAhead, double renewalJitter) {
        long lifetime = lifetimeNanos(response, epochMillis, cacheTtl);
        return of(response.accessToken(), receivedAt, lifetime - safetyMarginNanos(lifetime), receivedAt,
                epochMillis, refreshAhead, renewalJitter);
    }

    /**
     * Computes the deadlines of a token another instance requested, from its store entry.
     * @param shared the token as the store holds it, on this manager's ticker
     * @param now the ticker's reading
     * @param epochMillis the wall clock at {@code now}
     * @param refreshAhead fraction of the usable life after which the token is renewed
     * @param renewalJitter as for a token just received
     * @return the token with its deadlines; its refresh-ahead point may be past already
     */
    static AccessToken of(SharedToken shared, long now, long epochMillis, double refreshAhead,
            double renewalJitter) {
        return of(shared.value(), shared.receivedAt(), shared.usableLife(), now, epochMillis, refreshAhead,
                renewalJitter);
    }

    private static AccessToken of(String value, long receivedAt, long usable, long now, long epochMillis,
            double refreshAhead, double renewalJitter) {
        long refreshIn = (long) (usable * refreshAhead * (1 - renewalJitter));
        return new AccessToken(value, receivedAt, receivedAt + refreshIn, receivedAt + usable,
                Instant.ofEpochMilli(epochMillis).plusNanos(receivedAt + usable - now));
    }

    /**
     * Returns this token as a store holds it.
     * @return the shared token
     */
    SharedToken toShared() {
        return new SharedToken(this.value, this.usableUntil - this.receivedAt, this.usableUntil);
    }

    private static long safetyMarginNanos(long lifetime) {
        return Math.min(Math.min(MAX_SAFETY_MARGIN.toNanos(), lifetime / 10 + ONE_SECOND), lifetime / 2);
    }

    private static long lifetimeNanos(TokenResponse response, long epochMillis, @Nullable Duration cacheTtl) {
        long seconds = Long.MAX_VALUE;
        if (response.expiresInSeconds() != null) {
            seconds = response.expiresInSeconds();
        }
        JwtClaims claims = JwtClaims.read(response.accessToken());
        if (claims.expiresAt() != null && claims.issuedAt() != null) {
            long jwtSeconds = difference(claims.expiresAt(), claims.issuedAt());
            if (jwtSeconds <= 0) {
                throw invalid(response, "a JWT whose exp claim is not after its iat claim");
            }
            seconds = Math.min(seconds, jwtSeconds);
        }
        else if (claims.expiresAt() != null && seconds == Long.MAX_VALUE) {
            long remainingMillis = difference(claims.expiresAt(), 0) * 1000 - epochMillis;
            if (remainingMillis <= 0) {
                throw invalid(response, "a JWT whose exp claim is " + (-remainingMillis / 1000) + " s in the past by"
                        + " this machine's clock, and neither expires_in nor an iat claim to measure its lifetime"
                        + " from its arrival; check this machine's clock");
            }
            seconds = Math.max(1, remainingMillis / 1000);
        }
        if (seconds == Long.MAX_VALUE && cacheTtl == null) {
            throw invalid(response, "an access token without expiry: it is not a JWT with an exp claim and the"
                    + " response has no expires_in; set a cache TTL (twilio.auth.cache-ttl) to use such tokens");
        }
        long nanos = Math.min(seconds, MAX_LIFETIME.toSeconds()) * 1_000_000_000L;
        return (cacheTtl != null) ? Math.min(nanos, cacheTtl.toNanos()) : nanos;
    }

    /** {@code a - b}, or {@code Long.MAX_VALUE} when it overflows. */
    private static long difference(long a, long b) {
        try {
            return Math.subtractExact(a, b);
        }
        catch (ArithmeticException ex) {
            return (a > b) ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
    }

    private static TwilioAuthenticationException invalid(TokenResponse response, String what) {
        return new TwilioAuthenticationException("Token endpoint answered HTTP " + response.status() + " with " + what,
                response.status(), null);
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
