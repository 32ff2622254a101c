package io.github.twilioauth.samples.customtokenmanager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.twilioauth.credential.ClientCredentialProvider;
import io.github.twilioauth.test.MockTwilioServer;
import io.github.twilioauth.token.ApiTokenManager;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class CustomTokenManagerApplicationTest {

    @Test
    void messagesCarryTokensOfTheApplicationsOwnTokenManager(CapturedOutput output) {
        try (ConfigurableApplicationContext context = CustomTokenManagerApplication.run()) {
            ClientCredentialProvider provider = context.getBean(ClientCredentialProvider.class);
            assertThat(provider.getTokenManager()).isSameAs(context.getBean(SimpleTokenManager.class));
            assertThat(context.getBeansOfType(ApiTokenManager.class)).isEmpty();
            MockTwilioServer server = context.getBean(MockTwilioServer.class);
            assertThat(server.messages()).hasSize(2);
            assertThat(server.tokenRequestCount()).isEqualTo(1);
            assertThat(server.requests()).allSatisfy((request) -> assertThat(request.authScheme()).isEqualTo("Bearer"));
        }
        assertThat(output).contains("Token manager in use: SimpleTokenManager, tokens fetched: 1");
    }
}
