package io.github.twilioauth.autoconfigure.webhook;

import io.github.twilioauth.autoconfigure.TwilioProperties;
import io.github.twilioauth.webhook.TwilioWebhookAuthTokenResolver;
import io.github.twilioauth.webhook.TwilioWebhookValidator;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Auto-configuration of the validation of requests from Twilio, shared by Spring MVC and
 * WebFlux: the {@link TwilioWebhookAuthTokenResolver} built from {@code twilio.webhook.auth-token}
 * (or {@code twilio.auth.auth-token}) and each tenant's {@code webhook.auth-token}, and the
 * {@link TwilioWebhookValidator}, observed when an {@link ObservationRegistry} is present, and
 * with {@code twilio.webhook.deduplication.enabled} the {@code WebhookDeduplicator} that answers
 * duplicate deliveries once.
 * <p>
 * Off with {@code twilio.webhook.enabled=false}.
 */
@AutoConfiguration
@ConditionalOnWebApplication
@ConditionalOnBooleanProperty(name = "twilio.webhook.enabled", matchIfMissing = true)
@EnableConfigurationProperties({ TwilioProperties.class, TwilioWebhookProperties.class })
@Import(WebhookDeduplicationConfiguration.class)
public final class TwilioWebhookAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    TwilioWebhookAuthTokenResolver twilioWebhookAuthTokenResolver(TwilioProperties properties) {
        return WebhookAuthTokens.resolver(properties);
    }

    @Bean
    @ConditionalOnMissingBean
    TwilioWebhookValidator twilioWebhookValidator(TwilioWebhookAuthTokenResolver authTokenResolver,
            ObjectProvider<ObservationRegistry> observations) {
        return new TwilioWebhookValidator(authTokenResolver, observations.getIfUnique(() -> ObservationRegistry.NOOP));
    }
}
