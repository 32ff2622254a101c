package io.github.twilioauth.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;

import io.github.twilioauth.client.RepositoryTenants;
import io.github.twilioauth.client.TwilioClients;
import io.github.twilioauth.client.TwilioEndpoints;
import io.github.twilioauth.client.TwilioTenantRepository;
import io.github.twilioauth.credential.CredentialProvider;
import io.github.twilioauth.http.TwilioAuthInterceptor;
import io.github.twilioauth.http.TwilioRestClientBuilder;
import io.github.twilioauth.observation.TenantMeters;
import io.github.twilioauth.token.CachingTokenManager;
import io.github.twilioauth.token.TokenManagerSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Configuration of {@link TwilioClients}: one {@link io.github.twilioauth.client.TwilioClient}
 * per entry of {@code twilio.tenants}, and the tenants of a {@link TwilioTenantRepository} bean,
 * which alone is enough.
 * <p>
 * Each tenant of {@code twilio.tenants} gets its own credential provider and, for the OAuth
 * types, its own built-in token manager (a {@code TokenManager} bean serves the single
 * {@code twilio.auth.*} client only), which the {@code TwilioClients} bean closes when the tenant
 * is removed or the context closes. The repository's tenants are kept in a cache bounded by
 * {@code twilio.tenant-cache.*}; they call {@code twilio.base-url} when it is set, else the hosts
 * of their own region and edge, and their OAuth providers built without a token manager get one
 * on the shared token engine (see {@link RepositoryTenantCredentials}). All tenants share one
 * {@code RestClient}: one request factory and connection pool, Boot's
 * {@code RestClientCustomizer}s, {@code twilio.http.*} retries. Tenants registered at run time
 * use {@code twilio.base-url}, {@code twilio.region} and {@code twilio.edge}. The single client
 * of {@code twilio.auth.*} is unaffected and stays the {@code TwilioClient} bean.
 * <p>
 * Every {@link TwilioClients.ReleaseListener} bean learns of the tenants released; with
 * Micrometer, one removes the meters of a tenant tagged with its name when it goes.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(OnTwilioTenantSourcesCondition.class)
@EnableConfigurationProperties(TwilioTenantCacheProperties.class)
class TwilioClientsConfiguration {

    @Bean
    @ConditionalOnMissingBean
    TwilioClients twilioClients(ConfigurableListableBeanFactory beanFactory, Environment environment,
            TwilioProperties properties, TwilioTenantCacheProperties tenantCache, TwilioRestClientBuilder restClients,
            ObjectProvider<TokenManagerSettings> tokenSettings, ObjectProvider<TwilioTenantRepository> repository,
            ObjectProvider<TwilioClients.ReleaseListener> releaseListeners) {
        ConfiguredClients configured = ConfiguredClients.get(beanFactory, environment);
        TwilioEndpoints endpoints = configured.singleClient().endpoints();
        TwilioTenantRepository tenantRepository = repository.getIfAvailable();
        RepositoryTenants repositoryTenants = (tenantRepository != null)
                ? RepositoryTenants.builder(tenantRepository)
                    .maximumSize(tenantCache.getMaximumSize())
                    .expireAfterAccess(tenantCache.getExpireAfterAccess())
                    .nameTags(tenantCache.isNameTags())
                    .credentials(new RepositoryTenantCredentials(tokenSettings.getObject(), endpoints.baseUrl()))
                    .build()
                : null;
        TwilioClients clients = new TwilioClients(restClients, endpoints, properties.getHttp().getMaxResponseSize(),
                repositoryTenants);
        releaseListeners.orderedStream().forEach(clients::addReleaseListener);
        configured.tenants().forEach((name, tenant) -> {
            CachingTokenManager tokens = tenant.usesTokens() ? tenant.createTokenManager(tokenSettings.getObject())
                    : null;
            CredentialProvider credentials = tenant.createCredentialProvider(tokens);
            clients.register(name, new TwilioAuthInterceptor(credentials, tenant.allowedHosts()), tenant.endpoints(),
                    tenant.properties().getAccountSid(), tokens);
        });
        return clients;
    }

    /**
     * With Micrometer, the removal of the meters of a tenant tagged with its name once it is
     * released, so that tenants added and removed at run time leave no time series behind.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    static class TenantMetersConfiguration {

        @Bean
        TwilioClients.ReleaseListener twilioTenantMetersRemoval(ObjectProvider<MeterRegistry> registries) {
            TenantMeters meters = new TenantMeters(() -> registries.orderedStream().toList());
            return (tenant, client, nameTagged) -> {
                if (nameTagged) {
                    meters.remove(tenant);
                }
            };
        }
    }
}
