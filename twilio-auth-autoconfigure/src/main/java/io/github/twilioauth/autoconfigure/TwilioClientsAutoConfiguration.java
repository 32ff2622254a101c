package io.github.twilioauth.autoconfigure;

import io.github.twilioauth.client.TwilioClient;
import io.github.twilioauth.client.TwilioClients;
import io.github.twilioauth.credential.CredentialProvider;
import io.github.twilioauth.http.TwilioAuthInterceptor;
import io.github.twilioauth.token.TokenManagerSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * Auto-configuration of {@link TwilioClients}, one {@link TwilioClient} per entry of
 * {@code twilio.tenants}.
 * <p>
 * Each tenant gets its own credential provider and, for the OAuth types, its own built-in token
 * manager (a {@code TokenManager} bean serves the single {@code twilio.auth.*} client only). All
 * tenants share one {@code RestClient}: one request factory and connection pool, Boot's
 * {@code RestClientCustomizer}s, {@code twilio.http.*} retries. Tenants registered at run time
 * use {@code twilio.base-url}, {@code twilio.region} and {@code twilio.edge}. The single client
 * of {@code twilio.auth.*} is unaffected and stays the {@code TwilioClient} bean.
 */
@AutoConfiguration(after = { TwilioTokenAutoConfiguration.class, TwilioAutoConfiguration.class })
@ConditionalOnClass(RestClient.class)
@Conditional(OnTwilioTenantsCondition.class)
@EnableConfigurationProperties(TwilioProperties.class)
public final class TwilioClientsAutoConfiguration {

    /** The HTTP client of Twilio calls, unless the single client created it; closed with the context. */
    @Bean(name = TwilioAutoConfiguration.REQUEST_FACTORY_BEAN_NAME, defaultCandidate = false)
    @ConditionalOnMissingBean(name = TwilioAutoConfiguration.REQUEST_FACTORY_BEAN_NAME)
    ClientHttpRequestFactory twilioRequestFactory(TwilioProperties properties,
            ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilder,
            ObjectProvider<HttpClientSettings> httpClientSettings) {
        return TwilioRestClientBuilderFactory.requestFactory(properties.getHttp(), requestFactoryBuilder,
                httpClientSettings);
    }

    @Bean
    @ConditionalOnMissingBean
    TwilioClients twilioClients(TwilioProperties properties,
            @Qualifier(TwilioAutoConfiguration.REQUEST_FACTORY_BEAN_NAME) ClientHttpRequestFactory requestFactory,
            ObjectProvider<RestClientCustomizer> customizers, ObjectProvider<TokenManagerSettings> tokenSettings) {
        RestClient restClient = TwilioRestClientBuilderFactory.create(requestFactory, customizers).build();
        TwilioClients clients = new TwilioClients(restClient, properties.getHttp().toRetryPolicy(),
                CredentialProviderFactory.endpointsOf(properties), properties.getHttp().getMaxResponseSize());
        TokenManagerSettings sharedTokenSettings = tokenSettings.getIfAvailable();
        properties.getTenants().forEach((name, tenant) -> {
            CredentialProvider credentials = new CredentialProviderFactory(tenant, "twilio.tenants." + name)
                .createCredentialProvider(null, sharedTokenSettings);
            clients.register(name,
                    new TwilioAuthInterceptor(credentials, CredentialProviderFactory.allowedHosts(tenant)),
                    CredentialProviderFactory.endpointsOf(tenant), tenant.getAccountSid());
        });
        return clients;
    }
}
