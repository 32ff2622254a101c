package io.github.twilioauth.samples.multitenant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.twilioauth.test.MockTwilioServer;
import io.github.twilioauth.test.RecordedRequest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

@ExtendWith(OutputCaptureExtension.class)
class MultiTenantApplicationTest {

    @Test
    void eachTenantSendsWithItsOwnCredentials(CapturedOutput output) {
        try (ConfigurableApplicationContext context = MultiTenantApplication.run()) {
            MockTwilioServer server = context.getBean(MockTwilioServer.class);
            assertThat(server.requests()).extracting(RecordedRequest::authScheme, RecordedRequest::principal)
                .containsExactly(tuple("Basic", "AC00000000000000000000000000000a01"),
                        tuple("Bearer", "AC00000000000000000000000000000b02"),
                        tuple("Bearer", "AC00000000000000000000000000000c03"));
            assertThat(server.tokenRequests()).extracting((request) -> request.clientId())
                .containsExactlyInAnyOrder("OQ00000000000000000000000000000b02", "OQ00000000000000000000000000000c03");
            assertThatIllegalArgumentException().isThrownBy(() -> context.getBean(TenantClients.class).get("umbrella"))
                .withMessageContaining("acme");
        }
        assertThat(output).contains("Tenant acme: sent SM", "Tenant globex: sent SM", "Tenant initech: sent SM");
    }
}
