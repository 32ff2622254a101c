package io.github.twilioauth.autoconfigure.check;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.github.twilioauth.autoconfigure.TwilioProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static io.github.twilioauth.autoconfigure.check.TwilioPropertiesCheck.TWILIO;

/**
 * Tells which {@code twilio.*} keys that nothing bound are mistakes, and what to write instead:
 * the key a renamed one became, or the nearest key of the starter ("did you mean").
 * <p>
 * A key in one of the starter's groups, or under a tenant, is a mistake when nothing binds it.
 * A top-level key is one when it is a near miss of a top-level key of the starter: at most one
 * edit away (a letter inserted, removed or replaced, or two neighbours swapped), two for names of
 * ten letters or more, compared in lower case without dashes. So {@code twilio.acount-sid} and
 * {@code twilio.tenant} are mistakes, and {@code twilio.phone-number} is the application's own.
 */
final class UnknownKeys {

    private static final String TENANTS = "tenants";

    private static final String PROBE = "probe";

    private static final Map<String, String> GROUPS = TwilioPropertiesCheck.GROUPS.stream()
        .collect(Collectors.toMap(UnknownKeys::uniform, (group) -> group));

    private final Set<ConfigurationPropertyName> bound;

    private final Supplier<DocumentedKeys> documented;

    private @Nullable List<String> tenantKeys;

    /**
     * Creates the check.
     * @param bound the keys the binder looked up
     * @param documented the documented keys, read the first time they are needed
     */
    UnknownKeys(Set<ConfigurationPropertyName> bound, Supplier<DocumentedKeys> documented) {
        this.bound = bound;
        this.documented = documented;
    }

    /**
     * Returns what is wrong with a key set in the configuration.
     * @param name the key
     * @param origin where it was set, or {@code ""}
     * @return the problem, or {@code null} if the key is bound or is the application's own
     */
    @Nullable Problem check(ConfigurationPropertyName name, String origin) {
        ConfigurationPropertyName key = withoutIndex(name);
        if (key.getNumberOfElements() < 2 || this.bound.contains(key)) {
            return null;
        }
        String top = key.getElement(1, Form.UNIFORM);
        if (top.equals(TENANTS)) {
            return (key.getNumberOfElements() > 3) ? tenantKey(key, origin) : null;
        }
        if (GROUPS.containsKey(top)) {
            DocumentedKeys documented = this.documented.get();
            return documented.documents(key) ? null : clientKey(key, origin, documented);
        }
        Map<String, String> topLevel = topLevel();
        if (topLevel.containsKey(top)) {
            return null;
        }
        String nearMiss = nearMiss(top, topLevel);
        return (nearMiss != null) ? nearMissKey(key, origin, nearMiss, this.documented.get()) : null;
    }

    private Problem clientKey(ConfigurationPropertyName key, String origin, DocumentedKeys documented) {
        DocumentedKeys.Renamed renamed = documented.renamed(key);
        if (renamed != null) {
            return renamed(key.toString(), origin, renamed, renamed.replacement());
        }
        String group = GROUPS.get(key.getElement(1, Form.UNIFORM));
        List<String> candidates = inGroup(documented.names(), 1, key);
        if (candidates.isEmpty()) {
            return new Problem(key.toString(), key + origin + " is not a key of the Twilio starter: this version has"
                    + " no twilio." + group + ".* keys.", "Remove " + key + ".");
        }
        return didYouMean(key.toString(), origin, "a key of the Twilio starter", nearest(key, 1, candidates, 1));
    }

    private Problem tenantKey(ConfigurationPropertyName key, String origin) {
        DocumentedKeys documented = this.documented.get();
        ConfigurationPropertyName relative = key.subName(3);
        String tenant = "twilio.tenants." + key.getElement(2, Form.ORIGINAL) + ".";
        ConfigurationPropertyName single = TWILIO.append(relative);
        DocumentedKeys.Renamed renamed = documented.renamed(single);
        if (renamed != null) {
            String replacement = renamed.replacement();
            if (replacement != null && tenantKeys(documented).contains(relative(replacement))) {
                replacement = tenant + relative(replacement);
            }
            return renamed(key.toString(), origin, renamed, replacement);
        }
        if (documented.documents(single)) {
            return new Problem(key.toString(), key + origin + " is not a key of a tenant: " + single
                    + " applies to every client.", "Set " + single + " instead, or remove " + key + ".");
        }
        List<String> candidates = inGroup(tenantKeys(documented), 0, relative);
        String nearest = nearest(relative, 0, candidates.isEmpty() ? tenantKeys(documented) : candidates, 0);
        return didYouMean(key.toString(), origin, "a key of a tenant", (nearest != null) ? tenant + nearest : null);
    }

    private Problem nearMissKey(ConfigurationPropertyName key, String origin, String top,
            DocumentedKeys documented) {
        String rest = IntStream.range(2, key.getNumberOfElements())
            .mapToObj((index) -> "." + key.getElement(index, Form.DASHED))
            .collect(Collectors.joining());
        ConfigurationPropertyName intended = ConfigurationPropertyName.ofIfValid("twilio." + top + rest);
        if (intended == null) {
            return didYouMean(key.toString(), origin, "a key of the Twilio starter", "twilio." + top);
        }
        String nearest = GROUPS.containsValue(top) ? nearest(intended, 1, inGroup(documented.names(), 1, intended), 1)
                : null;
        return didYouMean(key.toString(), origin, "a key of the Twilio starter",
                (nearest != null) ? nearest : intended.toString());
    }

