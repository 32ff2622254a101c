package io.github.twilioauth.client;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TwilioEndpointsTest {

    private static final String BASE_URL = "http://127.0.0.1:8080";

    @Test
    void noRegionAndNoEdgeMeanTheGlobalHosts() {
        assertThat(TwilioEndpoints.global().origin("api")).isEqualTo("https://api.twilio.com");
        assertThat(new TwilioEndpoints(null, " ", "").origin("preview-iam")).isEqualTo("https://preview-iam.twilio.com");
    }

    @Test
    void edgeAloneMeansRegionUs1() {
        assertThat(new TwilioEndpoints(null, null, "ashburn").origin("api"))
            .isEqualTo("https://api.ashburn.us1.twilio.com");
    }

    @Test
    void ie1AloneMeansEdgeDublin() {
        assertThat(new TwilioEndpoints(null, "ie1", null).origin("api")).isEqualTo("https://api.dublin.ie1.twilio.com");
    }

    @Test
    void au1AloneMeansEdgeSydney() {
        assertThat(new TwilioEndpoints(null, "au1", null).origin("api")).isEqualTo("https://api.sydney.au1.twilio.com");
    }

    @Test
    void us1AloneMeansTheGlobalHosts() {
        assertThat(new TwilioEndpoints(null, "us1", null).origin("api")).isEqualTo("https://api.twilio.com");
    }

    @ParameterizedTest
    @ValueSource(strings = { "us2", "de1", "jp1", "jp2", "sg1", "br1", "xx9" })
    void anyOtherRegionAloneIsRefusedNamingTheValidChoices(String region) {
        assertThatIllegalArgumentException().isThrownBy(() -> new TwilioEndpoints(null, region, null))
            .withMessage("Region '" + region + "' needs an edge: Twilio has served no host for a region given alone"
                    + " since 2026-04-28. Valid choices: no region (global hosts), us1 (global hosts), ie1 (edge"
                    + " dublin), au1 (edge sydney), or a region with its edge.");
    }

    @Test
    void anyOtherRegionAloneIsRefusedEvenBehindABaseUrl() {
        assertThatIllegalArgumentException().isThrownBy(() -> new TwilioEndpoints(BASE_URL, "de1", null));
    }

    @Test
    void regionAndEdgeTogetherAreUsedAsGiven() {
        assertThat(new TwilioEndpoints(null, "ie1", "dublin").origin("api")).isEqualTo("https://api.dublin.ie1.twilio.com");
        assertThat(new TwilioEndpoints(null, "us1", "ashburn").origin("api"))
            .isEqualTo("https://api.ashburn.us1.twilio.com");
        assertThat(new TwilioEndpoints(null, "de1", "frankfurt").origin("api"))
            .isEqualTo("https://api.frankfurt.de1.twilio.com");
    }

    @Test
    void regionAndEdgeAreCaseInsensitive() {
        assertThat(new TwilioEndpoints(null, " IE1 ", "Dublin").origin("api"))
            .isEqualTo("https://api.dublin.ie1.twilio.com");
    }

    @Test
    void pathsGoToTheApiHostAndStandForNothing() {
        TwilioEndpoints.Route route = TwilioEndpoints.global().route("/2010-04-01/Accounts.json");
        assertThat(route.uri()).hasToString("https://api.twilio.com/2010-04-01/Accounts.json");
        assertThat(route.standsFor()).isNull();
    }

    @Test
    void pathsGoToTheRegionalApiHost() {
        assertThat(new TwilioEndpoints(null, "ie1", "dublin").route("/2010-04-01/Accounts.json").uri())
            .hasToString("https://api.dublin.ie1.twilio.com/2010-04-01/Accounts.json");
    }

    @Test
    void absoluteTwilioUrisAreRegionalizedForTheirProduct() {
        assertThat(new TwilioEndpoints(null, "ie1", "dublin")
            .route("https://preview-iam.twilio.com/Organizations/OR1/Accounts?PageSize=5")
            .uri()).hasToString("https://preview-iam.dublin.ie1.twilio.com/Organizations/OR1/Accounts?PageSize=5");
    }

    @Test
    void alreadyRegionalUrisAreKept() {
        String uri = "https://api.sydney.au1.twilio.com/2010-04-01/Accounts.json";
        assertThat(new TwilioEndpoints(null, "ie1", "dublin").route(uri).uri()).hasToString(uri);
    }

    @Test
    void baseUrlReplacesSchemeAndHostOfEveryProductAndNamesTheHostItStandsFor() {
        TwilioEndpoints endpoints = new TwilioEndpoints(BASE_URL + "/", "ie1", "dublin");
        TwilioEndpoints.Route api = endpoints.route("/2010-04-01/Accounts.json");
        assertThat(api.uri()).hasToString(BASE_URL + "/2010-04-01/Accounts.json");
        assertThat(api.standsFor()).isEqualTo("api.twilio.com");
        TwilioEndpoints.Route organizations = endpoints
            .route("https://preview-iam.twilio.com/Organizations/OR1/Accounts");
        assertThat(organizations.uri()).hasToString(BASE_URL + "/Organizations/OR1/Accounts");
        assertThat(organizations.standsFor()).isEqualTo("preview-iam.twilio.com");
    }

    @Test
    void absoluteUrisOnTheBaseUrlAreCalledAsGiven() {
        String next = BASE_URL + "/2010-04-01/Accounts/AC1/Messages.json?PageSize=2&Page=1&PageToken=PA%3Dx";
        TwilioEndpoints.Route route = new TwilioEndpoints(BASE_URL, null, null).route(next);
        assertThat(route.uri()).hasToString(next);
        assertThat(route.standsFor()).isNull();
    }

    @Test
    void otherPortsOrSchemesOfTheBaseUrlHostAreRejected() {
        TwilioEndpoints endpoints = new TwilioEndpoints(BASE_URL, null, null);
        assertThatIllegalArgumentException().isThrownBy(() -> endpoints.route("http://127.0.0.1:8081/x"))
            .withMessageContaining("http://127.0.0.1");
        assertThatIllegalArgumentException().isThrownBy(() -> endpoints.route("https://127.0.0.1:8080/x"));
    }

    @Test
    void encodedQueriesAreKeptAsTheyAre() {
        assertThat(TwilioEndpoints.global()
            .route("/2010-04-01/Accounts/AC1/Messages.json?PageToken=PA%3Dx&Page=1")
            .uri()).hasToString("https://api.twilio.com/2010-04-01/Accounts/AC1/Messages.json?PageToken=PA%3Dx&Page=1");
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages.json",
            "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages.json?PageToken=PA%3Dx&Page=1",
            "https://preview-iam.twilio.com/Organizations/OR1/Accounts", "https://API.twilio.com/x",
            "https://api.twilio.com:443/x", "https://api.sydney.au1.twilio.com/x", "https://api.twilio.com/x#frag",
            "https://api.twilio.com/x/%2B15005550006" })
    void globalTwilioUrisAreRoutedAsTheirParsedForm(String uri) {
        // The routes of URIs on a global host, taken without parsing them twice, are those of
        // the same URI read through java.net.URI: for each endpoint configuration.
        for (TwilioEndpoints endpoints : new TwilioEndpoints[] { TwilioEndpoints.global(),
                new TwilioEndpoints(null, "ie1", "dublin"), new TwilioEndpoints(BASE_URL, null, null) }) {
            java.net.URI parsed = java.net.URI.create(uri);
            String product = parsed.getHost().toLowerCase(java.util.Locale.ROOT).split("\\.")[0];
            String pathAndQuery = parsed.getRawPath() + ((parsed.getRawQuery() != null) ? "?" + parsed.getRawQuery()
                    : "");
            boolean global = parsed.getHost().equalsIgnoreCase(product + ".twilio.com");
            TwilioEndpoints.Route route = endpoints.route(uri);
            if (global || endpoints.origin(product).startsWith("http://")) {
                assertThat(route.uri()).hasToString(endpoints.origin(product) + pathAndQuery);
            }
            else {
                assertThat(route.uri()).isEqualTo(parsed);
            }
        }
    }

    @Test
    void aBaseUrlOnATwilioHostIsCalledAsGiven() {
        TwilioEndpoints endpoints = new TwilioEndpoints("https://api.twilio.com", null, null);
        TwilioEndpoints.Route route = endpoints.route("https://api.twilio.com/2010-04-01/Accounts.json");
        assertThat(route.uri()).hasToString("https://api.twilio.com/2010-04-01/Accounts.json");
        assertThat(route.standsFor()).isNull();
    }

    @Test
    void otherHostsAreRejectedSoCredentialsStayWithTwilio() {
        assertThatIllegalArgumentException().isThrownBy(() -> TwilioEndpoints.global().route("https://example.com/x"))
            .withMessageContaining("example.com");
    }

    @Test
    void plainHttpToTwilioIsRejected() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> TwilioEndpoints.global().route("http://api.twilio.com/2010-04-01/Accounts.json"));
    }

    @Test
    void lookalikeHostsAreRejected() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> TwilioEndpoints.global().route("https://api.twilio.com.evil.example/x"));
    }
}
