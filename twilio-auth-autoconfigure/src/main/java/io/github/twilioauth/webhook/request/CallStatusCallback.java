package io.github.twilioauth.webhook.request;

import java.net.URI;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.BindParam;

/**
 * Twilio's request to a call's {@code StatusCallback}: when the call ends, and at each event it
 * subscribed to with {@code StatusCallbackEvent} ({@code initiated}, {@code ringing},
 * {@code answered}, {@code completed}).
 * <pre class="code">
 * &#64;TwilioWebhook
 * &#64;PostMapping("/call-status")
 * void status(&#64;ModelAttribute CallStatusCallback callback) { ... }
 * </pre>
 * Twilio reads nothing of the answer but its status. Parameters Twilio adds later are ignored.
 *
 * @param callSid the call's SID ({@code CallSid})
 * @param accountSid the account of the call ({@code AccountSid})
 * @param from the caller ({@code From})
 * @param to the callee ({@code To})
 * @param status the call's status ({@code CallStatus})
 * @param direction the call's direction ({@code Direction})
 * @param apiVersion the API version of the call ({@code ApiVersion}), or {@code null}
 * @param forwardedFrom the number that forwarded the call ({@code ForwardedFrom}), or {@code null}
 * @param callerName the caller's name ({@code CallerName}), or {@code null}
 * @param parentCallSid the SID of the call that created this one ({@code ParentCallSid}), or
 * {@code null}
 * @param duration how long the call lasted, in seconds, once it has ended ({@code CallDuration}),
 * else {@code null}
 * @param timestamp when the event happened, from Twilio's RFC 2822 date
 * ({@code Timestamp}, such as {@code Tue, 30 Jul 2024 15:01:02 +0000}), or {@code null}
 * @param callbackSource what sent the callback, {@code call-progress-events}
 * ({@code CallbackSource}), or {@code null}
 * @param sequenceNumber the order of this callback among the call's callbacks, from {@code 0}
 * ({@code SequenceNumber}), or {@code null}
 * @param recordingSid the SID of the call's recording, when it was recorded ({@code RecordingSid}),
 * else {@code null}
 * @param recordingUrl where the recording's audio is ({@code RecordingUrl}), or {@code null}
 * @param recordingDuration how long the recording is, in seconds ({@code RecordingDuration}), or
 * {@code null}
 */
public record CallStatusCallback(@BindParam("CallSid") String callSid, @BindParam("AccountSid") String accountSid,
        @BindParam("From") String from, @BindParam("To") String to, @BindParam("CallStatus") CallStatus status,
        @BindParam("Direction") CallDirection direction, @BindParam("ApiVersion") @Nullable String apiVersion,
        @BindParam("ForwardedFrom") @Nullable String forwardedFrom,
        @BindParam("CallerName") @Nullable String callerName,
        @BindParam("ParentCallSid") @Nullable String parentCallSid,
        @BindParam("CallDuration") @Nullable Integer duration, @BindParam("Timestamp") @Nullable Instant timestamp,
        @BindParam("CallbackSource") @Nullable String callbackSource,
        @BindParam("SequenceNumber") @Nullable Integer sequenceNumber,
        @BindParam("RecordingSid") @Nullable String recordingSid,
        @BindParam("RecordingUrl") @Nullable URI recordingUrl,
        @BindParam("RecordingDuration") @Nullable Integer recordingDuration) {
}
