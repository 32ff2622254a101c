package io.github.twilioauth.autoconfigure.webhook;

import com.github.benmanes.caffeine.cache.Ticker;

import io.github.twilioauth.autoconfigure.TwilioConfigurationException;
import io.github.twilioauth.autoconfigure.TwilioProperties;
import io.github.twilioauth.autoconfigure.TwilioTenantCacheProperties;
import io.github.twilioauth.client.TwilioTenantRepository;
import io.github.twilioauth.webhook.InMemoryAuthTokenResolver;
import io.github.twilioauth.webhook.RepositoryAuthTokenResolver;
import io.github.twilioauth.webhook.TwilioWebhookAuthTokenResolver;
import io.github.twilioauth.webhook.TwilioWebhookValidator;
import io.github.twilioauth.webhook.WebhookUrlResolver;
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
 * Auto-configuration of the validation of requests from Twilio. Shared by Spring MVC and
 * WebFlux: the {@link TwilioWebhookAuthTokenResolver} built from {@code twilio.webhook.auth-token}
 * (or {@code twilio.auth.auth-token}) and each tenant's {@code webhook.auth-token}, and with a
 * {@link TwilioTenantRepository} bean the Auth Tokens it finds by Account SID, behind the caches
 * of {@code twilio.tenant-cache.*} (see {@link RepositoryAuthTokenResolver}); the
 * {@link TwilioWebhookValidator}, observed when an {@link ObservationRegistry} is present, and
 * with {@code twilio.webhook.deduplication.enabled} the {@code WebhookDeduplicator} that answers
 * duplicate deliveries once. What puts the validator in front of handlers is the stack's own:
 * {@link TwilioWebhookServletConfiguration} for Spring MVC, {@link TwilioWebhookReactiveConfiguration}
 * for WebFlux.
 * <p>
 * Off with {@code twilio.webhook.enabled=false}.
 */
@AutoConfiguration
@ConditionalOnWebApplication
@ConditionalOnBooleanProperty(name = "twilio.webhook.enabled", matchIfMissing = true)
@EnableConfigurationProperties({ TwilioProperties.class, TwilioWebhookProperties.class,
        TwilioTenantCacheProperties.class })
@Import({ TwilioWebhookServletConfiguration.class, TwilioWebhookReactiveConfiguration.class,
        WebhookDeduplicationConfiguration.class })
public final class TwilioWebhookAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    TwilioWebhookAuthTokenResolver twilioWebhookAuthTokenResolver(TwilioProperties properties,
            TwilioWebhookProperties webhook, TwilioTenantCacheProperties tenantCache,
            ObjectProvider<TwilioTenantRepository> repository) {
        InMemoryAuthTokenResolver configured = WebhookAuthTokens.resolver(properties, webhook);
        TwilioTenantRepository tenants = repository.getIfAvailable();
        return (tenants != null) ? new RepositoryAuthTokenResolver(configured, tenants, tenantCache.getMaximumSize(),
                tenantCache.getExpireAfterAccess(), tenantCache.getExpireMissesAfter(), Ticker.systemTicker())
                : configured;
    }

    @Bean
    @ConditionalOnMissingBean
    TwilioWebhookValidator twilioWebhookValidator(TwilioWebhookAuthTokenResolver authTokenResolver,
            ObjectProvider<ObservationRegistry> observations) {
        return new TwilioWebhookValidator(authTokenResolver, observations.getIfUnique(() -> ObservationRegistry.NOOP));
    }

    /**
     * Returns what rebuilds the URL Twilio signed, from {@code twilio.webhook.base-url}.
     * @throws TwilioConfigurationException if the base URL is not an absolute http or https URL
     */
    static WebhookUrlResolver urlResolver(TwilioWebhookProperties properties) {
        try {
            return new WebhookUrlResolver(properties.getBaseUrl());
        }
        catch (IllegalArgumentException ex) {
            throw new TwilioConfigurationException("twilio.webhook.base-url",
                    "twilio.webhook.base-url: " + ex.getMessage() + ".",
                    "Set twilio.webhook.base-url to the public URL Twilio requests, such as https://hooks.example.com,"
                            + " or remove it to use the request's URL.");
        }
    }

    /**
     * Returns {@code twilio.webhook.max-body-size} in bytes, at most {@code Integer.MAX_VALUE - 1}.
     */
    static int maxBodyBytes(TwilioWebhookProperties properties) {
        return (int) Math.min(Integer.MAX_VALUE - 1, Math.max(0, properties.getMaxBodySize().toBytes()));
    }
}
