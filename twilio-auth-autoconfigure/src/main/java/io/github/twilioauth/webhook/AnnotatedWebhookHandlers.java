package io.github.twilioauth.webhook;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;

/**
 * Tells whether a handler method is a Twilio webhook: annotated with {@link TwilioWebhook}, or
 * declared by a controller that is. Shared by Spring MVC and WebFlux, whose handler methods are
 * both {@link HandlerMethod}s.
 * <p>
 * Remembers each answer, so a request pays one map lookup. Thread-safe.
 */
public final class AnnotatedWebhookHandlers {

    private final Map<Key, Boolean> answers = new ConcurrentHashMap<>();

    /**
     * Returns whether a handler method is a Twilio webhook, from memory after the first time.
     * @param handlerMethod the handler method
     * @return whether requests to it are validated
     */
    public boolean isWebhook(HandlerMethod handlerMethod) {
        Key key = new Key(handlerMethod.getBeanType(), handlerMethod.getMethod());
        Boolean answer = this.answers.get(key);
        if (answer == null) {
            answer = isAnnotated(handlerMethod);
            this.answers.put(key, answer);
        }
        return answer;
    }

    /**
     * Returns whether a handler method is a Twilio webhook, looking at its annotations.
     * @param handlerMethod the handler method
     * @return whether it or its controller is annotated with {@link TwilioWebhook}
     */
    public static boolean isAnnotated(HandlerMethod handlerMethod) {
        return AnnotatedElementUtils.hasAnnotation(handlerMethod.getMethod(), TwilioWebhook.class)
                || AnnotatedElementUtils.hasAnnotation(handlerMethod.getBeanType(), TwilioWebhook.class);
    }

    // The bean type as well as the method: an inherited method is a webhook in an annotated
    // subclass and not in its superclass.
    private record Key(Class<?> beanType, Method method) {
    }
}
