package io.github.twilioauth.webhook;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import io.github.twilioauth.test.webhook.TwilioWebhookSigner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static io.github.twilioauth.webhook.TwilioSignatureTest.AUTH_TOKEN;
import static io.github.twilioauth.webhook.TwilioSignatureTest.JSON;
import static io.github.twilioauth.webhook.TwilioSignatureTest.JSON_SHA256;
import static io.github.twilioauth.webhook.TwilioSignatureTest.JSON_SIGNATURE;
import static io.github.twilioauth.webhook.TwilioSignatureTest.PARAMETERS;
import static io.github.twilioauth.webhook.TwilioSignatureTest.SIGNATURE;
import static io.github.twilioauth.webhook.TwilioSignatureTest.URL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Validation of webhook requests, against Twilio's SDK test vectors and signatures computed in
 * the test by {@link TwilioWebhookSigner}, written apart from the validator.
 */
@ExtendWith(OutputCaptureExtension.class)
class TwilioWebhookValidatorTest {

    private static final String ACME = "AC00000000000000000000000000000a01";

    private static final String ACME_TOKEN = "acme-primary-token";

    private static final String ACME_NEXT_TOKEN = "acme-secondary-token";

    private final List<Observation.Context> observed = new CopyOnWriteArrayList<>();

    private final ObservationRegistry observations = ObservationRegistry.create();

    {
        this.observations.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }

