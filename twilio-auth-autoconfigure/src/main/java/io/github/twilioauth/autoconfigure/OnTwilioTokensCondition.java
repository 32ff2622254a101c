package io.github.twilioauth.autoconfigure;

import java.util.Map;
import java.util.Set;

import io.github.twilioauth.credential.AuthType;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when the single client of {@code twilio.auth.*} or a tenant of {@code twilio.tenants}
 * uses OAuth tokens ({@code client-credentials} or {@code orgs}).
 */
class OnTwilioTokensCondition extends SpringBootCondition {

    private static final Set<AuthType> TOKEN_TYPES = Set.of(AuthType.CLIENT_CREDENTIALS, AuthType.ORGS);

    private static final Bindable<Map<String, TwilioProperties.Tenant>> TENANTS = Bindable.mapOf(String.class,
            TwilioProperties.Tenant.class);

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Binder binder = Binder.get(context.getEnvironment());
        ProviderConfig auth = binder.bind("twilio.auth", ProviderConfig.class).orElse(null);
        AuthType single = (auth != null) ? auth.resolveType() : null;
        if (single != null && TOKEN_TYPES.contains(single)) {
            return ConditionOutcome.match("twilio.auth.* uses OAuth tokens (" + single + ")");
        }
        for (Map.Entry<String, TwilioProperties.Tenant> tenant : binder.bind("twilio.tenants", TENANTS)
            .orElse(Map.of())
            .entrySet()) {
            AuthType type = tenant.getValue().getAuth().resolveType();
            if (type != null && TOKEN_TYPES.contains(type)) {
                return ConditionOutcome.match("Twilio tenant " + tenant.getKey() + " uses OAuth tokens (" + type + ")");
            }
        }
        return ConditionOutcome.noMatch("no Twilio client uses OAuth tokens");
    }
}
