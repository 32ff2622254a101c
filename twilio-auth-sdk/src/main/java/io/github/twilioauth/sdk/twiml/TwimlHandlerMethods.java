package io.github.twilioauth.sdk.twiml;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.twilio.twiml.MessagingResponse;
import com.twilio.twiml.TwiML;

import io.github.twilioauth.webhook.request.InboundCall;
import io.github.twilioauth.webhook.request.InboundMessage;
import org.springframework.core.ReactiveAdapter;
import org.springframework.core.ReactiveAdapterRegistry;
import org.springframework.core.ResolvableType;

/**
 * Tells whether a handler method answers Twilio with TwiML: it declares a {@link TwiML} return
 * type ({@code MessagingResponse}, {@code VoiceResponse}, or a {@code Mono} of one), or it takes an
 * {@link InboundMessage} or an {@link InboundCall}, the two webhooks whose answer Twilio runs as
 * TwiML. Such a method that returns nothing answers {@link #emptyResponse()}.
 * <p>
 * Remembers each answer: a request pays one map lookup. Thread-safe.
 */
public final class TwimlHandlerMethods {

    private static final TwiML EMPTY_RESPONSE = new MessagingResponse.Builder().build();

    private final Map<Method, Boolean> answersTwiml = new ConcurrentHashMap<>();

    /**
     * Returns whether a handler method answers TwiML, from memory after the first time.
     * @param method the handler method
     * @return whether it declares a TwiML return type or takes an inbound message or call
     */
    public boolean answersTwiml(Method method) {
        return this.answersTwiml.computeIfAbsent(method, TwimlHandlerMethods::declaresTwiml);
    }

    /**
     * Returns the TwiML of a handler that answers TwiML and returns nothing: {@code <Response/>},
     * which tells Twilio to do nothing more, neither reply to the message nor go on with the call.
     * @return the empty response
     */
    public static TwiML emptyResponse() {
        return EMPTY_RESPONSE;
    }

    private static boolean declaresTwiml(Method method) {
        ResolvableType returnType = ResolvableType.forMethodReturnType(method);
        ReactiveAdapter adapter = ReactiveAdapterRegistry.getSharedInstance().getAdapter(returnType.toClass());
        Class<?> answer = (adapter != null && !adapter.isNoValue()) ? returnType.getGeneric().toClass()
                : returnType.toClass();
        if (TwiML.class.isAssignableFrom(answer)) {
            return true;
        }
        for (Class<?> parameterType : method.getParameterTypes()) {
            if (parameterType == InboundMessage.class || parameterType == InboundCall.class) {
                return true;
            }
        }
        return false;
    }
}
