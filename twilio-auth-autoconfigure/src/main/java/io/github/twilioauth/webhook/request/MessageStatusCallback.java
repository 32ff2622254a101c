package io.github.twilioauth.webhook.request;

import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.BindParam;

/**
 * Twilio's request to a message's {@code StatusCallback} each time its status changes:
 * {@code queued}, {@code sent}, {@code delivered}, or a failure with its error code.
 * <pre class="code">
 * &#64;TwilioWebhook
 * &#64;PostMapping("/status")
 * void status(&#64;ModelAttribute MessageStatusCallback callback) { ... }
 * </pre>
 * Twilio reads nothing of the answer but its status. Parameters of some channels and events
 * ({@code ChannelToAddress}, {@code EventType}, ...) are ignored, as are parameters Twilio adds
 * later.
 *
 * @param messageSid the message's SID ({@code MessageSid})
 * @param accountSid the account that sent it ({@code AccountSid})
 * @param messagingServiceSid the messaging service it was sent through ({@code MessagingServiceSid}),
 * or {@code null}
 * @param from the sender ({@code From}), or {@code null} while a messaging service has not chosen
 * one
 * @param to the recipient ({@code To})
 * @param status the new status ({@code MessageStatus})
 * @param errorCode Twilio's error code of a {@code failed} or {@code undelivered} message, such
 * as {@code 30003} ({@code ErrorCode}), else {@code null}
 * @param apiVersion the API version the message was sent with ({@code ApiVersion}), or {@code null}
 * @param rawDlrDoneDate the carrier's delivery time, {@code YYMMDDhhmm} as the carrier reported it,
 * on {@code delivered} and {@code undelivered} SMS and MMS ({@code RawDlrDoneDate}), else
 * {@code null}
 */
public record MessageStatusCallback(@BindParam("MessageSid") String messageSid,
        @BindParam("AccountSid") String accountSid,
        @BindParam("MessagingServiceSid") @Nullable String messagingServiceSid,
        @BindParam("From") @Nullable String from, @BindParam("To") String to,
        @BindParam("MessageStatus") MessageStatus status, @BindParam("ErrorCode") @Nullable Integer errorCode,
        @BindParam("ApiVersion") @Nullable String apiVersion,
        @BindParam("RawDlrDoneDate") @Nullable String rawDlrDoneDate) {
}
