package io.github.twilioauth.test;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A message created through the Messages API of a {@link MockTwilioServer}.
 *
 * @param sid the message SID ({@code SM} followed by 32 hex digits)
 * @param accountSid the account the message was created for
 * @param to the {@code To} field
 * @param from the {@code From} field, or {@code null}
 * @param messagingServiceSid the {@code MessagingServiceSid} field, or {@code null}
 * @param body the {@code Body} field, or {@code null}
 * @param mediaUrls the {@code MediaUrl} fields, in the order they were sent; immutable
 * @param statusCallback the {@code StatusCallback} field, or {@code null}
 */
public record SentMessage(String sid, String accountSid, String to, @Nullable String from,
        @Nullable String messagingServiceSid, @Nullable String body, List<String> mediaUrls,
        @Nullable String statusCallback) {
}
