package io.github.twilioauth.client;

import org.jspecify.annotations.Nullable;

/**
 * The application's own store of tenants, such as a table of subaccounts: a bean of this type
 * makes {@link TwilioClients#get(String)} serve the names it knows besides the registered
 * ones, and lets webhook validation find an account's Auth Tokens by its SID.
 * <p>
 * Asked only for what no cache holds: {@link TwilioClients} keeps the clients it builds in a
 * bounded cache ({@code twilio.tenant-cache.*}), and webhook validation the Auth Tokens it finds,
 * remembering for a short time the Account SIDs found nothing for. Called on the threads that need
 * a tenant, at most once at a time per name; implementations must be thread-safe, and a slow
 * answer delays the callers of that name only. An exception is passed on to the caller, wrapped
 * in a message naming the tenant, and nothing is cached.
 */
public interface TwilioTenantRepository {

    /**
     * Finds a tenant by the name the application gives {@link TwilioClients#get(String)}.
     * @param name the tenant's name
     * @return the tenant, or {@code null} when there is none of that name
     */
    @Nullable TwilioTenant findByName(String name);

    /**
     * Finds the tenant of an account, for the Auth Tokens of its webhooks: Twilio signs a
     * subaccount's webhooks with the subaccount's Auth Token. The default finds none, so only
     * the configured Auth Tokens check webhooks.
     * @param accountSid the {@code AccountSid} a webhook request carries ({@code AC} and 32
     * hexadecimal characters)
     * @return the tenant, or {@code null} when no tenant has that account
     */
    default @Nullable TwilioTenant findByAccountSid(String accountSid) {
        return null;
    }
}
