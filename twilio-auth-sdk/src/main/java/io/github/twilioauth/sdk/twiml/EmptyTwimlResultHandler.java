package io.github.twilioauth.sdk.twiml;

import com.twilio.twiml.TwiML;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.ReactiveAdapter;
import org.springframework.core.ReactiveAdapterRegistry;
import org.springframework.core.ResolvableType;
import org.springframework.core.codec.Hints;
import org.springframework.http.MediaType;
import org.springframework.http.codec.EncoderHttpMessageWriter;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.HandlerResult;
import org.springframework.web.reactive.HandlerResultHandler;
import org.springframework.web.server.ServerWebExchange;

/**
 * Spring WebFlux: a handler that answers TwiML (see {@link TwimlHandlerMethods}) and may return
 * nothing ({@code void}, {@code null}, {@code Mono<Void>} or an empty {@code Mono} of TwiML)
 * answers its TwiML, or {@code <Response/>} when there is none, as {@code application/xml}
 * through the {@link TwimlEncoder}. A TwiML value returned as it is goes to
 * {@code ResponseBodyResultHandler}, whose codecs include the {@code TwimlEncoder}.
 * <p>
 * Ordered ahead of {@code ResponseBodyResultHandler}, which would answer an empty body. A handler
 * that writes the response itself (it takes the {@code ServerHttpResponse} or the exchange) or
 * declares {@code @ResponseStatus} keeps its own answer, as WebFlux makes no result of its
 * return value then. Thread-safe.
 */
public final class EmptyTwimlResultHandler implements HandlerResultHandler, Ordered {

    /** The order of this handler: ahead of {@code ResponseBodyResultHandler}'s {@code 100}. */
    public static final int ORDER = 50;

    private final TwimlHandlerMethods handlerMethods = new TwimlHandlerMethods();

    private final HttpMessageWriter<TwiML> writer = new EncoderHttpMessageWriter<>(new TwimlEncoder());

    private final ReactiveAdapterRegistry adapters;

    /**
     * Creates the handler.
     * @param adapters the reactive types handlers may return, such as WebFlux's
     */
    public EmptyTwimlResultHandler(ReactiveAdapterRegistry adapters) {
        this.adapters = adapters;
    }

    @Override
    public boolean supports(HandlerResult result) {
        if (!(result.getHandler() instanceof HandlerMethod handlerMethod)
                || !this.handlerMethods.answersTwiml(handlerMethod.getMethod())) {
            return false;
        }
        Class<?> type = result.getReturnType().toClass();
        ReactiveAdapter adapter = this.adapters.getAdapter(type);
        if (adapter != null) {
            Class<?> element = result.getReturnType().getGeneric().toClass();
            return !adapter.isMultiValue() && (adapter.isNoValue() || element == Void.class || isTwiml(element));
        }
        return result.getReturnValue() == null && (type == void.class || type == Void.class || isTwiml(type));
    }

    @Override
    public Mono<Void> handleResult(ServerWebExchange exchange, HandlerResult result) {
        Mono<TwiML> twiml = answer(result.getReturnValue(), result.getReturnType().toClass())
            .defaultIfEmpty(TwimlHandlerMethods.emptyResponse());
        return this.writer.write(twiml, ResolvableType.forClass(TwiML.class), MediaType.APPLICATION_XML,
                exchange.getResponse(), Hints.from(Hints.LOG_PREFIX_HINT, exchange.getLogPrefix()));
    }

    private Mono<TwiML> answer(@Nullable Object returnValue, Class<?> type) {
        ReactiveAdapter adapter = this.adapters.getAdapter(type);
        if (returnValue == null || adapter == null) {
            return Mono.empty();
        }
        return Mono.from(adapter.toPublisher(returnValue)).ofType(TwiML.class);
    }

    private static boolean isTwiml(Class<?> type) {
        return TwiML.class.isAssignableFrom(type);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
