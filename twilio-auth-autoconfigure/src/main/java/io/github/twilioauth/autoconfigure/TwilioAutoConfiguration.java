package io.github.twilioauth.autoconfigure;

import io.github.twilioauth.client.TwilioClient;
import io.github.twilioauth.credential.CredentialProvider;
import io.github.twilioauth.http.TwilioAuthInterceptor;
import io.github.twilioauth.http.TwilioRestClientBuilder;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.web.client.RestClient;

/**
 * Auto-configuration of the single {@link TwilioClient}, on the {@link CredentialProvider} bean
 * (the one {@code twilio.auth.*} configures, or the application's): the authenticating
 * interceptor and the {@code twilioRestClient} that carries it, built by the shared
 * {@link TwilioRestClientBuilder}. Without a {@code CredentialProvider} it creates nothing.
 * Each bean backs off when the application defines its own. The authenticating interceptor is
 * added to the {@code twilioRestClient} only, never to other {@code RestClient}s of the
 * application.
 */
@AutoConfiguration(after = TwilioHttpAutoConfiguration.class)
@ConditionalOnClass(RestClient.class)
@ConditionalOnBean(CredentialProvider.class)
@EnableConfigurationProperties(TwilioProperties.class)
public final class TwilioAutoConfiguration {

    /** Name of the {@link RestClient} bean that carries the Twilio credentials. */
    public static final String REST_CLIENT_BEAN_NAME = "twilioRestClient";

    private final ConfiguredClient singleClient;

    TwilioAutoConfiguration(ConfigurableListableBeanFactory beanFactory, Environment environment) {
        this.singleClient = ConfiguredClients.get(beanFactory, environment).singleClient();
    }

    @Bean
    @ConditionalOnMissingBean
    TwilioAuthInterceptor twilioAuthInterceptor(CredentialProvider credentialProvider) {
        return new TwilioAuthInterceptor(credentialProvider, this.singleClient.allowedHosts());
    }

    @Bean(name = REST_CLIENT_BEAN_NAME, defaultCandidate = false)
    @ConditionalOnMissingBean(name = REST_CLIENT_BEAN_NAME)
    RestClient twilioRestClient(TwilioRestClientBuilder restClients, TwilioAuthInterceptor authInterceptor) {
        return restClients.build(authInterceptor);
    }

    @Bean
    @ConditionalOnMissingBean
    TwilioClient twilioClient(@Qualifier(REST_CLIENT_BEAN_NAME) RestClient restClient,
            TwilioAuthInterceptor interceptor, TwilioProperties properties) {
        return new TwilioClient(restClient, interceptor, this.singleClient.endpoints(), properties.getAccountSid(),
                properties.getHttp().getMaxResponseSize());
    }
}
