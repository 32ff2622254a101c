package io.github.twilioauth.test;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Applies {@link MockTwilioContextCustomizer} to test classes annotated with
 * {@link AutoConfigureMockTwilio}. Registered in {@code META-INF/spring.factories}.
 */
class MockTwilioContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        return TestContextAnnotationUtils.hasAnnotation(testClass, AutoConfigureMockTwilio.class)
                ? new MockTwilioContextCustomizer() : null;
    }
}
