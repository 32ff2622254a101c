package io.github.twilioauth.autoconfigure.webhook;

import io.github.twilioauth.webhook.TwilioWebhookAuthTokenResolver;
import io.github.twilioauth.webhook.TwilioWebhookValidator;
import io.github.twilioauth.webhook.WebhookDeduplicator;
import io.github.twilioauth.webhook.reactive.TwilioWebhookWebFilter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.result.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.server.WebFilter;

/**
 * Twilio webhook validation for Spring WebFlux: a
 * {@link TwilioWebhookWebFilter} that finds {@code @TwilioWebhook} methods through the
 * {@code @RequestMapping} handler mapping, and answers duplicate deliveries once when a
 * {@code WebhookDeduplicator} exists. Startup fails when validation applies to a handler or
 * path but no Auth Token is configured.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = Type.REACTIVE)
@ConditionalOnClass({ WebFilter.class, RequestMappingInfoHandlerMapping.class })
class TwilioWebhookReactiveConfiguration {

    @Bean
    @ConditionalOnMissingBean
    TwilioWebhookWebFilter twilioWebhookWebFilter(TwilioWebhookValidator validator, TwilioWebhookProperties properties,
            ObjectProvider<RequestMappingInfoHandlerMapping> handlerMappings,
            ObjectProvider<WebhookDeduplicator> deduplicator) {
        return new TwilioWebhookWebFilter(validator, TwilioWebhookAutoConfiguration.urlResolver(properties),
                properties.getPaths(), TwilioWebhookAutoConfiguration.maxBodyBytes(properties),
                handlerMappings.orderedStream().toList(), deduplicator.getIfUnique());
    }

    @Bean
    @ConditionalOnMissingBean
    TwilioWebhookStartupCheck twilioWebhookStartupCheck(TwilioWebhookAuthTokenResolver authTokenResolver,
            TwilioWebhookProperties properties, ObjectProvider<RequestMappingInfoHandlerMapping> handlerMappings) {
        return new TwilioWebhookStartupCheck(authTokenResolver, properties,
                () -> handlerMappings.orderedStream().map(RequestMappingInfoHandlerMapping::getHandlerMethods));
    }
}
