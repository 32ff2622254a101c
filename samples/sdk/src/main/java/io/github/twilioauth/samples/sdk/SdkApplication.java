package io.github.twilioauth.samples.sdk;

import io.github.twilioauth.test.MockTwilioInitializer;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Profiles;

/**
 * Sends and reads messages with twilio-java's own resources ({@code Message.creator(...)},
 * {@code Message.reader()}), running on the starter's {@code RestClient} with OAuth client
 * credentials.
 * <p>
 * Runs against a local Twilio stand-in unless the {@code twilio} profile is active; with that
 * profile it uses real Twilio and the credentials in {@code TWILIO_ACCOUNT_SID},
 * {@code TWILIO_CLIENT_ID} and {@code TWILIO_CLIENT_SECRET}.
 */
@SpringBootApplication
@EnableConfigurationProperties(SdkSampleProperties.class)
public class SdkApplication {

    /** The profile that talks to real Twilio instead of the local stand-in. */
    static final String REAL_TWILIO_PROFILE = "twilio";

    public static void main(String[] args) {
        run(args).close();
    }

    static ConfigurableApplicationContext run(String... args) {
        SpringApplication application = new SpringApplication(SdkApplication.class);
        application.addInitializers((context) -> {
            if (!context.getEnvironment().acceptsProfiles(Profiles.of(REAL_TWILIO_PROFILE))) {
                new MockTwilioInitializer().initialize(context);
            }
        });
        return application.run(args);
    }
}
