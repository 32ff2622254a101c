package io.github.twilioauth.autoconfigure;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;

/**
 * The Twilio clients that the {@code twilio.*} properties configure: the single client and each
 * tenant, each with its auth type resolved once. The conditions and configurations of one
 * application context share one instance, which the first of them to ask for it binds and keeps
 * in the context's bean factory, as Spring Boot keeps its condition evaluation report there.
 */
final class ConfiguredClients {

    private static final String BEAN_NAME = ConfiguredClients.class.getName();

    private final ConfiguredClient singleClient;

    private final Map<String, ConfiguredClient> tenants;

    private ConfiguredClients(TwilioProperties properties) {
        this.singleClient = ConfiguredClient.singleClient(properties);
        Map<String, ConfiguredClient> tenants = new LinkedHashMap<>();
        properties.getTenants().forEach((name, tenant) -> tenants.put(name, ConfiguredClient.tenant(name, tenant)));
        this.tenants = Collections.unmodifiableMap(tenants);
    }

    /**
     * Returns the clients of the context a condition is evaluated in.
     * @param context the condition's context
     * @return the clients
     */
    static ConfiguredClients get(ConditionContext context) {
        return get(context.getBeanFactory(), context.getEnvironment());
    }

    /**
     * Returns the clients of an application context: those kept in its bean factory, else the
     * ones its environment binds, which are then kept there.
     * @param beanFactory the context's bean factory, or {@code null} to bind without keeping
     * @param environment the context's environment
     * @return the clients
     */
    static ConfiguredClients get(@Nullable ConfigurableListableBeanFactory beanFactory, Environment environment) {
        if (beanFactory != null && beanFactory.getSingleton(BEAN_NAME) instanceof ConfiguredClients kept) {
            return kept;
        }
        ConfiguredClients clients = new ConfiguredClients(
                Binder.get(environment).bind("twilio", TwilioProperties.class).orElseGet(TwilioProperties::new));
        if (beanFactory != null) {
            beanFactory.registerSingleton(BEAN_NAME, clients);
        }
        return clients;
    }

    /**
     * Returns the single client of {@code twilio.*}, configured or not.
     * @return the single client
     */
    ConfiguredClient singleClient() {
        return this.singleClient;
    }

    /**
     * Returns the tenants of {@code twilio.tenants}, in their order there.
     * @return the tenants by name
     */
    Map<String, ConfiguredClient> tenants() {
        return this.tenants;
    }

    @Override
    public String toString() {
        return "ConfiguredClients[singleClient=" + this.singleClient + ", tenants=" + this.tenants.keySet() + "]";
    }
}
