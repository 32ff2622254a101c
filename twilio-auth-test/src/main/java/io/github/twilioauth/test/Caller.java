package io.github.twilioauth.test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import org.jspecify.annotations.Nullable;

/**
 * Who an API request claims to be, from its {@code Authorization} header, and whether that
 * grants access to an account or an organization the way Twilio decides it.
 * <p>
 * Holds a Basic password to check it, so it has no {@code toString()} that could print it.
 */
final class Caller {

    private static final String BASIC = "Basic";

    private static final String BEARER = "Bearer";

    private static final Caller ANONYMOUS = new Caller(null, null, null, null);

    private final @Nullable String scheme;

    private final @Nullable String principal;

    private final @Nullable String password;

    private final @Nullable Instant tokenExpiresAt;

    private Caller(@Nullable String scheme, @Nullable String principal, @Nullable String password,
            @Nullable Instant tokenExpiresAt) {
        this.scheme = scheme;
        this.principal = principal;
        this.password = password;
        this.tokenExpiresAt = tokenExpiresAt;
    }

    static Caller from(@Nullable String authorization, TokenIssuer issuer) {
        if (authorization == null) {
            return ANONYMOUS;
        }
        int space = authorization.indexOf(' ');
        if (space < 0) {
            return ANONYMOUS;
        }
        String scheme = authorization.substring(0, space);
        String credentials = authorization.substring(space + 1).trim();
        if (BASIC.equalsIgnoreCase(scheme)) {
            return basic(credentials);
        }
        if (BEARER.equalsIgnoreCase(scheme)) {
            return issuer.verify(credentials)
                .map((claims) -> new Caller(BEARER, claims.subject(), null, claims.expiresAt()))
                .orElseGet(() -> new Caller(BEARER, null, null, null));
        }
        return ANONYMOUS;
    }

    private static Caller basic(String credentials) {
        String userAndPassword;
        try {
            userAndPassword = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
        }
        catch (IllegalArgumentException ex) {
            return new Caller(BASIC, null, null, null);
        }
        int colon = userAndPassword.indexOf(':');
        if (colon < 0) {
            return new Caller(BASIC, null, null, null);
        }
        return new Caller(BASIC, userAndPassword.substring(0, colon), userAndPassword.substring(colon + 1), null);
    }

    @Nullable String scheme() {
        return this.scheme;
    }

    @Nullable String principal() {
        return this.principal;
    }

    /**
     * Whether the caller may use the 2010-04-01 API of an account: with the account's auth token
     * or an API key of the account, or a live token of the account or of an organization that
     * lists it.
     */
    boolean mayAccessAccount(String accountSid, Registry registry, Instant now) {
        String principal = this.principal;
        if (principal == null) {
            return false;
        }
        if (this.password != null) {
            return registry.basicSubject(principal, this.password).filter(accountSid::equals).isPresent();
        }
        return hasLiveToken(now)
                && (principal.equals(accountSid) || registry.organizationListsAccount(principal, accountSid));
    }

    /**
     * Whether the caller may use an organization's API: only with a live token of it.
     */
    boolean mayAccessOrganization(String orgSid, Instant now) {
        return hasLiveToken(now) && orgSid.equals(this.principal);
    }

    private boolean hasLiveToken(Instant now) {
        return this.tokenExpiresAt != null && now.isBefore(this.tokenExpiresAt);
    }
}
