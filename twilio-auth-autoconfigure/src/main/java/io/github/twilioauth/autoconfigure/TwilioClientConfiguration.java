package io.github.twilioauth.autoconfigure;

import io.github.twilioauth.client.TwilioClient;
import io.github.twilioauth.credential.CredentialProvider;
import io.github.twilioauth.http.TwilioAuthInterceptor;
import io.github.twilioauth.http.TwilioRestClientBuilder;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.client.RestClient;

/**
 * Configuration of the single {@link TwilioClient}, on the {@link CredentialProvider} bean
 * (the one {@code twilio.auth.*} configures, or the application's): the authenticating
 * interceptor and the {@code twilioRestClient} that carries it, built by the shared
 * {@link TwilioRestClientBuilder}. Without a {@code CredentialProvider} it creates nothing.
 * Each bean backs off when the application defines its own. The authenticating interceptor is
 * added to the {@code twilioRestClient} only, never to other {@code RestClient}s of the
 * application.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBean(CredentialProvider.class)
class TwilioClientConfiguration {

    private final ConfiguredClient singleClient;

    TwilioClientConfiguration(ConfigurableListableBeanFactory beanFactory, Environment environment) {
        this.singleClient = ConfiguredClients.get(beanFactory, environment).singleClient();
    }

    @Bean
    @ConditionalOnMissingBean
    TwilioAuthInterceptor twilioAuthInterceptor(CredentialProvider credentialProvider) {
        return new TwilioAuthInterceptor(credentialProvider, this.singleClient.allowedHosts());
    }

    @Bean(name = TwilioAutoConfiguration.REST_CLIENT_BEAN_NAME, defaultCandidate = false)
    @ConditionalOnMissingBean(name = TwilioAutoConfiguration.REST_CLIENT_BEAN_NAME)
    RestClient twilioRestClient(TwilioRestClientBuilder restClients, TwilioAuthInterceptor authInterceptor) {
        return restClients.build(authInterceptor);
    }

    @Bean
    @ConditionalOnMissingBean
    TwilioClient twilioClient(@Qualifier(TwilioAutoConfiguration.REST_CLIENT_BEAN_NAME) RestClient restClient,
            TwilioAuthInterceptor interceptor, TwilioProperties properties) {
        return new TwilioClient(restClient, interceptor, this.singleClient.endpoints(), properties.getAccountSid(),
                properties.getHttp().getMaxResponseSize());
    }
}
