package io.github.twilioauth.samples.webhooks;

import io.github.twilioauth.test.MockTwilioInitializer;
import io.github.twilioauth.test.MockTwilioServer;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Profiles;

/**
 * Receives Twilio webhooks: replies to inbound SMS with TwiML and records the status callbacks
 * of the messages it sends, every request checked for Twilio's signature.
 * <p>
 * Runs against a local Twilio stand-in unless the {@code twilio} profile is active: then the
 * stand-in's signed callbacks, and a forged one, show the whole loop offline, and the
 * application exits. With the {@code twilio} profile it uses real Twilio and keeps running to
 * receive its webhooks.
 */
@SpringBootApplication
@EnableConfigurationProperties(WebhooksProperties.class)
public class WebhooksApplication {

    /** The profile that talks to real Twilio instead of the local stand-in. */
    static final String REAL_TWILIO_PROFILE = "twilio";

    public static void main(String[] args) {
        ConfigurableApplicationContext context = run(args);
        if (context.getBeanProvider(MockTwilioServer.class).getIfAvailable() != null) {
            context.close();
        }
    }

    static ConfigurableApplicationContext run(String... args) {
        SpringApplication application = new SpringApplication(WebhooksApplication.class);
        application.addInitializers((context) -> {
            if (!context.getEnvironment().acceptsProfiles(Profiles.of(REAL_TWILIO_PROFILE))) {
                new MockTwilioInitializer().initialize(context);
            }
        });
        return application.run(args);
    }
}