            @Override
            public void onStop(Observation.Context context) {
                TwilioWebhookValidatorTest.this.observed.add(context);
            }
        });
    }

    private final TwilioWebhookValidator validator = new TwilioWebhookValidator(InMemoryAuthTokenResolver.builder()
        .defaultAuthTokens(AUTH_TOKEN, null)
        .account(ACME, ACME_TOKEN, ACME_NEXT_TOKEN)
        .build(), this.observations);

    @Test
    void acceptsTwilioSignedFormPost() {
        assertThat(validate(TwilioWebhookRequest.form("POST", URL, SIGNATURE, PARAMETERS)))
            .isEqualTo(TwilioWebhookVerdict.ACCEPTED);
    }

    @Test
    void acceptsTwilioSignedJsonWithMatchingBodySha256() {
        TwilioWebhookRequest request = TwilioWebhookRequest.body("POST", URL + "&bodySHA256=" + JSON_SHA256,
                JSON_SIGNATURE, JSON.getBytes(StandardCharsets.UTF_8));
        assertThat(validate(request)).isEqualTo(TwilioWebhookVerdict.ACCEPTED);
    }

    @Test
    void acceptsAUrlWithTheDefaultPortSignedWithout() {
        assertThat(validate(TwilioWebhookRequest.form("POST", "https://mycompany.com:443/myapp.php?foo=1&bar=2",
                SIGNATURE, PARAMETERS))).isEqualTo(TwilioWebhookVerdict.ACCEPTED);
    }

    @Test
    void acceptsAUrlWithoutPortSignedWithTheDefaultPort() {
        assertThat(validate(TwilioWebhookRequest.form("POST", URL, "kvajT1Ptam85bY51eRf/AJRuM3w=", PARAMETERS)))
            .isEqualTo(TwilioWebhookVerdict.ACCEPTED);
    }

    @Test
    void rejectsAnExplicitNonDefaultPortSignedWithout() {
        assertThat(validate(TwilioWebhookRequest.form("POST", "https://mycompany.com:8443/myapp.php?foo=1&bar=2",
                SIGNATURE, PARAMETERS))).isEqualTo(TwilioWebhookVerdict.INVALID_SIGNATURE);
    }

    @Test
    void signsRepeatedParametersInTheOrderReceived() {
        Map<String, List<String>> form = Map.of("MediaUrl", List.of("https://b.example/2.png", "https://a.example/1.png"),
                "Body", List.of("two pictures"));
        String signature = TwilioWebhookSigner.signature(AUTH_TOKEN, URL, form);
        assertThat(validate(TwilioWebhookRequest.form("POST", URL, signature, form)))
            .isEqualTo(TwilioWebhookVerdict.ACCEPTED);
        Map<String, List<String>> reordered = Map.of("MediaUrl",
                List.of("https://a.example/1.png", "https://b.example/2.png", "https://c.example/3.png"), "Body",
                List.of("two pictures"));
        assertThat(validate(TwilioWebhookRequest.form("POST", URL, signature, reordered)))
            .isEqualTo(TwilioWebhookVerdict.INVALID_SIGNATURE);
    }

    @Test
    void acceptsRepeatedParametersSignedSortedAsTwilioNodeDoes() {
        Map<String, List<String>> received = Map.of("Tag", List.of("b", "a", "b"));
        String signature = TwilioWebhookSigner.signature(AUTH_TOKEN, URL, Map.of("Tag", List.of("a", "b")));
        assertThat(validate(TwilioWebhookRequest.form("POST", URL, signature, received)))
            .isEqualTo(TwilioWebhookVerdict.ACCEPTED);
    }

    @Test
    void acceptsUnicodeParametersAndUrl() {
        String url = "https://example.com/sms/caf%C3%A9?lang=fran%C3%A7ais";
        Map<String, List<String>> form = Map.of("Body", List.of("Grüße aus Zürich 👋 日本"), "From", List.of("+4915123456789"));
        String signature = TwilioWebhookSigner.signature(AUTH_TOKEN, url, form);
        assertThat(validate(TwilioWebhookRequest.form("POST", url, signature, form)))
            .isEqualTo(TwilioWebhookVerdict.ACCEPTED);
    }

    @Test
    void acceptsGetWithItsParametersInTheSignedQuery() {
        String url = "https://example.com/voice?CallSid=CA123&From=%2B14158675309";
        String signature = TwilioWebhookSigner.signature(AUTH_TOKEN, url, Map.of());
        assertThat(validate(TwilioWebhookRequest.withoutBody("GET", url, signature)))
            .isEqualTo(TwilioWebhookVerdict.ACCEPTED);
        assertThat(validate(TwilioWebhookRequest.withoutBody("GET", url.replace("CA123", "CA999"), signature)))
            .isEqualTo(TwilioWebhookVerdict.INVALID_SIGNATURE);
    }

    @Test
    void checksATenantsRequestWithTheTenantsToken() {
        Map<String, List<String>> form = Map.of("AccountSid", List.of(ACME), "MessageStatus", List.of("sent"));
        assertThat(validate(TwilioWebhookRequest.form("POST", URL, TwilioWebhookSigner.signature(ACME_TOKEN, URL, form),
                form))).isEqualTo(TwilioWebhookVerdict.ACCEPTED);
        assertThat(validate(TwilioWebhookRequest.form("POST", URL, TwilioWebhookSigner.signature(AUTH_TOKEN, URL, form),
                form))).isEqualTo(TwilioWebhookVerdict.INVALID_SIGNATURE);
    }

    @Test
    void findsTheTenantByAccountSidInTheQueryOfAGet() {
        String url = "https://example.com/voice?AccountSid=" + ACME;
        assertThat(validate(TwilioWebhookRequest.withoutBody("GET", url,
                TwilioWebhookSigner.signature(ACME_TOKEN, url, Map.of())))).isEqualTo(TwilioWebhookVerdict.ACCEPTED);
    }

    @Test
    void namesTheAccountOfARequestAndTheTenantOfThatAccount() {
        TwilioWebhookValidator tenants = new TwilioWebhookValidator(InMemoryAuthTokenResolver.builder()
            .defaultAuthTokens(AUTH_TOKEN, null)
            .tenant("acme", ACME, ACME_TOKEN, null)
            .build(), this.observations);
        String other = "AC00000000000000000000000000000b02";

        assertThat(tenants.account(TwilioWebhookRequest.form("POST", URL, null, Map.of("AccountSid", List.of(ACME)))))
            .isEqualTo(new TwilioWebhookAccount(ACME, "acme"));
        String get = "https://example.com/voice?AccountSid=" + ACME;
        assertThat(tenants.account(TwilioWebhookRequest.withoutBody("GET", get, null)))
            .isEqualTo(new TwilioWebhookAccount(ACME, "acme"));
        assertThat(tenants.account(TwilioWebhookRequest.form("POST", URL, null, Map.of("AccountSid", List.of(other)))))
            .isEqualTo(new TwilioWebhookAccount(other, null));
        assertThat(tenants.account(TwilioWebhookRequest.body("POST", URL, null, JSON.getBytes(StandardCharsets.UTF_8))))
            .isEqualTo(new TwilioWebhookAccount(null, null));
    }

    @Test
    void anAccountRegisteredWithoutTenantNamesNone() {
        assertThat(this.validator.account(TwilioWebhookRequest.form("POST", URL, null,
                Map.of("AccountSid", List.of(ACME))))).isEqualTo(new TwilioWebhookAccount(ACME, null));
    }

    @Test
    void acceptsTheSecondaryTokenDuringRotation() {
        Map<String, List<String>> form = Map.of("AccountSid", List.of(ACME));
        assertThat(validate(TwilioWebhookRequest.form("POST", URL,
                TwilioWebhookSigner.signature(ACME_NEXT_TOKEN, URL, form), form))).isEqualTo(TwilioWebhookVerdict.ACCEPTED);
        assertThat(validate(TwilioWebhookRequest.form("POST", URL,
                TwilioWebhookSigner.signature("retired-token", URL, form), form)))
            .isEqualTo(TwilioWebhookVerdict.INVALID_SIGNATURE);
    }

    @Test
    void rejectsAnAccountWithoutToken() {
        TwilioWebhookValidator tenantsOnly = new TwilioWebhookValidator(
                InMemoryAuthTokenResolver.builder().account(ACME, ACME_TOKEN, null).build(), this.observations);
        Map<String, List<String>> form = Map.of("AccountSid", List.of("AC00000000000000000000000000000b02"));
        assertThat(tenantsOnly.validate(TwilioWebhookRequest.form("POST", URL, SIGNATURE, form)))
            .isEqualTo(TwilioWebhookVerdict.UNKNOWN_ACCOUNT);
    }

    @Test
    void rejectsAForgedSignature() {
        assertThat(validate(TwilioWebhookRequest.form("POST", URL, "NOTRSOYDt4T1cUTdK1PDd93/VVr8B8=", PARAMETERS)))
            .isEqualTo(TwilioWebhookVerdict.INVALID_SIGNATURE);
    }

    @Test
    void rejectsAMissingOrBlankSignature() {
        assertThat(validate(TwilioWebhookRequest.form("POST", URL, null, PARAMETERS)))
            .isEqualTo(TwilioWebhookVerdict.MISSING_SIGNATURE);
        assertThat(validate(TwilioWebhookRequest.form("POST", URL, " ", PARAMETERS)))
            .isEqualTo(TwilioWebhookVerdict.MISSING_SIGNATURE);
    }

    @Test
    void rejectsATamperedParameter() {
        Map<String, List<String>> tampered = new LinkedHashMap<>(PARAMETERS);
        tampered.put("Digits", List.of("9999"));
        assertThat(validate(TwilioWebhookRequest.form("POST", URL, SIGNATURE, tampered)))
            .isEqualTo(TwilioWebhookVerdict.INVALID_SIGNATURE);
    }

    @Test
    void rejectsAnAddedParameter() {
        Map<String, List<String>> added = new LinkedHashMap<>(PARAMETERS);
        added.put("Extra", List.of(""));
        assertThat(validate(TwilioWebhookRequest.form("POST", URL, SIGNATURE, added)))
            .isEqualTo(TwilioWebhookVerdict.INVALID_SIGNATURE);
    }

    @Test
    void rejectsATamperedJsonBody() {
        TwilioWebhookRequest request = TwilioWebhookRequest.body("POST", URL + "&bodySHA256=" + JSON_SHA256,
                JSON_SIGNATURE, JSON.replace("value", "other").getBytes(StandardCharsets.UTF_8));
        assertThat(validate(request)).isEqualTo(TwilioWebhookVerdict.BODY_MISMATCH);
    }

    @Test
    void rejectsABodyThatTheSignedUrlDoesNotDeclare() {
        TwilioWebhookRequest request = TwilioWebhookRequest.body("POST", URL, TwilioWebhookSigner.signature(AUTH_TOKEN, URL,
                Map.of()), JSON.getBytes(StandardCharsets.UTF_8));
        assertThat(validate(request)).isEqualTo(TwilioWebhookVerdict.BODY_MISMATCH);
    }

    @Test
    void rejectsASignatureReplayedOnAnotherUrl() {
        assertThat(validate(TwilioWebhookRequest.form("POST", "https://mycompany.com/other.php?foo=1&bar=2", SIGNATURE,
                PARAMETERS))).isEqualTo(TwilioWebhookVerdict.INVALID_SIGNATURE);
        assertThat(validate(TwilioWebhookRequest.form("POST", "http://mycompany.com/myapp.php?foo=1&bar=2", SIGNATURE,
                PARAMETERS))).isEqualTo(TwilioWebhookVerdict.INVALID_SIGNATURE);
    }

    @Test
    void rejectsABodyTooLargeToCheck() {
        assertThat(validate(TwilioWebhookRequest.bodyTooLarge("POST", URL))).isEqualTo(TwilioWebhookVerdict.BODY_TOO_LARGE);
    }

    @Test
    void observesOutcomeAndReasonWithoutSecrets() {
        validate(TwilioWebhookRequest.form("POST", URL, SIGNATURE, PARAMETERS));
        validate(TwilioWebhookRequest.form("POST", URL, "forged", PARAMETERS));

        assertThat(this.observed).extracting(Observation.Context::getName)
            .containsExactly(TwilioWebhookValidator.OBSERVATION_NAME, TwilioWebhookValidator.OBSERVATION_NAME);
        assertThat(this.observed.get(0).getAllKeyValues()).containsExactlyInAnyOrder(KeyValue.of("outcome", "accepted"),
                KeyValue.of("reason", "none"));
        assertThat(this.observed.get(1).getAllKeyValues()).containsExactlyInAnyOrder(KeyValue.of("outcome", "rejected"),
                KeyValue.of("reason", "invalid_signature"));
    }

    @Test
    void logsARejectionAtDebugWithoutSignatureTokenOrParameters(CapturedOutput output) {
        Logger logger = (Logger) LoggerFactory.getLogger("io.github.twilioauth");
        Level previous = logger.getLevel();
        logger.setLevel(Level.TRACE);
        try {
            validate(TwilioWebhookRequest.form("POST", URL, "forged-signature-value", PARAMETERS));
            validate(TwilioWebhookRequest.form("POST", URL, SIGNATURE, Map.of("AccountSid", List.of(ACME))));
        }
        finally {
            logger.setLevel(previous);
        }
        assertThat(output).contains("Rejected Twilio webhook POST https://mycompany.com/myapp.php: invalid_signature")
            .doesNotContain("forged-signature-value", SIGNATURE, ACME_TOKEN, ACME_NEXT_TOKEN, "CA1234567890ABCDE",
                    "foo=1");
    }

    @Test
    void describesNoSecretInToString() {
        TwilioWebhookRequest request = TwilioWebhookRequest.form("POST", URL, SIGNATURE, PARAMETERS);
        InMemoryAuthTokenResolver resolver = InMemoryAuthTokenResolver.builder()
            .defaultAuthTokens(AUTH_TOKEN, "other-token")
            .account(ACME, ACME_TOKEN, ACME_NEXT_TOKEN)
            .build();
        assertThat(request + " " + resolver + " " + this.validator).doesNotContain(SIGNATURE, ACME_TOKEN,
                ACME_NEXT_TOKEN, "other-token", "CA1234567890ABCDE").contains("POST https://mycompany.com/myapp.php");
    }

    private TwilioWebhookVerdict validate(TwilioWebhookRequest request) {
        return this.validator.validate(request);
    }
}
