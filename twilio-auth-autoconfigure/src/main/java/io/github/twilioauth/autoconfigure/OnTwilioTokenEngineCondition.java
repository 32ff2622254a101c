package io.github.twilioauth.autoconfigure;

import io.github.twilioauth.client.TwilioTenantRepository;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Conditional;

/**
 * Matches when the shared token engine may be needed: a configured client uses OAuth tokens, or
 * a {@link TwilioTenantRepository} bean may give tenants OAuth credentials, also when no
 * configured client uses them.
 */
class OnTwilioTokenEngineCondition extends AnyNestedCondition {

    OnTwilioTokenEngineCondition() {
        super(ConfigurationPhase.REGISTER_BEAN);
    }

    @Conditional(OnTwilioTokensCondition.class)
    static class ConfiguredTokens {

    }

    @ConditionalOnBean(TwilioTenantRepository.class)
    static class Repository {

    }
}
