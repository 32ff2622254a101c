package io.github.twilioauth.token;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

import io.github.twilioauth.observation.TenantTag;

/**
 * Names token request observations {@code twilio.auth.token.fetch}, with low-cardinality keys
 * only: {@code twilio.tenant}, {@code twilio.auth.token.type}, {@code trigger} and, once the
 * request has ended, {@code outcome}, so the long task timer of requests in flight carries no
 * outcome. No key carries a client id, secret or token.
 */
public class TokenFetchObservationConvention implements ObservationConvention<TokenFetchContext> {

    /** The name of token request observations. */
    public static final String NAME = "twilio.auth.token.fetch";

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public String getContextualName(TokenFetchContext context) {
        return "twilio token " + context.getTrigger();
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(TokenFetchContext context) {
        KeyValues keyValues = KeyValues.of(TenantTag.KEY, context.getTenant(), "twilio.auth.token.type",
                context.getTokenType(), "trigger", context.getTrigger());
        String outcome = context.getOutcome();
        return (outcome != null) ? keyValues.and("outcome", outcome) : keyValues;
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
        return context instanceof TokenFetchContext;
    }
}
