package io.github.twilioauth.test;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit Jupiter extension that runs one {@link MockTwilioServer} per test class (shared with its
 * {@code @Nested} classes), closes it after all tests, and resets its recordings and faults
 * before each test while keeping its registrations.
 * <p>
 * Use it either way:
 * <pre class="code">
 * &#64;RegisterExtension
 * static MockTwilioExtension twilio = new MockTwilioExtension();
 * // twilio.server()
 *
 * &#64;ExtendWith(MockTwilioExtension.class)
 * class MyTest {
 *     &#64;Test
 *     void sends(MockTwilioServer twilio) { ... }
 * }
 * </pre>
 * Parameters of type {@code MockTwilioServer} of test constructors and methods are resolved
 * either way. As every test starts with a reset, tests sharing a server must not run
 * concurrently.
 */
public final class MockTwilioExtension
        implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback, ParameterResolver {

    private static final Namespace NAMESPACE = Namespace.create(MockTwilioExtension.class);

    private volatile @Nullable MockTwilioServer server;

    /**
     * Returns the server of the running test class.
     * @return the started server
     * @throws IllegalStateException outside of a test class run, or when the extension is not
     * registered on a static field
     */
    public MockTwilioServer server() {
        MockTwilioServer server = this.server;
        if (server == null) {
            throw new IllegalStateException(
                    "No MockTwilioServer is running: register MockTwilioExtension on a static field");
        }
        return server;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        this.server = serverOf(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        serverOf(context).reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        // Only the class that started the server holds it in its own store; nested classes see it
        // through their parent's store and leave it running.
        MockTwilioServer started = context.getStore(NAMESPACE).remove(MockTwilioServer.class, MockTwilioServer.class);
        if (started != null) {
            started.close();
            this.server = null;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == MockTwilioServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return serverOf(extensionContext);
    }

    private static MockTwilioServer serverOf(ExtensionContext context) {
        return context.getStore(NAMESPACE)
            .computeIfAbsent(MockTwilioServer.class, (key) -> new MockTwilioServer().start(), MockTwilioServer.class);
    }
}
