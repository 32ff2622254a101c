package io.github.twilioauth.autoconfigure;

import io.github.twilioauth.client.TwilioClient;
import io.github.twilioauth.credential.CredentialProvider;
import io.github.twilioauth.http.TwilioAuthInterceptor;
import io.github.twilioauth.http.TwilioRetryInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * Auto-configuration of the single {@link TwilioClient}, on the {@link CredentialProvider} bean
 * (the one {@code twilio.auth.*} configures, or the application's): the authenticating and
 * retrying interceptors, the {@code twilioRestClient} that carries them and its HTTP client.
 * Without a {@code CredentialProvider} it creates nothing. Each bean backs off when the
 * application defines its own. The authenticating interceptor is added to the
 * {@code twilioRestClient} only, never to other {@code RestClient}s of the application.
 */
@AutoConfiguration(after = { RestClientAutoConfiguration.class, TwilioCredentialsAutoConfiguration.class })
@ConditionalOnClass(RestClient.class)
@ConditionalOnBean(CredentialProvider.class)
@EnableConfigurationProperties(TwilioProperties.class)
public final class TwilioAutoConfiguration {

    /** Name of the {@link RestClient} bean that carries the Twilio credentials. */
    public static final String REST_CLIENT_BEAN_NAME = "twilioRestClient";

    /** Name of the request factory of every Twilio client, the single one and the tenants'. */
    public static final String REQUEST_FACTORY_BEAN_NAME = "twilioRequestFactory";

    @Bean
    @ConditionalOnMissingBean
    TwilioAuthInterceptor twilioAuthInterceptor(CredentialProvider credentialProvider, TwilioProperties properties) {
        return new TwilioAuthInterceptor(credentialProvider, CredentialProviderFactory.allowedHosts(properties));
    }

    @Bean
    @ConditionalOnMissingBean
    TwilioRetryInterceptor twilioRetryInterceptor(TwilioProperties properties) {
        return new TwilioRetryInterceptor(properties.getHttp().toRetryPolicy());
    }

    /** The HTTP client of Twilio calls, closed with the context. */
    @Bean(name = REQUEST_FACTORY_BEAN_NAME, defaultCandidate = false)
    @ConditionalOnMissingBean(name = REQUEST_FACTORY_BEAN_NAME)
    ClientHttpRequestFactory twilioRequestFactory(TwilioProperties properties,
            ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilder,
            ObjectProvider<HttpClientSettings> httpClientSettings) {
        return TwilioRestClientBuilderFactory.requestFactory(properties.getHttp(), requestFactoryBuilder,
                httpClientSettings);
    }

    /** The client for Twilio calls; see {@link TwilioRestClientBuilderFactory} for how it differs from Boot's. */
    @Bean(name = REST_CLIENT_BEAN_NAME, defaultCandidate = false)
    @ConditionalOnMissingBean(name = REST_CLIENT_BEAN_NAME)
    RestClient twilioRestClient(@Qualifier(REQUEST_FACTORY_BEAN_NAME) ClientHttpRequestFactory requestFactory,
            ObjectProvider<RestClientCustomizer> customizers, TwilioRetryInterceptor retryInterceptor,
            TwilioAuthInterceptor authInterceptor) {
        return TwilioRestClientBuilderFactory.create(requestFactory, customizers)
            .requestInterceptor(retryInterceptor)
            .requestInterceptor(authInterceptor)
            .build();
    }

    @Bean
    @ConditionalOnMissingBean
    TwilioClient twilioClient(@Qualifier(REST_CLIENT_BEAN_NAME) RestClient restClient,
            TwilioAuthInterceptor interceptor, TwilioProperties properties) {
        return new TwilioClient(restClient, interceptor, CredentialProviderFactory.endpointsOf(properties),
                properties.getAccountSid(), properties.getHttp().getMaxResponseSize());
    }
}
