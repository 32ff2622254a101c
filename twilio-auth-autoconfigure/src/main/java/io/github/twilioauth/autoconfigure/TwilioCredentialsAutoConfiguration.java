package io.github.twilioauth.autoconfigure;

import io.github.twilioauth.credential.CredentialProvider;
import io.github.twilioauth.token.TokenManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.web.client.RestClient;

/**
 * Auto-configuration of the single client's {@link CredentialProvider}, of the type
 * {@code twilio.auth.*} configures, with the {@link TokenManager} bean for the OAuth types
 * (the built-in one of {@link TwilioTokenAutoConfiguration}, or the application's). Backs off
 * when the application defines its own {@code CredentialProvider}.
 */
@AutoConfiguration(after = TwilioTokenAutoConfiguration.class)
@ConditionalOnClass(RestClient.class)
@ConditionalOnTwilioAuth
@EnableConfigurationProperties(TwilioProperties.class)
public final class TwilioCredentialsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    CredentialProvider twilioCredentialProvider(ConfigurableListableBeanFactory beanFactory, Environment environment,
            ObjectProvider<TokenManager> tokenManager) {
        return ConfiguredClients.get(beanFactory, environment)
            .singleClient()
            .createCredentialProvider(tokenManager.getIfUnique());
    }
}
