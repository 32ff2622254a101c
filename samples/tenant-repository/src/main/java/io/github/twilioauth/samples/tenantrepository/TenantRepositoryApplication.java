package io.github.twilioauth.samples.tenantrepository;

import io.github.twilioauth.test.MockTwilioInitializer;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Profiles;

/**
 * Serves the tenants of the application's own database: a {@code TwilioTenantRepository} bean
 * ({@link JdbcTenantRepository}) is all it takes to get {@code TwilioClients}, which builds a
 * tenant's client on first use and keeps it in a bounded cache ({@code twilio.tenant-cache.*}).
 * <p>
 * Runs against a local Twilio stand-in unless the {@code twilio} profile is active; then the
 * table holds real tenants.
 */
@SpringBootApplication
public class TenantRepositoryApplication {

    public static void main(String[] args) {
        run(args).close();
    }

    static ConfigurableApplicationContext run(String... args) {
        SpringApplication application = new SpringApplication(TenantRepositoryApplication.class);
        application.addInitializers((context) -> {
            if (!context.getEnvironment().acceptsProfiles(Profiles.of("twilio"))) {
                new MockTwilioInitializer().initialize(context);
            }
        });
        return application.run(args);
    }
}
