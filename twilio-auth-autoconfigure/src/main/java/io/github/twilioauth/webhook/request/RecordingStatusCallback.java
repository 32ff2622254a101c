package io.github.twilioauth.webhook.request;

import java.net.URI;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.BindParam;

/**
 * Twilio's request to a {@code RecordingStatusCallback} when a recording of a call or conference
 * changes status: by default once it is {@code completed} and its file can be fetched.
 * <pre class="code">
 * &#64;TwilioWebhook
 * &#64;PostMapping("/recording-status")
 * void recording(&#64;ModelAttribute RecordingStatusCallback callback) { ... }
 * </pre>
 * Twilio reads nothing of the answer but its status. Parameters Twilio adds later are ignored.
 *
 * @param accountSid the account of the recording ({@code AccountSid})
 * @param callSid the SID of the recorded call ({@code CallSid}), or {@code null} for a conference
 * @param recordingSid the recording's SID ({@code RecordingSid}, {@code RE...})
 * @param recordingUrl where the recording's audio is ({@code RecordingUrl}), or {@code null}
 * @param status the recording's status ({@code RecordingStatus})
 * @param duration how long the recording is, in seconds ({@code RecordingDuration}), or
 * {@code null}
 * @param channels {@code 1} or {@code 2} ({@code RecordingChannels}), or {@code null}
 * @param startTime when recording started, from Twilio's RFC 2822 date
 * ({@code RecordingStartTime}, such as {@code Tue, 30 Jul 2024 15:01:02 +0000}), or {@code null}
 * @param source what started it: {@code DialVerb}, {@code Conference}, {@code OutboundAPI},
 * {@code Trunking}, {@code RecordVerb}, {@code StartCallRecordingAPI} or
 * {@code StartConferenceRecordingAPI} ({@code RecordingSource}), or {@code null}
 * @param track the audio recorded: {@code inbound}, {@code outbound} or {@code both}
 * ({@code RecordingTrack}), or {@code null}
 * @param errorCode why there is no file, such as {@code 16101} for a recording too short, on an
 * {@code absent} or {@code failed} recording ({@code ErrorCode}); {@code 0} or {@code null}
 * otherwise
 * @param conferenceSid the SID of the recorded conference ({@code ConferenceSid}), or {@code null}
 */
public record RecordingStatusCallback(@BindParam("AccountSid") String accountSid,
        @BindParam("CallSid") @Nullable String callSid, @BindParam("RecordingSid") String recordingSid,
        @BindParam("RecordingUrl") @Nullable URI recordingUrl, @BindParam("RecordingStatus") RecordingStatus status,
        @BindParam("RecordingDuration") @Nullable Integer duration,
        @BindParam("RecordingChannels") @Nullable Integer channels,
        @BindParam("RecordingStartTime") @Nullable Instant startTime,
        @BindParam("RecordingSource") @Nullable String source, @BindParam("RecordingTrack") @Nullable String track,
        @BindParam("ErrorCode") @Nullable Integer errorCode,
        @BindParam("ConferenceSid") @Nullable String conferenceSid) {
}
