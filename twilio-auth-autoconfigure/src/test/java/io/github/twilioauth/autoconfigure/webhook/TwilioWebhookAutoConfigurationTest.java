package io.github.twilioauth.autoconfigure.webhook;

import java.util.List;
import java.util.Map;

import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;

import org.junit.jupiter.api.Test;

import io.github.twilioauth.autoconfigure.TwilioConfigurationException;
import io.github.twilioauth.webhook.InMemoryAuthTokenResolver;
import io.github.twilioauth.webhook.TwilioWebhook;
import io.github.twilioauth.webhook.TwilioWebhookAuthTokenResolver;
import io.github.twilioauth.webhook.TwilioWebhookRequest;
import io.github.twilioauth.webhook.TwilioWebhookValidator;
import io.github.twilioauth.webhook.reactive.TwilioWebhookWebFilter;
import io.github.twilioauth.webhook.servlet.TwilioWebhookBodyFilter;
import io.github.twilioauth.webhook.servlet.TwilioWebhookHandlerInterceptor;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.HandlerInterceptor;

import static org.assertj.core.api.Assertions.assertThat;

class TwilioWebhookAutoConfigurationTest {

    private static final AutoConfigurations WEBHOOKS = AutoConfigurations.of(TwilioWebhookAutoConfiguration.class);

