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
 * Remembers each answer: a request pays one map lookup, which finds the handler's
 * {@link Method} instance by identity, and one {@link ClassValue} read. Thread-safe.
 */
public final class AnnotatedWebhookHandlers {

    private final Map<Method, Boolean> annotatedMethods = new ConcurrentHashMap<>();

    private final ClassValue<Boolean> annotatedTypes = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return AnnotatedElementUtils.hasAnnotation(type, TwilioWebhook.class);
        }
    };

    /**
     * Returns whether a handler method is a Twilio webhook, from memory after the first time.
     * @param handlerMethod the handler method
     * @return whether requests to it are validated
     */
    public boolean isWebhook(HandlerMethod handlerMethod) {
        Method method = handlerMethod.getMethod();
        Boolean annotated = this.annotatedMethods.get(method);
        if (annotated == null) {
            annotated = AnnotatedElementUtils.hasAnnotation(method, TwilioWebhook.class);
            this.annotatedMethods.put(method, annotated);
        }
        // The bean type, not the declaring class: an inherited method is a webhook in an
        // annotated subclass and not in its superclass.
        return annotated || this.annotatedTypes.get(handlerMethod.getBeanType());
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
}
