package io.github.twilioauth.webhook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether a request comes from Twilio, as Twilio's SDKs do: the
 * {@code X-Twilio-Signature} must be the signature of the URL (with or without the scheme's
 * default port) and of the form parameters, with one of the Auth Tokens of the request's
 * account; a body that is not a form must have the SHA-256 that the signed URL declares in
 * {@code bodySHA256}. Signatures are compared in constant time.
 * <p>
 * The values of a repeated parameter are signed in the order received; the order of Twilio's
 * Node.js SDK (values de-duplicated and sorted) is accepted too.
 * <p>
 * Each validation is an observation named {@code twilio.webhook} with the low-cardinality keys
 * {@code outcome} ({@code accepted} or {@code rejected}) and {@code reason} (see
 * {@link TwilioWebhookVerdict#reason()}). A rejection is logged at debug with the method, the path
 * and the reason. Neither carries a signature, a token, a parameter or the body.
 * <p>
 * Thread-safe.
 */
public final class TwilioWebhookValidator {

    /** Name of the observation of each validation. */
    public static final String OBSERVATION_NAME = "twilio.webhook";

    private static final Log logger = LogFactory.getLog(TwilioWebhookValidator.class);

    private final TwilioWebhookAuthTokenResolver authTokens;

    private final ObservationRegistry observationRegistry;

    /**
     * Creates a validator.
     * @param authTokens finds the Auth Tokens of a request's account
     * @param observationRegistry where validations are observed, {@link ObservationRegistry#NOOP}
     * for nowhere
     */
    public TwilioWebhookValidator(TwilioWebhookAuthTokenResolver authTokens,
            ObservationRegistry observationRegistry) {
        this.authTokens = authTokens;
        this.observationRegistry = observationRegistry;
    }

    /**
     * Validates a request.
     * @param request what the request brings
     * @return {@link TwilioWebhookVerdict#ACCEPTED}, or the reason to reject it
     */
    public TwilioWebhookVerdict validate(TwilioWebhookRequest request) {
        Observation observation = Observation.createNotStarted(OBSERVATION_NAME, this.observationRegistry)
            .contextualName("twilio webhook")
            .start();
        TwilioWebhookVerdict verdict;
        try {
            verdict = verdict(request);
        }
        catch (RuntimeException ex) {
            observation.error(ex);
            observation.stop();
            throw ex;
        }
        observation.lowCardinalityKeyValue("outcome", verdict.isAccepted() ? "accepted" : "rejected")
            .lowCardinalityKeyValue("reason", verdict.reason())
            .stop();
        if (!verdict.isAccepted() && logger.isDebugEnabled()) {
            String url = request.url();
            int query = url.indexOf('?');
            logger.debug("Rejected Twilio webhook " + request.method() + " " + ((query >= 0) ? url.substring(0, query) : url)
                    + ": " + verdict.reason());
        }
        return verdict;
    }

    /**
     * Returns the account a request is for and the tenant whose tokens check it: what a handler
     * learns of a request this validator accepted.
     * @param request what the request brings
     * @return its {@code AccountSid} and the tenant the token resolver names for it
     */
    public TwilioWebhookAccount account(TwilioWebhookRequest request) {
        String accountSid = request.accountSid();
        return new TwilioWebhookAccount(accountSid,
                (accountSid != null) ? this.authTokens.resolveTenant(accountSid) : null);
    }

    private TwilioWebhookVerdict verdict(TwilioWebhookRequest request) {
        if (request.isBodyTooLarge()) {
            return TwilioWebhookVerdict.BODY_TOO_LARGE;
        }
        String signature = request.signature();
        if (signature == null || signature.isBlank()) {
            return TwilioWebhookVerdict.MISSING_SIGNATURE;
        }
        List<String> tokens = this.authTokens.resolveAuthTokens(request.accountSid());
        if (tokens.isEmpty()) {
            return TwilioWebhookVerdict.UNKNOWN_ACCOUNT;
        }
        if (signingToken(request, signature.trim(), tokens) == null) {
            return TwilioWebhookVerdict.INVALID_SIGNATURE;
        }
        return bodyMatches(request) ? TwilioWebhookVerdict.ACCEPTED : TwilioWebhookVerdict.BODY_MISMATCH;
    }

    /**
     * Returns the Auth Token whose signature a request carries, such as the one a store derives
     * its encryption key from; not observed, and to be asked of an accepted request only.
     * @param request what the request brings
     * @return the Auth Token, or {@code null} when the signature is none of the account's
     */
    public @Nullable String signingAuthToken(TwilioWebhookRequest request) {
        String signature = request.signature();
        if (signature == null) {
            return null;
        }
        return signingToken(request, signature.trim(), this.authTokens.resolveAuthTokens(request.accountSid()));
    }

    /** Every URL form, parameter order and token is tried, whatever matched, so the time taken tells nothing. */
    private static @Nullable String signingToken(TwilioWebhookRequest request, String signature, List<String> tokens) {
        List<Map<String, List<String>>> parameterOrders = parameterOrders(request.formParameters());
        String signing = null;
        for (String url : WebhookUrlResolver.portVariants(request.url())) {
            for (Map<String, List<String>> parameters : parameterOrders) {
                for (String token : tokens) {
                    if (TwilioSignature.constantTimeEquals(TwilioSignature.compute(token, url, parameters), signature)
                            && signing == null) {
                        signing = token;
                    }
                }
            }
        }
        return signing;
    }

    /**
     * The parameters as received and, when a name is repeated in another order than sorted or
     * with duplicates, as Twilio's Node.js SDK signs them.
     */
    private static List<Map<String, List<String>>> parameterOrders(Map<String, List<String>> parameters) {
        Map<String, List<String>> sorted = null;
        for (Map.Entry<String, List<String>> entry : parameters.entrySet()) {
            List<String> values = entry.getValue();
            if (values.size() > 1) {
                List<String> sortedValues = new ArrayList<>(new TreeSet<>(values));
                if (!sortedValues.equals(values)) {
                    if (sorted == null) {
                        sorted = new LinkedHashMap<>(parameters);
                    }
                    sorted.put(entry.getKey(), sortedValues);
                }
            }
        }
        return (sorted != null) ? List.of(parameters, sorted) : List.of(parameters);
    }

    private static boolean bodyMatches(TwilioWebhookRequest request) {
        byte[] body = request.body();
        if (body == null) {
            return true;
        }
        String declared = TwilioWebhookRequest.queryParameter(request.url(), TwilioSignature.BODY_SHA256_PARAMETER);
        if (declared == null) {
            // A body the signature does not cover could be anything.
            return body.length == 0;
        }
        return TwilioSignature.constantTimeEquals(TwilioSignature.bodySha256(body), declared.toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return "TwilioWebhookValidator[" + this.authTokens.getClass().getSimpleName() + "]";
    }
}
