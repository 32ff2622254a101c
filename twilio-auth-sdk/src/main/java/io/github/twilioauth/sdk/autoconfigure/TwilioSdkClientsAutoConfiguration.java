package io.github.twilioauth.sdk.autoconfigure;

import com.twilio.http.TwilioRestClient;

import io.github.twilioauth.autoconfigure.TwilioAutoConfiguration;
import io.github.twilioauth.client.TwilioClients;
import io.github.twilioauth.sdk.TwilioSdkClients;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of {@link TwilioSdkClients}: twilio-java's {@link TwilioRestClient} of each
 * tenant of the {@link TwilioClients} bean, on that tenant's client and credentials. Backs off
 * when the application defines its own {@code TwilioSdkClients}.
 */
@AutoConfiguration(after = TwilioAutoConfiguration.class)
@ConditionalOnClass(TwilioRestClient.class)
@ConditionalOnBean(TwilioClients.class)
public final class TwilioSdkClientsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    TwilioSdkClients twilioSdkClients(TwilioClients clients) {
        return new TwilioSdkClients(clients);
    }
}
