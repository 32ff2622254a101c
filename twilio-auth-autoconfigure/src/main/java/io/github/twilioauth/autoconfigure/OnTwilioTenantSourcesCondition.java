package io.github.twilioauth.autoconfigure;

import io.github.twilioauth.client.TwilioTenantRepository;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Conditional;

/**
 * Matches when there are tenants to serve: a tenant of {@code twilio.tenants}, or a
 * {@link TwilioTenantRepository} bean, which alone is enough.
 */
class OnTwilioTenantSourcesCondition extends AnyNestedCondition {

    OnTwilioTenantSourcesCondition() {
        super(ConfigurationPhase.REGISTER_BEAN);
    }

    @Conditional(OnTwilioTenantsCondition.class)
    static class Tenants {

    }

    @ConditionalOnBean(TwilioTenantRepository.class)
    static class Repository {

    }
}
