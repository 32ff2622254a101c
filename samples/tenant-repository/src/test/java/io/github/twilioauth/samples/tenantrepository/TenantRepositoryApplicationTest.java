package io.github.twilioauth.samples.tenantrepository;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.twilioauth.client.TwilioClients;
import io.github.twilioauth.test.MockTwilioInitializer;
import io.github.twilioauth.test.MockTwilioServer;
import io.github.twilioauth.test.RecordedRequest;
import io.github.twilioauth.test.TokenRequest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

@ExtendWith(OutputCaptureExtension.class)
class TenantRepositoryApplicationTest {

    @Test
    void eachTenantOfTheTableSendsWithItsOwnCredentials(CapturedOutput output) {
        try (ConfigurableApplicationContext context = TenantRepositoryApplication.run()) {
            MockTwilioServer server = context.getBean(MockTwilioServer.class);
            String initech = MockTwilioInitializer.organizationSid("OQ00000000000000000000000000000c03");
            assertThat(server.requests()).extracting(RecordedRequest::path, RecordedRequest::authScheme,
                    RecordedRequest::principal)
                .containsExactly(tuple(messages("AC00000000000000000000000000000a01"), "Basic",
                        "AC00000000000000000000000000000a01"),
                        tuple(messages("AC00000000000000000000000000000b02"), "Bearer",
                                "AC00000000000000000000000000000b02"),
                        tuple(messages("AC00000000000000000000000000000d04"), "Basic",
                                "SK00000000000000000000000000000d04"),
                        tuple(messages("AC00000000000000000000000000000c03"), "Bearer", initech));
            assertThat(server.tokenRequests()).extracting(TokenRequest::clientId)
                .containsExactly("OQ00000000000000000000000000000b02", "OQ00000000000000000000000000000c03");
            assertThatIllegalArgumentException().isThrownBy(() -> context.getBean(TwilioClients.class).get("umbrella"))
                .withMessageContaining("the TwilioTenantRepository found none of that name");
        }
        assertThat(output).contains("Tenant acme: sent SM", "Tenant globex: sent SM", "Tenant hooli: sent SM",
                "Tenant initech: sent SM")
            .doesNotContain("demo-auth-token", "demo-client-secret", "demo-api-secret");
    }

    @Test
    void aRotatedSecretIsReadFromTheTableOnceTheTenantIsEvicted() {
        try (ConfigurableApplicationContext context = TenantRepositoryApplication.run()) {
            MockTwilioServer server = context.getBean(MockTwilioServer.class);
            TwilioClients clients = context.getBean(TwilioClients.class);
            server.account("AC00000000000000000000000000000a01", "acme-rotated-auth-token");
            context.getBean(JdbcClient.class)
                .sql("UPDATE twilio_tenant SET secret = 'acme-rotated-auth-token' WHERE name = 'acme'")
                .update();
            server.reset();

            clients.evict("acme");
            clients.get("acme").messages().create("+15558675310", "+15005550006", "after the rotation");

            assertThat(server.requests()).singleElement()
                .satisfies((request) -> assertThat(request.principal()).isEqualTo("AC00000000000000000000000000000a01"));
        }
    }

    private static String messages(String accountSid) {
        return "/2010-04-01/Accounts/" + accountSid + "/Messages.json";
    }
}
