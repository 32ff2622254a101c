package io.github.twilioauth.test.contract;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the request contract suite holds a request to the specs: each check can fail.
 */
class RequestChecksTest {

    private static final String MESSAGES = "/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages.json";

    private static final String ORGANIZATION_ACCOUNTS = "/Organizations/OR0123456789abcdef0123456789abcdef/Accounts";

    private static final String FORM = "application/x-www-form-urlencoded";

    private final TwilioSpecs specs = TwilioSpecs.load();

    @Test
    void aMessageWithItsRequiredFieldsIsOnTheSpec() {
        assertThat(createMessage(List.of("To", "From", "Body"), FORM)).isEmpty();
    }

    @Test
    void aMessageWithoutToMissesARequiredField() {
        assertThat(createMessage(List.of("From", "Body"), FORM))
            .containsExactly("required form parameter 'To' is missing");
    }

    @Test
    void aMessageCreatedWithoutABodyStillMissesTo() {
        assertThat(createMessage(List.of(), null)).containsExactly("required form parameter 'To' is missing");
    }

    @Test
    void anUndeclaredFormFieldOrMediaTypeIsReported() {
        assertThat(createMessage(List.of("To", "From", "Body", "Colour"), "application/json")).containsExactly(
                "a body of type application/json is not declared (declared: [" + FORM + "])",
                "form parameter 'Colour' is not declared");
    }

    @Test
    void anUndeclaredQueryParameterIsReported() {
        SpecOperation list = this.specs.operation("api.twilio.com", "GET", MESSAGES).orElseThrow();
        assertThat(list.requestViolations(List.of("PageSize", "Limit"), List.of(), null))
            .containsExactly("query parameter 'Limit' is not declared");
    }

    @Test
    void aPathOfAnotherProductsHostHasNoOperation() {
        assertThat(this.specs.operation("api.twilio.com", "GET", ORGANIZATION_ACCOUNTS)).isEmpty();
        assertThat(this.specs.operation("preview-iam.twilio.com", "GET", ORGANIZATION_ACCOUNTS)).isPresent();
    }

    @Test
    void aMethodThePathDoesNotDeclareHasNoOperation() {
        assertThat(this.specs.operation("api.twilio.com", "DELETE", MESSAGES)).isEmpty();
    }

    private List<String> createMessage(List<String> formNames, String contentType) {
        return this.specs.operation("api.twilio.com", "POST", MESSAGES)
            .orElseThrow()
            .requestViolations(List.of(), formNames, contentType);
    }
}
