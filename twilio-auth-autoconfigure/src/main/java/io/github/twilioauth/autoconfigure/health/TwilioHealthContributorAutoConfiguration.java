package io.github.twilioauth.autoconfigure.health;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.twilioauth.autoconfigure.TwilioAutoConfiguration;
import io.github.twilioauth.client.TwilioClients;
import io.github.twilioauth.credential.CredentialProvider;
import io.github.twilioauth.health.TwilioHealthContributor;
import io.github.twilioauth.health.TwilioHealthIndicator;
import io.github.twilioauth.observation.TenantTag;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.CompositeHealthContributorConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.ConfigurationCondition;

/**
 * Auto-configuration of the {@code twilio} health contributor when Spring Boot's health support
 * is on the classpath. Disabled with {@code management.health.twilio.enabled=false}.
 * <p>
 * Without tenants it is a {@link TwilioHealthIndicator} of the {@link CredentialProvider} bean
 * (one per bean, by bean name, when there are several). With a {@link TwilioClients} bean it is
 * a {@link TwilioHealthContributor}: the single client as {@code default}, then one entry per
 * registered tenant, also with tenants only, and one {@code repository} entry for all the tenants
 * of a {@code TwilioTenantRepository}.
 */
@AutoConfiguration(after = TwilioAutoConfiguration.class)
@ConditionalOnClass({ HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@Conditional(TwilioHealthContributorAutoConfiguration.OnCredentialsOrTenants.class)
@ConditionalOnEnabledHealthIndicator("twilio")
@EnableConfigurationProperties(TwilioHealthProperties.class)
public final class TwilioHealthContributorAutoConfiguration
        extends CompositeHealthContributorConfiguration<TwilioHealthIndicator, CredentialProvider> {

    private final TwilioHealthProperties properties;

    TwilioHealthContributorAutoConfiguration(TwilioHealthProperties properties) {
        super((credentialProvider) -> new TwilioHealthIndicator(credentialProvider, properties.isFetchToken()));
        this.properties = properties;
    }

    @Bean
    @ConditionalOnMissingBean(name = { "twilioHealthIndicator", "twilioHealthContributor" })
    HealthContributor twilioHealthContributor(ConfigurableListableBeanFactory beanFactory,
            ObjectProvider<TwilioClients> tenants) {
        TwilioClients clients = tenants.getIfAvailable();
        if (clients == null) {
            return createContributor(beanFactory, CredentialProvider.class);
        }
        Map<String, CredentialProvider> providers = beanFactory.getBeansOfType(CredentialProvider.class);
        Map<String, TwilioHealthIndicator> fixed = new LinkedHashMap<>();
        providers.forEach((name, provider) -> fixed.put((providers.size() == 1) ? TenantTag.DEFAULT_TENANT : name,
                new TwilioHealthIndicator(provider, this.properties.isFetchToken())));
        return new TwilioHealthContributor(fixed, clients, this.properties.isFetchToken());
    }

    /** A {@link CredentialProvider} bean, the single client's, or a {@link TwilioClients} bean. */
    static final class OnCredentialsOrTenants extends AnyNestedCondition {

        OnCredentialsOrTenants() {
            super(ConfigurationCondition.ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnBean(CredentialProvider.class)
        static final class Credentials {

        }

        @ConditionalOnBean(TwilioClients.class)
        static final class Tenants {

        }
    }
}
