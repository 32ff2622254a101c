package io.github.twilioauth.test.webhook;

import java.lang.reflect.Constructor;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.util.ReflectionUtils;
import org.springframework.web.bind.annotation.BindParam;

/**
 * The form parameters Twilio would send for a typed request: a record bound with
 * {@code @ModelAttribute}, such as the starter's {@code InboundMessage}, or one of your own.
 * <p>
 * Each component is sent under the name of its {@code @BindParam}, else its own name, as Spring
 * binds it back: an {@link Instant} as Twilio writes dates ({@code Tue, 30 Jul 2024 15:01:02 +0000}),
 * the elements of a collection as repeated values, anything else as its {@code toString()};
 * a {@code null} component is left out.
 */
public final class TwilioWebhookParameters {

    /** Twilio's dates in webhooks: RFC 2822, in UTC. */
    private static final DateTimeFormatter TWILIO_DATE = DateTimeFormatter
        .ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US)
        .withZone(ZoneOffset.UTC);

    private TwilioWebhookParameters() {
    }

    /**
     * Returns the parameters of a typed request.
     * @param request the request, a record
     * @return its parameters in the order of its components, each name's values in order
     */
    public static Map<String, List<String>> of(Record request) {
        RecordComponent[] components = request.getClass().getRecordComponents();
        Parameter[] parameters = canonicalConstructor(request.getClass(), components).getParameters();
        Map<String, List<String>> form = new LinkedHashMap<>();
        for (int i = 0; i < components.length; i++) {
            ReflectionUtils.makeAccessible(components[i].getAccessor());
            Object value = ReflectionUtils.invokeMethod(components[i].getAccessor(), request);
            if (value != null) {
                BindParam bindParam = parameters[i].getAnnotation(BindParam.class);
                String name = (bindParam != null) ? bindParam.value() : components[i].getName();
                form.put(name, values(value));
            }
        }
        return form;
    }

    private static Constructor<?> canonicalConstructor(Class<?> type, RecordComponent[] components) {
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            return type.getDeclaredConstructor(types);
        }
        catch (NoSuchMethodException ex) {
            throw new IllegalStateException("Every record has a canonical constructor: " + type.getName(), ex);
        }
    }

    private static List<String> values(Object value) {
        if (value instanceof Collection<?> elements) {
            List<String> values = new ArrayList<>(elements.size());
            elements.forEach((element) -> values.add(value(element)));
            return values;
        }
        return List.of(value(value));
    }

    private static String value(Object value) {
        return (value instanceof Instant instant) ? TWILIO_DATE.format(instant) : String.valueOf(value);
    }
}