    private static Problem didYouMean(String key, String origin, String what, @Nullable String suggestion) {
        String problem = key + origin + " is not " + what + ", so its value would be ignored";
        if (suggestion == null) {
            return new Problem(key, problem + ".", "Remove " + key + ".");
        }
        return new Problem(key, problem + "; did you mean " + suggestion + "?",
                "Replace " + key + " with " + suggestion + ", or remove it.");
    }

    private static Problem renamed(String key, String origin, DocumentedKeys.Renamed renamed,
            @Nullable String replacement) {
        if (replacement == null) {
            return new Problem(key, key + origin + " was removed before the first release" + reason(renamed)
                    + ": nothing binds it.", "Remove " + key + ".");
        }
        return new Problem(key, key + origin + " was renamed to " + replacement + " before the first release"
                + reason(renamed) + ": nothing binds it, so the default would apply.",
                "Set " + replacement + " instead of " + key + ".");
    }

    private static String reason(DocumentedKeys.Renamed renamed) {
        return (renamed.reason() != null) ? " (" + renamed.reason() + ")" : "";
    }

    /**
     * Returns the relative keys a tenant takes, out of the documented keys of the single client:
     * those the binder looks up when it binds a tenant that sets them all.
     */
    private List<String> tenantKeys(DocumentedKeys documented) {
        if (this.tenantKeys == null) {
            Map<String, String> probe = new LinkedHashMap<>();
            documented.names().forEach((name) -> probe.put(PROBE + "." + relative(name), ""));
            Set<ConfigurationPropertyName> looked = new HashSet<>();
            new Binder(new MapConfigurationPropertySource(probe)).bind(PROBE, Bindable.of(TwilioProperties.Tenant.class),
                    new BindHandler() {

                        @Override
                        public <T> Bindable<T> onStart(ConfigurationPropertyName name, Bindable<T> target,
                                BindContext context) {
                            looked.add(name);
                            return target;
                        }

                        @Override
                        public @Nullable Object onFailure(ConfigurationPropertyName name, Bindable<?> target,
                                BindContext context, Exception error) {
                            return null;
                        }
                    });
            this.tenantKeys = documented.names()
                .stream()
                .map(UnknownKeys::relative)
                .filter((key) -> looked.contains(ConfigurationPropertyName.of(PROBE + "." + key)))
                .toList();
        }
        return this.tenantKeys;
    }

    /**
     * Returns the starter's top-level names, by their uniform form: its groups, and the keys of
     * the properties classes bound under {@code twilio} (the binder looks up every property of a
     * class it binds, set or not).
     */
    private Map<String, String> topLevel() {
        Map<String, String> names = new HashMap<>(GROUPS);
        this.bound.stream()
            .filter((name) -> name.getNumberOfElements() == 2 && TWILIO.isParentOf(name))
            .forEach((name) -> names.put(name.getElement(1, Form.UNIFORM), name.getElement(1, Form.DASHED)));
        return names;
    }

    /** Returns the top-level name that {@code top} is a near miss of, or {@code null}. */
    private static @Nullable String nearMiss(String top, Map<String, String> topLevel) {
        return topLevel.entrySet()
            .stream()
            .filter((name) -> distance(top, name.getKey()) <= ((name.getKey().length() >= 10) ? 2 : 1))
            .min(Comparator.comparingInt((Map.Entry<String, String> name) -> distance(top, name.getKey()))
                .thenComparing(Map.Entry::getKey))
            .map(Map.Entry::getValue)
            .orElse(null);
    }

    /** Returns the candidates whose element at {@code index} is the same as that of {@code key}. */
    private static List<String> inGroup(Collection<String> candidates, int index, ConfigurationPropertyName key) {
        String group = key.getElement(index, Form.UNIFORM);
        return candidates.stream()
            .filter((candidate) -> ConfigurationPropertyName.of(candidate).getElement(index, Form.UNIFORM).equals(group))
            .toList();
    }

    /**
     * Returns the candidate nearest to a key, both compared from an element on, in lower case
     * without dashes; {@code null} when there is none.
     */
    private static @Nullable String nearest(ConfigurationPropertyName key, int from, Collection<String> candidates,
            int candidatesFrom) {
        String target = uniform(key, from);
        return candidates.stream()
            .min(Comparator
                .comparingInt((String candidate) -> distance(target,
                        uniform(ConfigurationPropertyName.of(candidate), candidatesFrom)))
                .thenComparing(Comparator.naturalOrder()))
            .orElse(null);
    }

    private static String uniform(ConfigurationPropertyName name, int from) {
        return IntStream.range(from, name.getNumberOfElements())
            .mapToObj((index) -> name.getElement(index, Form.UNIFORM))
            .collect(Collectors.joining("."));
    }

    private static String uniform(String name) {
        return name.replace("-", "");
    }

    /** Returns {@code auth.auth-token} for {@code twilio.auth.auth-token}. */
    private static String relative(String name) {
        return name.substring(TWILIO.toString().length() + 1);
    }

    /** Returns the key without the indexes it ends with: the list an element belongs to. */
    private static ConfigurationPropertyName withoutIndex(ConfigurationPropertyName name) {
        ConfigurationPropertyName key = name;
        while (key.isLastElementIndexed()) {
            key = key.getParent();
        }
        return key;
    }

    /**
     * Returns the optimal string alignment distance of two strings: the fewest insertions,
     * deletions, substitutions and swaps of neighbours that turn one into the other.
     */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = (a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
