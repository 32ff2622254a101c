package io.github.twilioauth.http;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class AllowedHostsTest {

    private static boolean allows(AllowedHosts hosts, String uri) {
        return hosts.allows(URI.create(uri));
    }

    @Test
    void allowsTwilioAndItsSubdomainsOverHttps() {
        AllowedHosts twilio = AllowedHosts.twilio();
        assertThat(allows(twilio, "https://twilio.com/x")).isTrue();
        assertThat(allows(twilio, "https://api.twilio.com/2010-04-01")).isTrue();
        assertThat(allows(twilio, "https://API.Dublin.IE1.Twilio.com/x")).isTrue();
    }

    @Test
    void refusesLookalikeHosts() {
        AllowedHosts twilio = AllowedHosts.twilio();
        assertThat(allows(twilio, "https://eviltwilio.com/x")).isFalse();
        assertThat(allows(twilio, "https://api.twilio.com.evil.example/x")).isFalse();
        assertThat(allows(twilio, "https://example.com/api.twilio.com")).isFalse();
    }

    @Test
    void refusesPlainHttpToTwilio() {
        assertThat(allows(AllowedHosts.twilio(), "http://api.twilio.com/x")).isFalse();
    }

    @Test
    void allowsAddedHostsExactlyOrByDomain() {
        AllowedHosts hosts = AllowedHosts.of(List.of("proxy.example.com", "*.corp.example"), false);
        assertThat(allows(hosts, "https://proxy.example.com/x")).isTrue();
        assertThat(allows(hosts, "https://other.example.com/x")).isFalse();
        assertThat(allows(hosts, "https://twilio.corp.example/x")).isTrue();
        assertThat(allows(hosts, "https://corp.example/x")).isTrue();
    }

    @Test
    void allowsPlainHttpToLoopbackHostsOnly() {
        AllowedHosts hosts = AllowedHosts.of(List.of("127.0.0.1", "localhost", "stand-in.internal"), false);
        assertThat(allows(hosts, "http://127.0.0.1:8080/x")).isTrue();
        assertThat(allows(hosts, "http://localhost:8080/x")).isTrue();
        assertThat(allows(hosts, "http://stand-in.internal/x")).isFalse();
        assertThat(allows(hosts, "https://stand-in.internal/x")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "localhost", "LOCALHOST", "127.0.0.1", "127.1.2.3", "127.255.255.255", "[::1]", "::1",
            "[0:0:0:0:0:0:0:1]" })
    void loopbackIsLocalhostOrALiteralLoopbackAddress(String host) {
        assertThat(AllowedHosts.isLoopback(host)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "127.0.0.1.nip.io", "127.attacker.example", "127.0.0.256", "127.0.0", "1270.0.0.1",
            "localhost.attacker.example", "[::2]", "::ffff:8.8.8.8", "128.0.0.1", "127.0.0.1:80" })
    void namesThatMerelyLookLikeLoopbackAreNot(String host) {
        assertThat(AllowedHosts.isLoopback(host)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = { "127.0.0.1.", "127..0.1", "127.0..1", "127.0.0.", "127.0.0.1000", "127.0.0.-1",
            "127.0.0.1 ", "127.", "127.0.0.0.1" })
    void addressesStartingWith127ThatAreNoDottedQuadAreNotLoopback(String host) {
        assertThat(AllowedHosts.isLoopback(host)).isFalse();
    }

    @Test
    void credentialsNeverGoOverPlainHttpToANameStartingWith127() {
        AllowedHosts hosts = AllowedHosts.of(List.of("127.0.0.1.nip.io", "127.attacker.example"), false);
        assertThat(allows(hosts, "http://127.0.0.1.nip.io/x")).isFalse();
        assertThat(allows(hosts, "http://127.attacker.example/x")).isFalse();
        assertThat(allows(hosts, "https://127.attacker.example/x")).isTrue();
    }

    @Test
    void insecureHttpMustBeAllowedExplicitly() {
        assertThat(allows(AllowedHosts.of(List.of("stand-in.internal"), true), "http://stand-in.internal/x")).isTrue();
    }

    @Test
    void refusesOtherSchemes() {
        assertThat(allows(AllowedHosts.twilio(), "ftp://api.twilio.com/x")).isFalse();
    }

    @Test
    void hostOfToleratesMissingAndMalformedUrls() {
        assertThat(AllowedHosts.hostOf(null)).isNull();
        assertThat(AllowedHosts.hostOf("not a url")).isNull();
        assertThat(AllowedHosts.hostOf("https://api.example.com:8443/x")).isEqualTo("api.example.com");
    }
}
