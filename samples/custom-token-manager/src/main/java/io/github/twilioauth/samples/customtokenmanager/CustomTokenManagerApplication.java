package io.github.twilioauth.samples.customtokenmanager;

import io.github.twilioauth.autoconfigure.TwilioProperties;
import io.github.twilioauth.test.MockTwilioInitializer;
import io.github.twilioauth.token.TokenManager;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Profiles;
import org.springframework.web.client.RestClient;

/**
 * Replaces the built-in token handling with a {@link TokenManager} bean of the application's
 * own: the auto-configured client-credentials provider uses it for every request.
 * <p>
 * Runs against a local Twilio stand-in unless the {@code twilio} profile is active.
 */
@SpringBootApplication
public class CustomTokenManagerApplication {

    public static void main(String[] args) {
        run(args).close();
    }

    static ConfigurableApplicationContext run(String... args) {
        SpringApplication application = new SpringApplication(CustomTokenManagerApplication.class);
        application.addInitializers((context) -> {
            if (!context.getEnvironment().acceptsProfiles(Profiles.of("twilio"))) {
                new MockTwilioInitializer().initialize(context);
            }
        });
        return application.run(args);
    }

    @Bean
    SimpleTokenManager tokenManager(TwilioProperties twilio) {
        return new SimpleTokenManager(RestClient.create(), twilio.getAuth().getTokenUrl(),
                twilio.getAuth().getClientId(), twilio.getAuth().getClientSecret());
    }
}
