package io.github.twilioauth.autoconfigure;

import io.github.twilioauth.credential.CredentialProvider;
import io.github.twilioauth.token.TokenManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Configuration of the single client's {@link CredentialProvider}, of the type
 * {@code twilio.auth.*} configures, with the {@link TokenManager} bean for the OAuth types
 * (the built-in one of {@link TwilioTokenConfiguration}, or the application's). Backs off
 * when the application defines its own {@code CredentialProvider}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnTwilioAuth
class TwilioCredentialsConfiguration {

    @Bean
    @ConditionalOnMissingBean
    CredentialProvider twilioCredentialProvider(ConfigurableListableBeanFactory beanFactory, Environment environment,
            ObjectProvider<TokenManager> tokenManager) {
        return ConfiguredClients.get(beanFactory, environment)
            .singleClient()
            .createCredentialProvider(tokenManager.getIfUnique());
    }
}
