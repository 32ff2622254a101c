package io.github.twilioauth.test;

import java.util.Map;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points an application at an in-process {@link MockTwilioServer}: starts one with the
 * credentials of the application's own {@code twilio.*} properties, sets
 * {@code twilio.base-url} and {@code twilio.auth.token-url} to it, and registers it as the
 * {@code mockTwilioServer} bean, closed with the context.
 * <p>
 * Used by {@link AutoConfigureMockTwilio} in tests, and by applications that run offline:
 * {@code new SpringApplication(MyApp.class).addInitializers(new MockTwilioInitializer())}.
 */
public class MockTwilioInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** Name of the {@link MockTwilioServer} bean. */
    public static final String BEAN_NAME = "mockTwilioServer";

    private static final String PROPERTY_SOURCE_NAME = "mockTwilio";

    private static final String DEFAULT_ORGANIZATION_SID = "OR" + "0".repeat(32);

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        MockTwilioServer server = registerCredentials(new MockTwilioServer(), environment).start();
        environment.getPropertySources()
            .addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME,
                    Map.of("twilio.base-url", server.baseUrl(), "twilio.auth.token-url", server.tokenUrl())));
        ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
        beanFactory.registerSingleton(BEAN_NAME, server);
        // Every application context's bean factory is a DefaultListableBeanFactory. As a
        // disposable bean the server closes with the context, and also when its refresh fails.
        ((DefaultSingletonBeanRegistry) beanFactory).registerDisposableBean(BEAN_NAME, server::close);
    }

    private static MockTwilioServer registerCredentials(MockTwilioServer server, Environment environment) {
        String accountSid = environment.getProperty("twilio.account-sid");
        String authToken = environment.getProperty("twilio.auth.auth-token");
        String webhookAuthToken = environment.getProperty("twilio.webhook.auth-token");
        if (accountSid != null && authToken != null) {
            server.account(accountSid, authToken);
        }
        else if (accountSid != null && webhookAuthToken != null) {
            // The token that checks webhooks is the account's Auth Token: the server signs with it.
            server.account(accountSid, webhookAuthToken);
        }
        String apiKey = environment.getProperty("twilio.auth.api-key");
        String apiSecret = environment.getProperty("twilio.auth.api-secret");
        if (accountSid != null && apiKey != null && apiSecret != null) {
            server.apiKey(apiKey, apiSecret, accountSid);
        }
        String clientId = environment.getProperty("twilio.auth.client-id");
        String clientSecret = environment.getProperty("twilio.auth.client-secret");
        if (clientId != null && clientSecret != null) {
            if ("orgs".equalsIgnoreCase(environment.getProperty("twilio.auth.type"))) {
                String[] accountSids = (accountSid != null) ? new String[] { accountSid } : new String[0];
                server.organization(environment.getProperty("twilio.auth.organization-sid", DEFAULT_ORGANIZATION_SID),
                        clientId, clientSecret, accountSids);
            }
            else if (accountSid != null) {
                server.oauthApp(clientId, clientSecret, accountSid);
            }
        }
        return server;
    }
}
