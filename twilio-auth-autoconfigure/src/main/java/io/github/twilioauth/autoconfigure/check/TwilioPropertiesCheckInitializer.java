package io.github.twilioauth.autoconfigure.check;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.aot.AbstractAotProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Checks the {@code twilio.*} configuration of every application context that Spring Boot
 * starts (registered in {@code META-INF/spring.factories}), before any bean is created: a
 * credential left as an unresolved {@code ${...}} placeholder, a key of one of the starter's
 * groups that binds to nothing, or a near miss of one of its top-level keys fails startup with a
 * report naming the key. See {@link TwilioPropertiesCheck}.
 * <p>
 * An {@code ApplicationContextRunner} applies it with {@code withInitializer(new
 * TwilioPropertiesCheckInitializer())}.
 */
public final class TwilioPropertiesCheckInitializer
        implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        // Ahead-of-time processing at build time runs with the build's environment, not the application's.
        if (environment.getProperty(AbstractAotProcessor.AOT_PROCESSING, Boolean.class, false)) {
            return;
        }
        context.addBeanFactoryPostProcessor(new TwilioPropertiesCheck(environment));
    }
}
