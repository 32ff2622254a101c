package io.github.twilioauth.autoconfigure;

import io.github.twilioauth.client.TwilioClients;
import io.github.twilioauth.credential.CredentialProvider;
import io.github.twilioauth.http.TwilioAuthInterceptor;
import io.github.twilioauth.http.TwilioRestClientBuilder;
import io.github.twilioauth.token.CachingTokenManager;
import io.github.twilioauth.token.TokenManagerSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Configuration of {@link TwilioClients}, one {@link TwilioClient} per entry of
 * {@code twilio.tenants}.
 * <p>
 * Each tenant gets its own credential provider and, for the OAuth types, its own built-in token
 * manager (a {@code TokenManager} bean serves the single {@code twilio.auth.*} client only), which
 * the {@code TwilioClients} bean closes when the tenant is removed or the context closes. All
 * tenants share one {@code RestClient}: one request factory and connection pool, Boot's
 * {@code RestClientCustomizer}s, {@code twilio.http.*} retries. Tenants registered at run time
 * use {@code twilio.base-url}, {@code twilio.region} and {@code twilio.edge}. The single client
 * of {@code twilio.auth.*} is unaffected and stays the {@code TwilioClient} bean.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(OnTwilioTenantsCondition.class)
class TwilioClientsConfiguration {

    @Bean
    @ConditionalOnMissingBean
    TwilioClients twilioClients(ConfigurableListableBeanFactory beanFactory, Environment environment,
            TwilioProperties properties, TwilioRestClientBuilder restClients,
            ObjectProvider<TokenManagerSettings> tokenSettings) {
        ConfiguredClients configured = ConfiguredClients.get(beanFactory, environment);
        TwilioClients clients = new TwilioClients(restClients, configured.singleClient().endpoints(),
                properties.getHttp().getMaxResponseSize());
        configured.tenants().forEach((name, tenant) -> {
            CachingTokenManager tokens = tenant.usesTokens() ? tenant.createTokenManager(tokenSettings.getObject())
                    : null;
            CredentialProvider credentials = tenant.createCredentialProvider(tokens);
            clients.register(name, new TwilioAuthInterceptor(credentials, tenant.allowedHosts()), tenant.endpoints(),
                    tenant.properties().getAccountSid(), tokens);
        });
        return clients;
    }
}
