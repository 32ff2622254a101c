package io.github.twilioauth.autoconfigure;

import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when the single client of {@code twilio.auth.*} or a tenant of {@code twilio.tenants}
 * uses OAuth tokens.
 */
class OnTwilioTokensCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        ConfiguredClients clients = ConfiguredClients.get(context);
        if (clients.singleClient().usesTokens()) {
            return ConditionOutcome
                .match("twilio.auth.* uses OAuth tokens (" + clients.singleClient().authType() + ")");
        }
        for (Map.Entry<String, ConfiguredClient> tenant : clients.tenants().entrySet()) {
            if (tenant.getValue().usesTokens()) {
                return ConditionOutcome.match("Twilio tenant " + tenant.getKey() + " uses OAuth tokens ("
                        + tenant.getValue().authType() + ")");
            }
        }
        return ConditionOutcome.noMatch("no Twilio client uses OAuth tokens");
    }
}
