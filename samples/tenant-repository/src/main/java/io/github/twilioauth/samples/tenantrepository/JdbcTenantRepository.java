package io.github.twilioauth.samples.tenantrepository;

import java.sql.ResultSet;
import java.sql.SQLException;

import io.github.twilioauth.client.TwilioTenant;
import io.github.twilioauth.client.TwilioTenantRepository;
import io.github.twilioauth.credential.BasicCredentialProviderBuilder;
import io.github.twilioauth.credential.ClientCredentialProviderBuilder;
import io.github.twilioauth.credential.CredentialProvider;
import io.github.twilioauth.credential.OrgsCredentialProviderBuilder;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The tenants of the {@code twilio_tenant} table. {@code TwilioClients} asks for a name only when
 * its cache does not hold it, and webhook validation for an Account SID only when its own cache
 * does not.
 */
@Component
class JdbcTenantRepository implements TwilioTenantRepository {

    private final JdbcClient jdbc;

    JdbcTenantRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public @Nullable TwilioTenant findByName(String name) {
        return this.jdbc.sql("SELECT * FROM twilio_tenant WHERE name = ?")
            .param(name)
            .query(JdbcTenantRepository::tenant)
            .optional()
            .orElse(null);
    }

    @Override
    public @Nullable TwilioTenant findByAccountSid(String accountSid) {
        return this.jdbc.sql("SELECT * FROM twilio_tenant WHERE account_sid = ?")
            .param(accountSid)
            .query(JdbcTenantRepository::tenant)
            .optional()
            .orElse(null);
    }

    private static TwilioTenant tenant(ResultSet row, int rowNumber) throws SQLException {
        String username = row.getString("username");
        String secret = row.getString("secret");
        CredentialProvider credentials = switch (row.getString("auth_type")) {
            case "basic" -> new BasicCredentialProviderBuilder().setUsername(username).setPassword(secret).build();
            case "client-credentials" ->
                new ClientCredentialProviderBuilder().setClientId(username).setClientSecret(secret).build();
            case "orgs" -> new OrgsCredentialProviderBuilder().setClientId(username).setClientSecret(secret).build();
            default -> throw new IllegalStateException("twilio_tenant '" + row.getString("name")
                    + "' has auth_type '" + row.getString("auth_type") + "'; expected basic, client-credentials or orgs");
        };
        return TwilioTenant.builder()
            .accountSid(row.getString("account_sid"))
            .credentials(credentials)
            .region(row.getString("region"))
            .edge(row.getString("edge"))
            .webhookAuthTokens(row.getString("webhook_auth_token"))
            .build();
    }
}
