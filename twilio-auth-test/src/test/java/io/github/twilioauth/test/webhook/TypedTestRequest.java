package io.github.twilioauth.test.webhook;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.BindParam;

/**
 * A typed webhook request as the starter's records are written, for the tests of the test
 * support, which cannot see those records: Twilio's names on {@code @BindParam}, typed
 * components, a value type of a status, a component named as Twilio names it.
 *
 * @param callSid {@code CallSid}
 * @param status {@code CallStatus}, a value type
 * @param duration {@code CallDuration}, absent when {@code null}
 * @param timestamp {@code Timestamp}, an RFC 2822 date
 * @param recordingUrl {@code RecordingUrl}
 * @param mediaUrls {@code MediaUrl}, repeated
 * @param Digits bound under its own name
 */
record TypedTestRequest(@BindParam("CallSid") String callSid, @BindParam("CallStatus") Status status,
        @BindParam("CallDuration") @Nullable Integer duration, @BindParam("Timestamp") Instant timestamp,
        @BindParam("RecordingUrl") URI recordingUrl, @BindParam("MediaUrl") List<String> mediaUrls, String Digits) {

    /** A call at {@code Tue, 30 Jul 2024 15:01:02 +0000}. */
    static final TypedTestRequest COMPLETED = new TypedTestRequest("CA5f9b4a4d6e4b0a3e2c1d0f9e8d7c6b5a",
            new Status("completed"), null, Instant.parse("2024-07-30T15:01:02Z"),
            URI.create("https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE1"),
            List.of("https://b.example/2", "https://a.example/1"), "1234");

    /**
     * A status as Twilio sends it, bound through its public constructor, as Spring requires.
     * @param value the status
     */
    public record Status(String value) {

        @Override
        public String toString() {
            return this.value;
        }
    }
}
