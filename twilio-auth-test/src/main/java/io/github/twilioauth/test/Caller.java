package io.github.twilioauth.test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

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

    private final String scheme;

    private final String principal;

    private final String password;

    private final Instant tokenExpiresAt;

    private Caller(String scheme, String principal, String password, Instant tokenExpiresAt) {
        this.scheme = scheme;
        this.principal = principal;
        this.password = password;
        this.tokenExpiresAt = tokenExpiresAt;
    }

    static Caller from(String authorization, TokenIssuer issuer) {
        int space = (authorization != null) ? authorization.indexOf(' ') : -1;
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

    String scheme() {
        return this.scheme;
    }

    String principal() {
        return this.principal;
    }

    /**
     * Whether the caller may use the 2010-04-01 API of an account: with the account's auth token
     * or an API key of the account, or a live token of the account or of an organization that
     * lists it.
     */
    boolean mayAccessAccount(String accountSid, Registry registry, Instant now) {
        if (this.password != null) {
            return registry.basicSubject(this.principal, this.password).filter(accountSid::equals).isPresent();
        }
        return hasLiveToken(now)
                && (this.principal.equals(accountSid) || registry.organizationListsAccount(this.principal, accountSid));
    }

    /**
     * Whether the caller may use an organization's API: only with a live token of it.
     */
    boolean mayAccessOrganization(String orgSid, Instant now) {
        return hasLiveToken(now) && this.principal.equals(orgSid);
    }

    private boolean hasLiveToken(Instant now) {
        return this.tokenExpiresAt != null && now.isBefore(this.tokenExpiresAt);
    }
}
