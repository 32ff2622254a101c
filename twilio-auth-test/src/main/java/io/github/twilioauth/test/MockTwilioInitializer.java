package io.github.twilioauth.test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points an application at an in-process {@link MockTwilioServer}: starts one that accepts the
 * credentials of the application's own properties, points the single client and every tenant at
 * it, and registers it as the {@code mockTwilioServer} bean, closed with the context.
 * <p>
 * For the single client of {@code twilio.*} and for each tenant of
 * {@code twilio.tenants.<name>.*} alike, it sets {@code base-url} and {@code auth.token-url} to the
 * server, ahead of every other property source, and registers with the server:
 * <ul>
 * <li>{@code account-sid} with {@code auth.auth-token}, or else with {@code webhook.auth-token}: an
 * account, whose Auth Token signs its status callbacks;</li>
 * <li>{@code auth.api-key} with {@code auth.api-secret}: an API key of {@code account-sid};</li>
 * <li>{@code auth.client-id} with {@code auth.client-secret}: an OAuth app whose tokens are for
 * {@code account-sid}, or, when {@code auth.type} is {@code orgs}, for the organization
 * {@link #organizationSid(String) organizationSid(clientId)}, which lists {@code account-sid} if
 * set.</li>
 * </ul>
 * The properties are read as the starter reads them, from any property source and in any form
 * Spring Boot binds ({@code TWILIO_TENANTS_ACME_AUTH_AUTHTOKEN} as well as
 * {@code twilio.tenants.acme.auth.auth-token}).
 * <p>
 * Used by {@link AutoConfigureMockTwilio} in tests, and by applications that run offline, with
 * the test artifact on their compile or runtime classpath:
 * <pre class="code">
 * SpringApplication application = new SpringApplication(MyApp.class);
 * application.addInitializers(new MockTwilioInitializer());
 * application.run(args);
 * </pre>
 */
public class MockTwilioInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** Name of the {@link MockTwilioServer} bean. */
    public static final String BEAN_NAME = "mockTwilioServer";

    private static final String PROPERTY_SOURCE_NAME = "mockTwilio";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        List<ConfiguredClient> clients = ConfiguredClient.of(environment);
        MockTwilioServer server = new MockTwilioServer();
        clients.forEach((client) -> client.registerWith(server));
        server.start();
        Map<String, Object> urls = new HashMap<>();
        clients.forEach((client) -> urls.putAll(client.urlsOf(server)));
        environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, urls));
        ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
        beanFactory.registerSingleton(BEAN_NAME, server);
        // Every application context's bean factory is a DefaultListableBeanFactory. As a
        // disposable bean the server closes with the context, and also when its refresh fails.
        ((DefaultSingletonBeanRegistry) beanFactory).registerDisposableBean(BEAN_NAME, server::close);
    }

    /**
     * Returns the SID of the organization registered for an {@code orgs} client: {@code OR}
     * followed by 32 hexadecimal digits derived from its client id, the same in every run. A test
     * that wants another SID registers the organization on the server itself, with
     * {@link MockTwilioServer#organization(String, String, String, String...)}, before the
     * application requests a token.
     * @param clientId the client id of the organization's OAuth app
     * @return the organization SID
     */
    public static String organizationSid(String clientId) {
        Objects.requireNonNull(clientId, "clientId");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(clientId.getBytes(StandardCharsets.UTF_8));
            return "OR" + HexFormat.of().formatHex(digest, 0, 16);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("Every Java platform supports SHA-256", ex);
        }
    }
}
