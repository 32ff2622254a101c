package io.github.twilioauth.autoconfigure;

import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when {@code twilio.tenants} has at least one entry. Boot's
 * {@code @ConditionalOnProperty} cannot test a map, so the tenants are bound.
 */
class OnTwilioTenantsCondition extends SpringBootCondition {

    private static final Bindable<Map<String, TwilioProperties.Tenant>> TENANTS = Bindable.mapOf(String.class,
            TwilioProperties.Tenant.class);

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Map<String, TwilioProperties.Tenant> tenants = Binder.get(context.getEnvironment())
            .bind("twilio.tenants", TENANTS)
            .orElse(Map.of());
        return tenants.isEmpty() ? ConditionOutcome.noMatch("no Twilio tenants in twilio.tenants")
                : ConditionOutcome.match("Twilio tenants " + tenants.keySet() + " in twilio.tenants");
    }
}
