package io.github.twilioauth.autoconfigure.check;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.github.twilioauth.autoconfigure.CredentialProperty;
import io.github.twilioauth.autoconfigure.TwilioProperties;
import io.github.twilioauth.autoconfigure.webhook.TwilioWebhookProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.util.function.SingletonSupplier;

/**
 * Checks the {@code twilio.*} configuration once the context knows its configuration classes and
 * before it creates any bean, and fails startup (a {@code TwilioConfigurationException}, which
 * its failure analyzer reports, naming each key and never a value) when:
 * <ul>
 * <li>a credential or identity property ({@link CredentialProperty}) of the single client or of a
 * tenant still holds a {@code ${...}} placeholder once bound: nothing resolved it, and its text
 * would be the credential;</li>
 * <li>a key of one of the starter's groups ({@link #GROUPS}, under {@code twilio} or a tenant), or
 * any other key of a tenant, binds to nothing: a mistyped key, or one renamed before the first
 * release, whose value would be silently ignored;</li>
 * <li>a top-level {@code twilio.<key>} that binds to nothing is a near miss of one of the
 * starter's top-level keys ({@link UnknownKeys}). Other top-level keys are the application's
 * own, such as {@code twilio.phone-number}, and are left alone.</li>
 * </ul>
 * What binds is what Spring Boot's {@link Binder} binds: the check binds the properties classes
 * itself ({@link TwilioProperties}, which holds the tenants, {@link TwilioWebhookProperties}, and
 * every {@code twilio.*} {@link ConfigurationProperties @ConfigurationProperties} class the context
 * registers),
 * recording each key the binder looks up, as Boot's {@code NoUnboundElementsBindHandler} does,
 * so relaxed forms ({@code authToken}, {@code auth_token}) count as bound. Keys of classes the
 * context does not register ({@code twilio.health.*} without Actuator, {@code twilio.sdk.*}) are
 * known from the configuration metadata ({@link DocumentedKeys}), read only when such a key is set
 * or a problem is reported.
 * Environment variables are not checked for unknown keys: the Twilio SDKs' and CLI's own
 * variables ({@code TWILIO_AUTH_TOKEN}) read as {@code twilio.auth.token}. When a value fails to
 * bind, Spring Boot's own binding reports it, and the unknown keys wait for the next start.
 */
final class TwilioPropertiesCheck implements BeanFactoryPostProcessor {

    /**
     * The starter's groups of keys, under {@code twilio} and under each
     * {@code twilio.tenants.<name>}: every key in one must bind to a property. A group's keys come
     * from its properties class, so a new key or class joins by itself; a new group joins here.
     */
    static final List<String> GROUPS = List.of("auth", "http", "token-requests", "webhook", "health", "sdk",
            "tenant-cache", "token-store");

