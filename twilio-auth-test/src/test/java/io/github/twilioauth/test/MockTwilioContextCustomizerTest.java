package io.github.twilioauth.test;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.GenericApplicationContext;
import org.springframework.test.context.ContextCustomizer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The context customizer behind {@link AutoConfigureMockTwilio}.
 */
class MockTwilioContextCustomizerTest {

    private final MockTwilioContextCustomizerFactory factory = new MockTwilioContextCustomizerFactory();

    @Test
    void customizesOnlyAnnotatedTestClasses() {
        assertThat(this.factory.createContextCustomizer(Annotated.class, List.of())).isNotNull();
        assertThat(this.factory.createContextCustomizer(NotAnnotated.class, List.of())).isNull();
    }

    @Test
    void customizersAreEqualSoTheirContextsAreCached() {
        ContextCustomizer first = this.factory.createContextCustomizer(Annotated.class, List.of());
        ContextCustomizer second = this.factory.createContextCustomizer(Annotated.class, List.of());

        assertThat(first).isEqualTo(second).hasSameHashCodeAs(second);
    }

    @Test
    void registersTheServerBean() {
        try (GenericApplicationContext context = new GenericApplicationContext()) {
            new MockTwilioContextCustomizer().customizeContext(context, null);
            context.refresh();

            assertThat(context.getBean("mockTwilioServer")).isInstanceOf(MockTwilioServer.class);
        }
    }

    @AutoConfigureMockTwilio
    static class Annotated {
    }

    static class NotAnnotated {
    }
}
