package io.github.twilioauth.sdk.twiml;

import java.io.IOException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import com.twilio.twiml.TwiML;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.util.Assert;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodReturnValueHandler;
import org.springframework.web.method.support.HandlerMethodReturnValueHandlerComposite;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * Spring MVC: a handler that answers TwiML (see {@link TwimlHandlerMethods}) and returns nothing,
 * {@code void} or {@code null}, answers {@code <Response/>} as {@code application/xml}. A TwiML
 * value goes on to the handlers that were there before, where the {@link TwimlHttpMessageConverter}
 * writes it.
 * <p>
 * Installed ahead of a {@link RequestMappingHandlerAdapter}'s own handlers, which would answer
 * an empty body. A handler that writes the response itself (it takes the
 * {@code HttpServletResponse}) or declares {@code @ResponseStatus} keeps its own answer, as
 * Spring MVC never asks a return value handler then. Thread-safe.
 */
public final class EmptyTwimlReturnValueHandler implements HandlerMethodReturnValueHandler {

    private final TwimlHandlerMethods handlerMethods = new TwimlHandlerMethods();

    private final TwimlHttpMessageConverter converter = new TwimlHttpMessageConverter();

    private final HandlerMethodReturnValueHandler others;

    private EmptyTwimlReturnValueHandler(List<HandlerMethodReturnValueHandler> others) {
        this.others = new HandlerMethodReturnValueHandlerComposite().addHandlers(others);
    }

    /**
     * Puts a handler ahead of an adapter's return value handlers, which get the values it does
     * not answer.
     * @param adapter the adapter, initialized
     */
    public static void installOn(RequestMappingHandlerAdapter adapter) {
        List<HandlerMethodReturnValueHandler> others = adapter.getReturnValueHandlers();
        List<HandlerMethodReturnValueHandler> handlers = new ArrayList<>();
        handlers.add(new EmptyTwimlReturnValueHandler((others != null) ? others : List.of()));
        if (others != null) {
            handlers.addAll(others);
        }
        adapter.setReturnValueHandlers(handlers);
    }

    @Override
    public boolean supportsReturnType(MethodParameter returnType) {
        Class<?> type = returnType.getParameterType();
        Method method = returnType.getMethod();
        return (type == void.class || type == Void.class || TwiML.class.isAssignableFrom(type)) && method != null
                && this.handlerMethods.answersTwiml(method);
    }

    @Override
    public void handleReturnValue(@Nullable Object returnValue, MethodParameter returnType,
            ModelAndViewContainer mavContainer, NativeWebRequest webRequest) throws Exception {
        if (returnValue != null) {
            this.others.handleReturnValue(returnValue, returnType, mavContainer, webRequest);
            return;
        }
        mavContainer.setRequestHandled(true);
        writeEmptyResponse(webRequest);
    }

    private void writeEmptyResponse(NativeWebRequest webRequest) throws IOException {
        HttpServletResponse response = webRequest.getNativeResponse(HttpServletResponse.class);
        Assert.state(response != null, "A Spring MVC request has an HttpServletResponse");
        this.converter.write(TwimlHandlerMethods.emptyResponse(), MediaType.APPLICATION_XML,
                new ServletServerHttpResponse(response));
    }
}
