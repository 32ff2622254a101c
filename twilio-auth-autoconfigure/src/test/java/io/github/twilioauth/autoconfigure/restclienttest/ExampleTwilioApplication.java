package io.github.twilioauth.autoconfigure.restclienttest;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application of {@link NotifierRestClientTest}; its slice scans {@link Notifier} only.
 */
@SpringBootApplication
class ExampleTwilioApplication {

}
