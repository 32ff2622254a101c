package io.github.twilioauth.observation;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.twilioauth.client.Message;
import io.github.twilioauth.client.TwilioClient;
import io.github.twilioauth.client.TwilioEndpoints;
import io.github.twilioauth.credential.BasicCredentialProviderBuilder;
import io.github.twilioauth.test.MockTwilioExtension;
import io.github.twilioauth.test.MockTwilioServer;
import org.springframework.web.client.RestClient;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Twilio calls observed with the path as a template, so that neither a metric nor a trace
 * carries a SID or a phone number.
 */
class TwilioClientRequestObservationConventionTest {

    private static final String ACCOUNT_SID = "AC" + "a".repeat(32);

    private static final String TO = "+15558675310";

    @RegisterExtension
    static final MockTwilioExtension twilio = new MockTwilioExtension();

    @Test
    void replacesSidsInThePath() {
        assertThat(TwilioClientRequestObservationConvention
            .template("/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages/SM" + "0".repeat(32) + ".json"))
            .isEqualTo("/2010-04-01/Accounts/{sid}/Messages/{sid}.json");
    }

    @Test
    void replacesPhoneNumbersAndOtherIdentifiersInThePath() {
        assertThat(TwilioClientRequestObservationConvention.template("/v2/PhoneNumbers/%2B15558675310"))
            .isEqualTo("/v2/PhoneNumbers/{id}");
        assertThat(TwilioClientRequestObservationConvention.template("/v2/Services/VA" + "1".repeat(32)
                + "/Entities/jane.doe@example.com/Factors"))
            .isEqualTo("/v2/Services/{sid}/Entities/{id}/Factors");
    }

    @Test
    void keepsApiVersionsAndResourceNames() {
        assertThat(TwilioClientRequestObservationConvention.template("/v2/token")).isEqualTo("/v2/token");
        assertThat(TwilioClientRequestObservationConvention.template("/v1beta/Organizations"))
            .isEqualTo("/v1beta/Organizations");
        assertThat(TwilioClientRequestObservationConvention.template("/2010-04-01/Accounts.json"))
            .isEqualTo("/2010-04-01/Accounts.json");
        assertThat(TwilioClientRequestObservationConvention.template("")).isEqualTo("/");
    }

    @Test
    void tagsTwilioCallsWithTheTemplateOfTheirPath() {
        TestObservationRegistry observations = TestObservationRegistry.create();
        Message sent = client(twilio.server(), observations).messages().create(TO, "+15005550006", "observed");
        assertThat(observations).hasObservationWithNameEqualTo("http.client.requests")
            .that()
            .hasLowCardinalityKeyValue("uri", "/2010-04-01/Accounts/{sid}/Messages.json")
            .hasLowCardinalityKeyValue("method", "POST")
            .hasLowCardinalityKeyValue("status", "201")
            .hasHighCardinalityKeyValue("http.url",
                    twilio.server().baseUrl() + "/2010-04-01/Accounts/{sid}/Messages.json");
        assertThat(sent.sid()).startsWith("SM");
    }

    @Test
    void noKeyValueCarriesASidAPhoneNumberOrAQueryParameter() {
        TestObservationRegistry observations = TestObservationRegistry.create();
        TwilioClient client = client(twilio.server(), observations);
        Message sent = client.messages().create(TO, "+15005550006", "observed");
        client.messages().fetch(sent.sid());
        client.messages().list(5).findFirst();
        assertThat(observations).hasNumberOfObservationsWithNameEqualTo("http.client.requests", 3)
            .hasHandledContextsThatSatisfy((contexts) -> assertThat(contexts)
                .flatMap((context) -> context.getAllKeyValues().stream().map(KeyValue::getValue).toList())
                .allSatisfy((value) -> assertThat(value).doesNotContain(ACCOUNT_SID, sent.sid(), "5558675310",
                        "PageSize")))
            .hasAnObservation((observation) -> observation
                .hasLowCardinalityKeyValue("uri", "/2010-04-01/Accounts/{sid}/Messages/{sid}.json"));
    }

    private static TwilioClient client(MockTwilioServer server, TestObservationRegistry observations) {
        server.account(ACCOUNT_SID, "observed-auth-token");
        RestClient.Builder builder = RestClient.builder()
            .observationRegistry(observations)
            .observationConvention(new TwilioClientRequestObservationConvention());
        return TwilioClient.create(builder,
                new BasicCredentialProviderBuilder().setUsername(ACCOUNT_SID).setPassword("observed-auth-token").build(),
                new TwilioEndpoints(server.baseUrl(), null, null), ACCOUNT_SID);
    }
}
