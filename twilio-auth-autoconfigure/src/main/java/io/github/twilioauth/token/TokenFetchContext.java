package io.github.twilioauth.token;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * What an observation of a token request knows: which kind of manager made it, why, and how
 * it ended.
 */
public final class TokenFetchContext extends Observation.Context {

    private final String tokenType;

    private final String trigger;

    private final String tenant;

    private @Nullable String outcome;

    TokenFetchContext(String tokenType, String trigger, String tenant) {
        this.tokenType = tokenType;
        this.trigger = trigger;
        this.tenant = tenant;
    }

    /**
     * Returns the tenant the token is for: {@code default} for the single client.
     * @return the tenant
     */
    public String getTenant() {
        return this.tenant;
    }

    /**
     * Returns the kind of token: {@code api} or {@code orgs}.
     * @return the token type
     */
    public String getTokenType() {
        return this.tokenType;
    }

    /**
     * Returns why the token was requested: {@code initial} (no usable token, callers wait),
     * {@code renewal} (ahead of expiry, in the background) or {@code refresh} (forced).
     * @return the trigger
     */
    public String getTrigger() {
        return this.trigger;
    }

    /**
     * Returns how the request ended: {@code success}, {@code client_error}, {@code server_error},
     * {@code invalid_response}, {@code timeout} or {@code io_error}.
     * @return the outcome, or {@code null} while the request is in flight
     */
    public @Nullable String getOutcome() {
        return this.outcome;
    }

    void setOutcome(String outcome) {
        this.outcome = outcome;
    }
}
