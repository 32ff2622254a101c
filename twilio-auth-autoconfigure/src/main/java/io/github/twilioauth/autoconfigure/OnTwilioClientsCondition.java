package io.github.twilioauth.autoconfigure;

import io.github.twilioauth.client.TwilioTenantRepository;
import io.github.twilioauth.credential.CredentialProvider;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Conditional;

/**
 * Matches when there is a Twilio client to build: the single one (a {@link CredentialProvider}
 * bean), a tenant of {@code twilio.tenants}, or the tenants of a {@link TwilioTenantRepository}
 * bean.
 */
class OnTwilioClientsCondition extends AnyNestedCondition {

    OnTwilioClientsCondition() {
        super(ConfigurationPhase.REGISTER_BEAN);
    }

    @ConditionalOnBean(CredentialProvider.class)
    static class SingleClient {

    }

    @Conditional(OnTwilioTenantsCondition.class)
    static class Tenants {

    }

    @ConditionalOnBean(TwilioTenantRepository.class)
    static class Repository {

    }
}
