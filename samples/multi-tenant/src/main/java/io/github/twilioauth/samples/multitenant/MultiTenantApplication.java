package io.github.twilioauth.samples.multitenant;

import io.github.twilioauth.test.MockTwilioInitializer;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Profiles;

/**
 * Serves several Twilio accounts: each entry of {@code twilio.tenants} is one client of the
 * auto-configured {@code TwilioClients}, with its own credentials and token cache, all sharing one
 * HTTP infrastructure.
 * <p>
 * Runs against a local Twilio stand-in unless the {@code twilio} profile is active: the stand-in
 * learns every tenant's credentials from {@code application.yml}, with no code of this sample.
 */
@SpringBootApplication
public class MultiTenantApplication {

    public static void main(String[] args) {
        run(args).close();
    }

    static ConfigurableApplicationContext run(String... args) {
        SpringApplication application = new SpringApplication(MultiTenantApplication.class);
        application.addInitializers((context) -> {
            if (!context.getEnvironment().acceptsProfiles(Profiles.of("twilio"))) {
                new MockTwilioInitializer().initialize(context);
            }
        });
        return application.run(args);
    }
}
