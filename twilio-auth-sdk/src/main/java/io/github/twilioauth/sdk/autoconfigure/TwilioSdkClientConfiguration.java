package io.github.twilioauth.sdk.autoconfigure;

import com.twilio.http.TwilioRestClient;

import io.github.twilioauth.client.TwilioClient;
import io.github.twilioauth.sdk.TwilioSdkHttpClient;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Configuration of twilio-java's {@link TwilioRestClient} on the single
 * {@link TwilioClient}: the SDK's resources ({@code Message.creator(...).create(client)}) then
 * go through the client's {@code RestClient}, with its credentials and account SID, retries,
 * timeouts, observations and endpoints. Backs off when the application defines its own
 * {@code TwilioRestClient}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBean(TwilioClient.class)
class TwilioSdkClientConfiguration {

    @Bean
    @ConditionalOnMissingBean
    TwilioRestClient twilioSdkRestClient(TwilioClient client) {
        return TwilioSdkHttpClient.restClientFor(client);
    }
}
