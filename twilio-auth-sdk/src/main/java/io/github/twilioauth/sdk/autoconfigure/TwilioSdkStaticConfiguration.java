package io.github.twilioauth.sdk.autoconfigure;

import com.twilio.Twilio;
import com.twilio.http.TwilioRestClient;

import io.github.twilioauth.sdk.TwilioSdkStaticClient;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With {@code twilio.sdk.init-static=true}, installs the {@link TwilioRestClient} bean as
 * twilio-java's static default ({@link Twilio#setRestClient}), for code written as
 * {@code Message.creator(...).create()}, and uninstalls it when the context closes.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("twilio.sdk.init-static")
@ConditionalOnSingleCandidate(TwilioRestClient.class)
class TwilioSdkStaticConfiguration {

    @Bean
    @ConditionalOnMissingBean
    TwilioSdkStaticClient twilioSdkStaticClient(TwilioRestClient restClient) {
        return TwilioSdkStaticClient.install(restClient);
    }
}
