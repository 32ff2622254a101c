package io.github.twilioauth.autoconfigure;

import java.util.EnumSet;
import java.util.Set;

import io.github.twilioauth.credential.AuthType;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when {@code twilio.auth.*} configures one of the auth types named by
 * {@link ConditionalOnTwilioAuth}: explicitly with {@code twilio.auth.type}, or inferred from
 * the credentials present.
 */
class OnTwilioAuthCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        AuthType[] accepted = metadata.getAnnotations()
            .get(ConditionalOnTwilioAuth.class)
            .getEnumArray("value", AuthType.class);
        Set<AuthType> types = (accepted.length > 0) ? EnumSet.of(accepted[0], accepted) : EnumSet.allOf(AuthType.class);
        ProviderConfig auth = Binder.get(context.getEnvironment())
            .bind("twilio.auth", ProviderConfig.class)
            .orElse(null);
        AuthType type = (auth != null) ? auth.resolveType() : null;
        if (type == null) {
            return ConditionOutcome.noMatch("no Twilio credentials in twilio.auth.*");
        }
        return types.contains(type) ? ConditionOutcome.match("Twilio auth type " + type)
                : ConditionOutcome.noMatch("Twilio auth type " + type + " is not one of " + types);
    }
}
