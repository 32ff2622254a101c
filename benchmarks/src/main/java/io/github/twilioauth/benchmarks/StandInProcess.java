package io.github.twilioauth.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.github.twilioauth.test.MockTwilioServer;

/**
 * The Twilio stand-in in a process of its own, so that a benchmark's heap, threads and file
 * descriptors are the client's alone. Registers the OAuth apps of {@link TenantScale}, prints
 * its token URL, answers each line {@code count} on standard input with the number of token
 * requests so far, and stops when standard input closes.
 * <p>
 * Arguments: the number of tenants and the token latency in milliseconds.
 */
public final class StandInProcess {

    private StandInProcess() {
    }

    /**
     * Runs the stand-in until standard input closes.
     * @param args tenants and latency in milliseconds
     * @throws Exception if standard input cannot be read
     */
    public static void main(String[] args) throws Exception {
        int tenants = Integer.parseInt(args[0]);
        try (MockTwilioServer twilio = new MockTwilioServer().start()) {
            twilio.tokenLatency(Duration.ofMillis(Long.parseLong(args[1])));
            for (int tenant = 0; tenant < tenants; tenant++) {
                twilio.oauthApp(TenantScale.clientId(tenant), TenantScale.clientSecret(tenant),
                        LocalTwilio.ACCOUNT_SID);
            }
            System.out.println(twilio.tokenUrl());
            BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String command = commands.readLine(); command != null; command = commands.readLine()) {
                System.out.println(twilio.tokenRequestCount());
            }
        }
    }
}