    static final ConfigurationPropertyName TWILIO = ConfigurationPropertyName.of("twilio");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)");

    private final ConfigurableEnvironment environment;

    TwilioPropertiesCheck(ConfigurableEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        List<Problem> problems = check(roots(beanFactory), beanFactory.getBeanClassLoader());
        if (!problems.isEmpty()) {
            throw Problem.failure(problems);
        }
    }

    /**
     * Binds the properties classes and returns what is wrong.
     * @param roots the properties classes to bind, with their prefixes
     * @param classLoader where the configuration metadata is read from; {@code null} for this
     * class's
     * @return the problems, empty when there are none
     */
    List<Problem> check(Map<Class<?>, String> roots, @Nullable ClassLoader classLoader) {
        Recorder recorder = new Recorder();
        boolean allBound = true;
        Binder binder = Binder.get(this.environment);
        for (Map.Entry<Class<?>, String> root : roots.entrySet()) {
            try {
                binder.bind(root.getValue(), Bindable.of(root.getKey()), recorder);
            }
            catch (BindException ex) {
                allBound = false;
            }
        }
        List<Problem> problems = new ArrayList<>(recorder.placeholders.values());
        if (allBound) {
            UnknownKeys unknownKeys = new UnknownKeys(recorder.attempted,
                    SingletonSupplier.of(() -> DocumentedKeys.load((classLoader != null) ? classLoader
                            : TwilioPropertiesCheck.class.getClassLoader())));
            presentKeys().forEach((name, origin) -> {
                Problem problem = unknownKeys.check(name, origin);
                if (problem != null) {
                    problems.add(problem);
                }
            });
        }
        return problems;
    }

    /**
     * Returns {@link TwilioProperties}, {@link TwilioWebhookProperties} (the single client's
     * webhook Auth Tokens are credentials whether or not the web application validates webhooks)
     * and every {@code twilio.*} properties class the bean factory registers, with its prefix.
     */
    static Map<Class<?>, String> roots(ConfigurableListableBeanFactory beanFactory) {
        Map<Class<?>, String> roots = new LinkedHashMap<>();
        roots.put(TwilioProperties.class, TWILIO.toString());
        roots.put(TwilioWebhookProperties.class, "twilio.webhook");
        for (String name : beanFactory.getBeanDefinitionNames()) {
            Class<?> type = beanFactory.getMergedBeanDefinition(name).getResolvableType().resolve();
            if (type == null) {
                continue;
            }
            MergedAnnotation<ConfigurationProperties> properties = MergedAnnotations.from(type)
                .get(ConfigurationProperties.class);
            if (properties.isPresent()) {
                ConfigurationPropertyName prefix = ConfigurationPropertyName.ofIfValid(properties.getString("prefix"));
                if (prefix != null && (TWILIO.equals(prefix) || TWILIO.isAncestorOf(prefix))) {
                    roots.putIfAbsent(type, prefix.toString());
                }
            }
        }
        return roots;
    }

    /** Returns the {@code twilio.*} keys of every property source but the environment variables, with their origin. */
    private Map<ConfigurationPropertyName, String> presentKeys() {
        Map<ConfigurationPropertyName, String> present = new LinkedHashMap<>();
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(this.environment)) {
            if (source instanceof IterableConfigurationPropertySource iterable
                    && !(source.getUnderlyingSource() instanceof SystemEnvironmentPropertySource)) {
                iterable.stream()
                    .filter(TWILIO::isAncestorOf)
                    .forEach((name) -> present.computeIfAbsent(name,
                            (key) -> origin(source.getConfigurationProperty(key))));
            }
        }
        return present;
    }

    /** Returns where a property was set, as {@code " (class path resource [application.yml] - 3:17)"}. */
    static String origin(@Nullable ConfigurationProperty property) {
        return (property != null && property.getOrigin() != null) ? " (" + property.getOrigin() + ")" : "";
    }

    /**
     * Records the keys the binder looks up, and the credentials whose bound value still holds a
     * placeholder.
     */
    private static final class Recorder implements BindHandler {

        private final Set<ConfigurationPropertyName> attempted = new HashSet<>();

        private final Map<ConfigurationPropertyName, Problem> placeholders = new LinkedHashMap<>();

        @Override
        public <T> Bindable<T> onStart(ConfigurationPropertyName name, Bindable<T> target, BindContext context) {
            this.attempted.add(name);
            return target;
        }

        @Override
        public Object onSuccess(ConfigurationPropertyName name, Bindable<?> target, BindContext context,
                Object result) {
            if (result instanceof CharSequence value && target.getAnnotation(CredentialProperty.class) != null) {
                List<String> variables = PLACEHOLDER.matcher(value)
                    .results()
                    .map((match) -> match.group(1).trim())
                    .distinct()
                    .toList();
                if (!variables.isEmpty()) {
                    this.placeholders.putIfAbsent(name,
                            unresolved(name.toString(), variables, origin(context.getConfigurationProperty())));
                }
            }
            return result;
        }

        private static Problem unresolved(String key, List<String> variables, String origin) {
            String names = (variables.size() == 1) ? variables.get(0)
                    : String.join(", ", variables.subList(0, variables.size() - 1)) + " and "
                            + variables.get(variables.size() - 1);
            return new Problem(key,
                    key + origin + " refers to " + names + ", which " + ((variables.size() == 1) ? "is" : "are")
                            + " not set: the unresolved placeholder would be used as the credential itself.",
                    "Set " + names + " (an environment variable or a property), or give " + key + " a value.");
        }
    }
}
