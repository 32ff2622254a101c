package io.github.twilioauth.test;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The accounts, organizations and credentials a mock server knows. Thread-safe.
 */
final class Registry {

    private final Map<String, Grant> basicCredentials = new ConcurrentHashMap<>();

    private final Map<String, Grant> oauthClients = new ConcurrentHashMap<>();

    private final Map<String, Organization> organizations = new ConcurrentHashMap<>();

    private final Map<String, String> authTokens = new ConcurrentHashMap<>();

    private final SecureRandom random = new SecureRandom();

    void account(String accountSid, String authToken) {
        this.authTokens.put(accountSid, authToken);
        this.basicCredentials.put(accountSid, new Grant(authToken, accountSid));
    }

    /**
     * Returns an account's Auth Token; an account known only through an OAuth app or an
     * organization gets one generated on first use, which Basic authentication then accepts too,
     * as Twilio's does.
     */
    String authToken(String accountSid) {
        return this.authTokens.computeIfAbsent(accountSid, (sid) -> {
            byte[] bytes = new byte[16];
            this.random.nextBytes(bytes);
            String generated = HexFormat.of().formatHex(bytes);
            this.basicCredentials.put(sid, new Grant(generated, sid));
            return generated;
        });
    }

    void apiKey(String keySid, String secret, String accountSid) {
        this.basicCredentials.put(keySid, new Grant(secret, accountSid));
    }

    void oauthApp(String clientId, String clientSecret, String accountSid) {
        this.oauthClients.put(clientId, new Grant(clientSecret, accountSid));
    }

    void organization(String orgSid, String clientId, String clientSecret, List<String> accountSids,
            Instant dateCreated) {
        this.organizations.put(orgSid, new Organization(orgSid, List.copyOf(accountSids), dateCreated));
        this.oauthClients.put(clientId, new Grant(clientSecret, orgSid));
    }

    /**
     * Returns the account a Basic username (account SID or API key SID) and password grant.
     */
    Optional<String> basicSubject(String username, String password) {
        return Grant.subject(this.basicCredentials.get(username), password);
    }

    /**
     * Returns the account or organization an OAuth client's credentials grant.
     */
    Optional<String> clientSubject(String clientId, String clientSecret) {
        return Grant.subject(this.oauthClients.get(clientId), clientSecret);
    }

    Optional<Organization> organization(String orgSid) {
        return Optional.ofNullable(this.organizations.get(orgSid));
    }

    boolean organizationListsAccount(String orgSid, String accountSid) {
        return organization(orgSid).filter((organization) -> organization.accountSids().contains(accountSid))
            .isPresent();
    }

    /**
     * A secret and the account or organization it grants access to.
     */
    private record Grant(String secret, String subject) {

        static Optional<String> subject(Grant grant, String secret) {
            return (grant != null && grant.secret.equals(secret)) ? Optional.of(grant.subject) : Optional.empty();
        }

        @Override
        public String toString() {
            return "Grant[subject=" + this.subject + "]";
        }
    }

    /**
     * An organization and the accounts its Accounts API lists.
     */
    record Organization(String sid, List<String> accountSids, Instant dateCreated) {
    }
}
