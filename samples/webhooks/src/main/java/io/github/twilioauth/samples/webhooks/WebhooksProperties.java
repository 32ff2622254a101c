package io.github.twilioauth.samples.webhooks;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the sample sends, and where Twilio reaches it.
 *
 * @param to the recipient of the message it sends
 * @param from the sender: a phone number of the account
 * @param publicUrl the URL Twilio posts status callbacks to, or empty for this server on loopback
 * @param demo whether to show the send-and-callback loop at startup
 */
@ConfigurationProperties("sample")
public record WebhooksProperties(String to, String from, String publicUrl, boolean demo) {
}
