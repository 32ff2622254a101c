package io.github.twilioauth.samples.tenantrepository;

import io.github.twilioauth.test.MockTwilioInitializer;
import io.github.twilioauth.test.MockTwilioServer;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Offline only: gives the local stand-in the credentials of the tenant table, as Twilio knows
 * them, before the first call.
 */
@Component
@Profile("!twilio")
class StandInTenants {

    StandInTenants(MockTwilioServer server, JdbcClient jdbc) {
        jdbc.sql("SELECT account_sid, auth_type, username, secret, webhook_auth_token FROM twilio_tenant")
            .query((row, rowNumber) -> {
                String account = row.getString("account_sid");
                String username = row.getString("username");
                String secret = row.getString("secret");
                String webhookToken = row.getString("webhook_auth_token");
                switch (row.getString("auth_type")) {
                    case "basic" -> {
                        if (username.startsWith("SK")) {
                            server.apiKey(username, secret, account);
                        }
                        else {
                            server.account(account, secret);
                        }
                    }
                    case "client-credentials" -> server.oauthApp(username, secret, account);
                    default -> server.organization(MockTwilioInitializer.organizationSid(username), username, secret,
                            account);
                }
                if (webhookToken != null && !username.equals(account)) {
                    server.account(account, webhookToken);
                }
                return account;
            })
            .list();
    }
}
