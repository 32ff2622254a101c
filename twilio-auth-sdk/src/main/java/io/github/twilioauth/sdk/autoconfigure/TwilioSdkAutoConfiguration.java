package io.github.twilioauth.sdk.autoconfigure;

import com.twilio.http.TwilioRestClient;

import io.github.twilioauth.autoconfigure.TwilioAutoConfiguration;
import io.github.twilioauth.client.TwilioClient;
import io.github.twilioauth.sdk.TwilioSdkHttpClient;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of twilio-java's {@link TwilioRestClient} on the single
 * {@link TwilioClient}: the SDK's resources ({@code Message.creator(...).create(client)}) then
 * go through the client's {@code RestClient}, with its credentials and account SID, retries,
 * timeouts, observations and endpoints. Backs off when the application defines its own
 * {@code TwilioRestClient}.
 */
@AutoConfiguration(after = TwilioAutoConfiguration.class)
@ConditionalOnClass(TwilioRestClient.class)
@ConditionalOnBean(TwilioClient.class)
public final class TwilioSdkAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    TwilioRestClient twilioSdkRestClient(TwilioClient client) {
        return TwilioSdkHttpClient.restClientFor(client);
    }
}
