package io.github.twilioauth.autoconfigure;

import java.util.Set;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when {@code twilio.tenants} has at least one entry. Boot's
 * {@code @ConditionalOnProperty} cannot test a map, so the tenants are bound.
 */
class OnTwilioTenantsCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Set<String> tenants = ConfiguredClients.get(context).tenants().keySet();
        return tenants.isEmpty() ? ConditionOutcome.noMatch("no Twilio tenants in twilio.tenants")
                : ConditionOutcome.match("Twilio tenants " + tenants + " in twilio.tenants");
    }
}
