package io.github.twilioauth.test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * The accounts, organizations and credentials a mock server knows. Thread-safe.
 */
final class Registry {

    /** Twilio's test number, which every account owns. */
    static final String TEST_NUMBER = "+15005550006";

    private final Map<String, Grant> basicCredentials = new ConcurrentHashMap<>();

    private final Map<String, Grant> oauthClients = new ConcurrentHashMap<>();

    private final Map<String, Organization> organizations = new ConcurrentHashMap<>();

    private final Map<String, String> authTokens = new ConcurrentHashMap<>();

    /** The phone numbers of each account besides Twilio's test number, which every account owns. */
    private final Map<String, Set<String>> phoneNumbers = new ConcurrentHashMap<>();

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

    void phoneNumbers(String accountSid, List<String> numbers) {
        this.phoneNumbers.computeIfAbsent(accountSid, (sid) -> ConcurrentHashMap.newKeySet()).addAll(numbers);
    }

    /**
     * Whether an account owns a phone number: Twilio's test number {@value #TEST_NUMBER}, or one
     * registered for it.
     */
    boolean ownsPhoneNumber(String accountSid, String number) {
        return TEST_NUMBER.equals(number) || this.phoneNumbers.getOrDefault(accountSid, Set.of()).contains(number);
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

        static Optional<String> subject(@Nullable Grant grant, String secret) {
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

        /**
         * Returns the user who owns the organization's accounts: a user SID ({@code US} and 32 hex
         * digits) derived from the organization SID, the same in every run.
         */
        String ownerSid() {
            return "US" + UUID.nameUUIDFromBytes(this.sid.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
        }
    }
}
