package io.github.twilioauth.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class OnTwilioTenantsConditionTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withUserConfiguration(WhenTenants.class);

    @Test
    void matchesOneTenant() {
        this.runner.withPropertyValues("twilio.tenants.acme.auth.type=noauth")
            .run((context) -> assertThat(context).hasBean("marker"));
    }

    @Test
    void matchesATenantGivenOnlyByItsAccount() {
        this.runner.withPropertyValues("twilio.tenants.acme.account-sid=AC00000000000000000000000000000001")
            .run((context) -> assertThat(context).hasBean("marker"));
    }

    @Test
    void doesNotMatchWithoutTenants() {
        this.runner.withPropertyValues("twilio.auth.type=noauth")
            .run((context) -> assertThat(context).doesNotHaveBean("marker"));
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(OnTwilioTenantsCondition.class)
    static class WhenTenants {

        @Bean
        String marker() {
            return "marker";
        }
    }
}
