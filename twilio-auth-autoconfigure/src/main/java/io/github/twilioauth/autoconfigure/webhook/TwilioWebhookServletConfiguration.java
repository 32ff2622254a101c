package io.github.twilioauth.autoconfigure.webhook;

import io.github.twilioauth.webhook.TwilioWebhookAuthTokenResolver;
import io.github.twilioauth.webhook.TwilioWebhookValidator;
import io.github.twilioauth.webhook.WebhookDeduplicator;
import io.github.twilioauth.webhook.servlet.TwilioWebhookBodyFilter;
import io.github.twilioauth.webhook.servlet.TwilioWebhookDeduplicationFilter;
import io.github.twilioauth.webhook.servlet.TwilioWebhookHandlerInterceptor;
import jakarta.servlet.Filter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Twilio webhook validation for Spring MVC: a
 * {@link TwilioWebhookHandlerInterceptor} added to every handler mapping ahead of other
 * interceptors, the {@link TwilioWebhookBodyFilter} that keeps a signed JSON body readable and,
 * with {@code twilio.webhook.deduplication.enabled}, the {@link TwilioWebhookDeduplicationFilter}
 * through which the interceptor records responses for duplicate deliveries.
 * Startup fails when validation applies to a handler or path but no Auth Token is configured.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass({ HandlerInterceptor.class, Filter.class })
class TwilioWebhookServletConfiguration {

    @Bean
    @ConditionalOnMissingBean
    TwilioWebhookHandlerInterceptor twilioWebhookHandlerInterceptor(TwilioWebhookValidator validator,
            TwilioWebhookProperties properties, ObjectProvider<WebhookDeduplicator> deduplicator) {
        return new TwilioWebhookHandlerInterceptor(validator, TwilioWebhookAutoConfiguration.urlResolver(properties),
                properties.getPaths(), TwilioWebhookAutoConfiguration.maxBodyBytes(properties),
                deduplicator.getIfUnique());
    }

    @Bean
    @ConditionalOnMissingBean
    TwilioWebhookBodyFilter twilioWebhookBodyFilter(TwilioWebhookProperties properties) {
        return new TwilioWebhookBodyFilter(TwilioWebhookAutoConfiguration.maxBodyBytes(properties));
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty("twilio.webhook.deduplication.enabled")
    TwilioWebhookDeduplicationFilter twilioWebhookDeduplicationFilter() {
        return new TwilioWebhookDeduplicationFilter();
    }

    @Bean
    @ConditionalOnMissingBean(name = "twilioWebhookWebMvcConfigurer")
    WebMvcConfigurer twilioWebhookWebMvcConfigurer(TwilioWebhookHandlerInterceptor interceptor) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(interceptor).order(Ordered.HIGHEST_PRECEDENCE);
            }
        };
    }

    @Bean
    @ConditionalOnMissingBean
    TwilioWebhookStartupCheck twilioWebhookStartupCheck(TwilioWebhookAuthTokenResolver authTokenResolver,
            TwilioWebhookProperties properties, ObjectProvider<RequestMappingInfoHandlerMapping> handlerMappings) {
        return new TwilioWebhookStartupCheck(authTokenResolver, properties,
                () -> handlerMappings.orderedStream().map(RequestMappingInfoHandlerMapping::getHandlerMethods));
    }
}
