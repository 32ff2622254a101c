package io.github.twilioauth.sdk.autoconfigure;

import com.twilio.http.TwilioRestClient;

import io.github.twilioauth.client.TwilioClients;
import io.github.twilioauth.sdk.TwilioSdkClients;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Configuration of {@link TwilioSdkClients}: twilio-java's {@link TwilioRestClient} of each
 * tenant of the {@link TwilioClients} bean, on that tenant's client and credentials. Backs off
 * when the application defines its own {@code TwilioSdkClients}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBean(TwilioClients.class)
class TwilioSdkClientsConfiguration {

    @Bean
    @ConditionalOnMissingBean
    TwilioSdkClients twilioSdkClients(TwilioClients clients) {
        return new TwilioSdkClients(clients);
    }
}
