package io.github.twilioauth.samples.multitenant;

import io.github.twilioauth.test.MockTwilioInitializer;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Profiles;

/**
 * Serves several Twilio accounts: one {@code TwilioClient} per tenant, each made from the
 * auto-configured client with {@code withCredentialProvider}, so all tenants share one HTTP
 * infrastructure while each keeps its own credentials and token cache.
 * <p>
 * Runs against a local Twilio stand-in unless the {@code twilio} profile is active.
 */
@SpringBootApplication
@EnableConfigurationProperties(TenantProperties.class)
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
