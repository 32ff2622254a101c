package io.github.twilioauth.samples.multitenant;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The tenants: each a Twilio account with either its Auth Token or an OAuth app.
 *
 * @param tenants the tenants by name
 */
@ConfigurationProperties("sample")
public record TenantProperties(Map<String, Tenant> tenants) {

    /**
     * One tenant's account and credentials.
     *
     * @param accountSid the tenant's account
     * @param authToken the account's Auth Token, for basic authentication
     * @param clientId the OAuth app's client id, for bearer tokens
     * @param clientSecret the OAuth app's client secret
     */
    public record Tenant(String accountSid, String authToken, String clientId, String clientSecret) {

        @Override
        public String toString() {
            return "Tenant[accountSid=" + this.accountSid + ", clientId=" + this.clientId + "]";
        }
    }
}
