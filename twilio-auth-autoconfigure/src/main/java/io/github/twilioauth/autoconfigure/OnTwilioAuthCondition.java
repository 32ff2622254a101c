package io.github.twilioauth.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when {@code twilio.auth.*} configures the single client's credentials, of an auth
 * type that uses OAuth tokens when {@link ConditionalOnTwilioAuth#usingTokens()} says so.
 */
class OnTwilioAuthCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        boolean usingTokens = metadata.getAnnotations().get(ConditionalOnTwilioAuth.class).getBoolean("usingTokens");
        ConfiguredClient client = ConfiguredClients.get(context).singleClient();
        if (!client.hasCredentials()) {
            return ConditionOutcome.noMatch("no Twilio credentials in twilio.auth.*");
        }
        if (usingTokens && !client.usesTokens()) {
            return ConditionOutcome.noMatch("twilio.auth.* uses no OAuth tokens (" + client.authType() + ")");
        }
        return ConditionOutcome.match("Twilio credentials in twilio.auth.* (" + client.authType() + ")");
    }
}
