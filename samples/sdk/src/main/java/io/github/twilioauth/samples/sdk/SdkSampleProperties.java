package io.github.twilioauth.samples.sdk;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The messages the sample sends.
 *
 * @param to the recipient
 * @param from the sender: a phone number of the account
 * @param count how many messages to send
 */
@ConfigurationProperties("sdk-sample")
public record SdkSampleProperties(String to, String from, int count) {
}
