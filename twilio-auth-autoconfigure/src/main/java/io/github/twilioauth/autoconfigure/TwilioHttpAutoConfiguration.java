package io.github.twilioauth.autoconfigure;

import io.github.twilioauth.http.TwilioRestClientBuilder;
import io.github.twilioauth.http.TwilioRetryInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * Auto-configuration of what every Twilio client shares, the single one and each tenant's: the
 * HTTP client ({@code twilioRequestFactory}, closed with the context), the retry interceptor,
 * and the one {@link TwilioRestClientBuilder} their {@code RestClient}s come from. See
 * {@link TwilioRestClientBuilderFactory} for how the HTTP client differs from Boot's.
 */
@AutoConfiguration(after = { RestClientAutoConfiguration.class, TwilioCredentialsAutoConfiguration.class })
@ConditionalOnClass(RestClient.class)
@Conditional(OnTwilioClientsCondition.class)
@EnableConfigurationProperties(TwilioProperties.class)
public final class TwilioHttpAutoConfiguration {

    /** Name of the request factory of every Twilio client, the single one and the tenants'. */
    public static final String REQUEST_FACTORY_BEAN_NAME = "twilioRequestFactory";

    @Bean(name = REQUEST_FACTORY_BEAN_NAME, defaultCandidate = false)
    @ConditionalOnMissingBean(name = REQUEST_FACTORY_BEAN_NAME)
    ClientHttpRequestFactory twilioRequestFactory(TwilioProperties properties,
            ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilder,
            ObjectProvider<HttpClientSettings> httpClientSettings) {
        return TwilioRestClientBuilderFactory.requestFactory(properties.getHttp(), requestFactoryBuilder,
                httpClientSettings);
    }

    @Bean
    @ConditionalOnMissingBean
    TwilioRetryInterceptor twilioRetryInterceptor(TwilioProperties properties) {
        return new TwilioRetryInterceptor(properties.getHttp().getRetry().toRetryPolicy());
    }

    @Bean
    @ConditionalOnMissingBean
    TwilioRestClientBuilder twilioRestClientBuilder(
            @Qualifier(REQUEST_FACTORY_BEAN_NAME) ClientHttpRequestFactory requestFactory,
            ObjectProvider<RestClientCustomizer> customizers, TwilioRetryInterceptor retryInterceptor) {
        return new TwilioRestClientBuilder(TwilioRestClientBuilderFactory.create(requestFactory, customizers),
                retryInterceptor, TwilioRestClientBuilderFactory.userAgent());
    }
}