    private final WebApplicationContextRunner servlet = new WebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class))
        .withConfiguration(WEBHOOKS);

    private final ReactiveWebApplicationContextRunner reactive = new ReactiveWebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(WebFluxAutoConfiguration.class))
        .withConfiguration(WEBHOOKS);

    @Test
    void servletApplicationGetsTheInterceptorAndTheBodyFilter() {
        this.servlet.withPropertyValues("twilio.webhook.auth-token=token").run((context) -> {
            assertThat(context).hasSingleBean(TwilioWebhookHandlerInterceptor.class)
                .hasSingleBean(TwilioWebhookBodyFilter.class)
                .hasSingleBean(TwilioWebhookValidator.class)
                .doesNotHaveBean(TwilioWebhookWebFilter.class);
        });
    }

    @Test
    void reactiveApplicationGetsTheWebFilter() {
        this.reactive.withPropertyValues("twilio.webhook.auth-token=token").run((context) -> {
            assertThat(context).hasSingleBean(TwilioWebhookWebFilter.class)
                .doesNotHaveBean(TwilioWebhookHandlerInterceptor.class)
                .doesNotHaveBean(TwilioWebhookBodyFilter.class);
        });
    }

    @Test
    void nonWebApplicationGetsNothing() {
        new ApplicationContextRunner().withConfiguration(WEBHOOKS)
            .withPropertyValues("twilio.webhook.auth-token=token")
            .run((context) -> assertThat(context).doesNotHaveBean(TwilioWebhookValidator.class));
    }

    @Test
    void servletApplicationWithoutSpringMvcGetsNoInterceptor() {
        this.servlet.withClassLoader(new FilteredClassLoader(HandlerInterceptor.class))
            .withPropertyValues("twilio.webhook.auth-token=token")
            .run((context) -> assertThat(context).doesNotHaveBean(TwilioWebhookHandlerInterceptor.class));
    }

    @Test
    void disabledValidationCreatesNothingEvenForAnnotatedHandlers() {
        this.servlet.withUserConfiguration(AnnotatedController.class)
            .withPropertyValues("twilio.webhook.enabled=false")
            .run((context) -> assertThat(context).hasNotFailed()
                .doesNotHaveBean(TwilioWebhookValidator.class)
                .doesNotHaveBean(TwilioWebhookHandlerInterceptor.class));
    }

    @Test
    void theWebhookTokenDefaultsToTheClientsAuthToken() {
        this.servlet.withPropertyValues("twilio.auth.auth-token=api-token").run((context) -> assertThat(
                context.getBean(TwilioWebhookAuthTokenResolver.class).resolveAuthTokens(null))
            .containsExactly("api-token"));
    }

    @Test
    void theWebhookTokenWinsOverTheAuthTokenAndTheSecondaryFollows() {
        this.servlet
            .withPropertyValues("twilio.auth.auth-token=api-token", "twilio.webhook.auth-token=webhook-token",
                    "twilio.webhook.secondary-auth-token=next-token")
            .run((context) -> assertThat(context.getBean(TwilioWebhookAuthTokenResolver.class).resolveAuthTokens(null))
                .containsExactly("webhook-token", "next-token"));
    }

    @Test
    void anOAuthClientChecksWebhooksWithTheWebhookToken() {
        this.servlet.withUserConfiguration(AnnotatedController.class)
            .withPropertyValues("twilio.account-sid=AC00000000000000000000000000000001",
                    "twilio.auth.client-id=OQ00000000000000000000000000000001", "twilio.auth.client-secret=secret",
                    "twilio.webhook.auth-token=webhook-token")
            .run((context) -> assertThat(context).hasNotFailed()
                .getBean(TwilioWebhookAuthTokenResolver.class)
                .satisfies((resolver) -> assertThat(resolver.resolveAuthTokens("AC00000000000000000000000000000001"))
                    .containsExactly("webhook-token")));
    }

    @Test
    void eachTenantIsMatchedByItsAccountSidWithItsOwnTokensAndNamed() {
        this.servlet.withPropertyValues("twilio.webhook.auth-token=main-token",
                "twilio.tenants.acme.account-sid=AC00000000000000000000000000000a01",
                "twilio.tenants.acme.auth.auth-token=acme-api-token",
                "twilio.tenants.globex.account-sid=AC00000000000000000000000000000b02",
                "twilio.tenants.globex.webhook.auth-token=globex-token",
                "twilio.tenants.globex.webhook.secondary-auth-token=globex-next")
            .run((context) -> {
                TwilioWebhookAuthTokenResolver resolver = context.getBean(TwilioWebhookAuthTokenResolver.class);
                assertThat(resolver.resolveAuthTokens("AC00000000000000000000000000000a01"))
                    .containsExactly("acme-api-token");
                assertThat(resolver.resolveAuthTokens("AC00000000000000000000000000000b02"))
                    .containsExactly("globex-token", "globex-next");
                assertThat(resolver.resolveAuthTokens("AC00000000000000000000000000000c03")).containsExactly("main-token");
                assertThat(resolver.resolveTenant("AC00000000000000000000000000000a01")).isEqualTo("acme");
                assertThat(resolver.resolveTenant("AC00000000000000000000000000000b02")).isEqualTo("globex");
                assertThat(resolver.resolveTenant("AC00000000000000000000000000000c03")).isNull();
            });
    }

    @Test
    void validationsAreObservedInTheApplicationsObservationRegistry() {
        TestObservationRegistry observations = TestObservationRegistry.create();
        this.servlet.withBean(ObservationRegistry.class, () -> observations)
            .withPropertyValues("twilio.webhook.auth-token=token")
            .run((context) -> {
                context.getBean(TwilioWebhookValidator.class)
                    .validate(TwilioWebhookRequest.form("POST", "https://example.com/sms", "forged", Map.of()));
                TestObservationRegistryAssert.assertThat(observations)
                    .hasObservationWithNameEqualTo(TwilioWebhookValidator.OBSERVATION_NAME)
                    .that()
                    .hasLowCardinalityKeyValue("outcome", "rejected")
                    .hasLowCardinalityKeyValue("reason", "invalid_signature");
            });
    }

    @Test
    void aResolverBeanReplacesTheBuiltInOne() {
        this.servlet.withUserConfiguration(AnnotatedController.class)
            .withBean(TwilioWebhookAuthTokenResolver.class, () -> (accountSid) -> List.of("from-my-store"))
            .run((context) -> assertThat(context).hasNotFailed()
                .getBean(TwilioWebhookAuthTokenResolver.class)
                .isNotInstanceOf(InMemoryAuthTokenResolver.class));
    }

    @Test
    void noTokenIsFineWhileNothingIsValidated() {
        this.servlet.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(TwilioWebhookHandlerInterceptor.class));
        this.reactive.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(TwilioWebhookWebFilter.class));
    }

    @Test
    void annotatedHandlerWithoutTokenFailsStartupNamingTheProperty() {
        this.servlet.withUserConfiguration(AnnotatedController.class).run((context) -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).isInstanceOf(TwilioConfigurationException.class)
                .hasMessageContaining("@TwilioWebhook handlers");
            FailureAnalysis analysis = analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).startsWith("Invalid Twilio configuration (twilio.webhook.auth-token)")
                .contains("no Auth Token to check signatures with is configured (twilio.webhook.auth-token,"
                        + " twilio.auth.auth-token or a tenant's webhook.auth-token)");
            assertThat(analysis.getAction()).contains("twilio.webhook.auth-token", "TwilioWebhookAuthTokenResolver",
                    "twilio.webhook.enabled=false");
        });
    }

    @Test
    void annotatedReactiveHandlerWithoutTokenFailsStartup() {
        this.reactive.withUserConfiguration(AnnotatedController.class).run((context) -> assertThat(context).hasFailed()
            .getFailure()
            .isInstanceOf(TwilioConfigurationException.class));
    }

    @Test
    void configuredPathsWithoutTokenFailStartup() {
        this.servlet.withPropertyValues("twilio.webhook.paths=/twilio/**")
            .run((context) -> assertThat(context).getFailure()
                .isInstanceOf(TwilioConfigurationException.class)
                .hasMessageContaining("twilio.webhook.paths"));
    }

    @Test
    void tenantWebhookTokenWithoutAccountSidFailsStartup() {
        this.servlet.withPropertyValues("twilio.tenants.acme.webhook.auth-token=acme-token").run((context) -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasRootCauseInstanceOf(TwilioConfigurationException.class);
            assertThat(analyze(context.getStartupFailure()).getDescription())
                .contains("twilio.tenants.acme.account-sid");
        });
    }

    @Test
    void invalidBaseUrlFailsStartupNamingTheProperty() {
        this.servlet.withPropertyValues("twilio.webhook.auth-token=token", "twilio.webhook.base-url=hooks.example.com")
            .run((context) -> {
                assertThat(context).hasFailed();
                FailureAnalysis analysis = analyze(context.getStartupFailure());
                assertThat(analysis.getDescription()).startsWith("Invalid Twilio configuration (twilio.webhook.base-url)")
                    .contains("absolute http or https URL");
            });
        this.reactive.withPropertyValues("twilio.webhook.auth-token=token", "twilio.webhook.base-url=https://a.example/?x=1")
            .run((context) -> assertThat(context.getStartupFailure()).hasRootCauseInstanceOf(TwilioConfigurationException.class));
    }

    @Test
    void startupFailureReportShowsNoSecret() {
        this.servlet.withUserConfiguration(AnnotatedController.class)
            .withPropertyValues("twilio.auth.api-key=SK00000000000000000000000000000001", "twilio.auth.api-secret=api-secret-value")
            .run((context) -> {
                FailureAnalysis analysis = analyze(context.getStartupFailure());
                assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain("api-secret-value");
            });
    }

    private static FailureAnalysis analyze(Throwable failure) {
        for (FailureAnalyzer analyzer : SpringFactoriesLoader.forDefaultResourceLocation()
            .load(FailureAnalyzer.class,
                    SpringFactoriesLoader.ArgumentResolver.of(BeanFactory.class, new DefaultListableBeanFactory())
                        .and(Environment.class, new StandardEnvironment()),
                    SpringFactoriesLoader.FailureHandler.handleMessage((message, ex) -> {
                        // Analyzers of technologies absent from the test classpath.
                    }))) {
            FailureAnalysis analysis = analyzer.analyze(failure);
            if (analysis != null) {
                return analysis;
            }
        }
        throw new AssertionError("No failure analysis for " + failure);
    }

    @Configuration(proxyBeanMethods = false)
    @RestController
    static class AnnotatedController {

        @TwilioWebhook
        @PostMapping("/sms")
        String sms() {
            return "ok";
        }

        @Bean
        String marker() {
            return "annotated";
        }

    }
}
