package io.github.twilioauth.client;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TwilioEndpointsTest {

    @Test
    void pathsGoToTheGlobalApiHost() {
        assertThat(TwilioEndpoints.global().resolve("/2010-04-01/Accounts.json"))
            .hasToString("https://api.twilio.com/2010-04-01/Accounts.json");
    }

    @Test
    void regionAndEdgeMakeTheRegionalHost() {
        assertThat(new TwilioEndpoints(null, "ie1", "dublin").resolve("/2010-04-01/Accounts.json"))
            .hasToString("https://api.dublin.ie1.twilio.com/2010-04-01/Accounts.json");
    }

    @Test
    void knownRegionAloneGetsItsDefaultEdge() {
        assertThat(new TwilioEndpoints(null, "au1", null).origin("api")).isEqualTo("https://api.sydney.au1.twilio.com");
        assertThat(new TwilioEndpoints(null, "ie1", null).origin("api")).isEqualTo("https://api.dublin.ie1.twilio.com");
    }

    @Test
    void unknownRegionAloneMakesTheRegionOnlyHost() {
        assertThat(new TwilioEndpoints(null, "xx9", null).origin("api")).isEqualTo("https://api.xx9.twilio.com");
    }

    @Test
    void edgeAloneMeansRegionUs1() {
        assertThat(new TwilioEndpoints(null, null, "ashburn").origin("api"))
            .isEqualTo("https://api.ashburn.us1.twilio.com");
    }

    @Test
    void absoluteTwilioUrisAreRegionalizedForTheirProduct() {
        assertThat(new TwilioEndpoints(null, "ie1", "dublin")
            .resolve("https://preview-iam.twilio.com/Organizations/OR1/Accounts?PageSize=5"))
            .hasToString("https://preview-iam.dublin.ie1.twilio.com/Organizations/OR1/Accounts?PageSize=5");
    }

    @Test
    void alreadyRegionalUrisAreKept() {
        String uri = "https://api.sydney.au1.twilio.com/2010-04-01/Accounts.json";
        assertThat(new TwilioEndpoints(null, "ie1", "dublin").resolve(uri)).hasToString(uri);
    }

    @Test
    void baseUrlReplacesSchemeAndHostOfEveryProduct() {
        TwilioEndpoints endpoints = new TwilioEndpoints("http://127.0.0.1:8080/", "ie1", "dublin");
        assertThat(endpoints.resolve("/2010-04-01/Accounts.json"))
            .hasToString("http://127.0.0.1:8080/2010-04-01/Accounts.json");
        assertThat(endpoints.resolve("https://preview-iam.twilio.com/Organizations/OR1/Accounts"))
            .hasToString("http://127.0.0.1:8080/Organizations/OR1/Accounts");
    }

    @Test
    void encodedQueriesAreKeptAsTheyAre() {
        assertThat(TwilioEndpoints.global().resolve("/2010-04-01/Accounts/AC1/Messages.json?PageToken=PA%3Dx&Page=1"))
            .hasToString("https://api.twilio.com/2010-04-01/Accounts/AC1/Messages.json?PageToken=PA%3Dx&Page=1");
    }

    @Test
    void otherHostsAreRejectedSoCredentialsStayWithTwilio() {
        assertThatIllegalArgumentException().isThrownBy(() -> TwilioEndpoints.global().resolve("https://example.com/x"))
            .withMessageContaining("example.com");
    }

    @Test
    void lookalikeHostsAreRejected() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> TwilioEndpoints.global().resolve("https://api.twilio.com.evil.example/x"));
    }
}
