package io.github.twilioauth.samples.quickstart;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The message the quickstart sends.
 *
 * @param to the recipient
 * @param from the sender: a phone number of the account
 * @param body the text
 */
@ConfigurationProperties("quickstart")
public record QuickstartProperties(String to, String from, String body) {
}
