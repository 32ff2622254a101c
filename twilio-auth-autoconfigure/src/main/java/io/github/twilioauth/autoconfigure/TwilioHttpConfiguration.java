package io.github.twilioauth.autoconfigure;

import io.github.twilioauth.http.TwilioRestClientBuilder;
import io.github.twilioauth.http.TwilioRetryInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ClientHttpRequestFactory;

/**
 * Configuration of what every Twilio client shares, the single one and each tenant's: the
 * HTTP client ({@code twilioRequestFactory}, closed with the context), the retry interceptor,
 * and the one {@link TwilioRestClientBuilder} their {@code RestClient}s come from. See
 * {@link TwilioRestClientBuilderFactory} for how the HTTP client differs from Boot's.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(OnTwilioClientsCondition.class)
class TwilioHttpConfiguration {

    @Bean(name = TwilioAutoConfiguration.REQUEST_FACTORY_BEAN_NAME, defaultCandidate = false)
    @ConditionalOnMissingBean(name = TwilioAutoConfiguration.REQUEST_FACTORY_BEAN_NAME)
    ClientHttpRequestFactory twilioRequestFactory(TwilioProperties properties,
            ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilder,
            ObjectProvider<HttpClientSettings> httpClientSettings) {
        return TwilioRestClientBuilderFactory.requestFactory(properties.getHttp(),
                requestFactoryBuilder.getIfAvailable(ClientHttpRequestFactoryBuilder::detect),
                httpClientSettings.getIfAvailable(HttpClientSettings::defaults));
    }

    @Bean
    @ConditionalOnMissingBean
    TwilioRetryInterceptor twilioRetryInterceptor(TwilioProperties properties) {
        return new TwilioRetryInterceptor(properties.getHttp().getRetry().toRetryPolicy());
    }

    @Bean
    @ConditionalOnMissingBean
    TwilioRestClientBuilder twilioRestClientBuilder(
            @Qualifier(TwilioAutoConfiguration.REQUEST_FACTORY_BEAN_NAME) ClientHttpRequestFactory requestFactory,
            ObjectProvider<RestClientCustomizer> customizers, TwilioRetryInterceptor retryInterceptor) {
        return new TwilioRestClientBuilder(
                TwilioRestClientBuilderFactory.create(requestFactory, customizers.orderedStream().toList()),
                retryInterceptor, TwilioRestClientBuilderFactory.userAgent());
    }
}
