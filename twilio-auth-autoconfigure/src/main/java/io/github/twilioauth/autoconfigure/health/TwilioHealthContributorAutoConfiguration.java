package io.github.twilioauth.autoconfigure.health;

import io.github.twilioauth.autoconfigure.TwilioAutoConfiguration;
import io.github.twilioauth.credential.CredentialProvider;
import io.github.twilioauth.health.TwilioHealthIndicator;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.CompositeHealthContributorConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@code twilio} health contributor, a {@link TwilioHealthIndicator}
 * (one per {@link CredentialProvider} bean when there are several), when Spring Boot's health
 * support is on the classpath. Disabled with {@code management.health.twilio.enabled=false}.
 */
@AutoConfiguration(after = TwilioAutoConfiguration.class)
@ConditionalOnClass({ HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean(CredentialProvider.class)
@ConditionalOnEnabledHealthIndicator("twilio")
@EnableConfigurationProperties(TwilioHealthProperties.class)
public final class TwilioHealthContributorAutoConfiguration
        extends CompositeHealthContributorConfiguration<TwilioHealthIndicator, CredentialProvider> {

    TwilioHealthContributorAutoConfiguration(TwilioHealthProperties properties) {
        super((credentialProvider) -> new TwilioHealthIndicator(credentialProvider, properties.isFetchToken()));
    }

    @Bean
    @ConditionalOnMissingBean(name = { "twilioHealthIndicator", "twilioHealthContributor" })
    HealthContributor twilioHealthContributor(ConfigurableListableBeanFactory beanFactory) {
        return createContributor(beanFactory, CredentialProvider.class);
    }
}
