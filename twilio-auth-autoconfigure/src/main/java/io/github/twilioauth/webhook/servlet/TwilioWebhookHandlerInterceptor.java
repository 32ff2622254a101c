package io.github.twilioauth.webhook.servlet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.twilioauth.webhook.AnnotatedWebhookHandlers;
import io.github.twilioauth.webhook.TwilioSignature;
import io.github.twilioauth.webhook.TwilioWebhook;
import io.github.twilioauth.webhook.TwilioWebhookAccount;
import io.github.twilioauth.webhook.TwilioWebhookRequest;
import io.github.twilioauth.webhook.TwilioWebhookValidator;
import io.github.twilioauth.webhook.WebhookUrlResolver;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.WebUtils;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Spring MVC interceptor that lets a request reach a {@link TwilioWebhook @TwilioWebhook}
 * handler, or a handler of one of the configured path patterns, only with a valid
 * {@code X-Twilio-Signature}; any other such request is answered 403 with an empty body. An
 * accepted request carries its {@link TwilioWebhookAccount} in a request attribute.
 * <p>
 * The URL comes from the request as the server reports it (forwarded headers applied by
 * {@code ForwardedHeaderFilter} or the server), or from a base URL. Form parameters are those
 * of the body: the servlet parameters less those of the query string, which the Servlet
 * specification lists first. Another body is read ahead by {@link TwilioWebhookBodyFilter}, so
 * that the handler can still read it; without that filter it is read here, bounded, and the
 * handler finds it consumed.
 * <p>
 * A request to any other handler costs a map lookup when it has a handler method, and a path
 * match when path patterns are configured. Thread-safe.
 */
public final class TwilioWebhookHandlerInterceptor implements HandlerInterceptor {

    private static final String FORM = "application/x-www-form-urlencoded";

    private final TwilioWebhookValidator validator;

    private final WebhookUrlResolver urls;

    private final PathPattern[] paths;

    private final int maxBodySize;

    private final AnnotatedWebhookHandlers handlers = new AnnotatedWebhookHandlers();

    /**
     * Creates the interceptor.
     * @param validator validates requests
     * @param urls rebuilds the URL Twilio signed
     * @param pathPatterns path patterns within the application, such as {@code /twilio/**}, whose
     * requests are validated whatever their handler
     * @param maxBodySize the largest body that is not a form read to check its hash, in bytes
     */
    public TwilioWebhookHandlerInterceptor(TwilioWebhookValidator validator, WebhookUrlResolver urls,
            Collection<String> pathPatterns, int maxBodySize) {
        this.validator = validator;
        this.urls = urls;
        this.paths = pathPatterns.stream().map(PathPatternParser.defaultInstance::parse).toArray(PathPattern[]::new);
        this.maxBodySize = maxBodySize;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        if (!appliesTo(request, handler)) {
            return true;
        }
        TwilioWebhookRequest webhookRequest = webhookRequest(request);
        if (this.validator.validate(webhookRequest).isAccepted()) {
            request.setAttribute(TwilioWebhookAccount.ATTRIBUTE, this.validator.account(webhookRequest));
            return true;
        }
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        return false;
    }

    private boolean appliesTo(HttpServletRequest request, Object handler) {
        if (handler instanceof HandlerMethod handlerMethod && this.handlers.isWebhook(handlerMethod)) {
            return true;
        }
        if (this.paths.length == 0) {
            return false;
        }
        PathContainer path = requestPath(request).pathWithinApplication();
        for (PathPattern pattern : this.paths) {
            if (pattern.matches(path)) {
                return true;
            }
        }
        return false;
    }

    private static RequestPath requestPath(HttpServletRequest request) {
        return ServletRequestPathUtils.hasParsedRequestPath(request) ? ServletRequestPathUtils.getParsedRequestPath(request)
                : RequestPath.parse(request.getRequestURI(), request.getContextPath());
    }

    private TwilioWebhookRequest webhookRequest(HttpServletRequest request) throws IOException {
        String method = request.getMethod();
        String url = this.urls.resolve(request.getScheme(), request.getServerName(), request.getServerPort(),
                request.getRequestURI(), request.getQueryString());
        String signature = request.getHeader(TwilioSignature.HEADER);
        if (isForm(request.getContentType())) {
            return TwilioWebhookRequest.form(method, url, signature, bodyParameters(request));
        }
        CachedBodyRequest cached = WebUtils.getNativeRequest(request, CachedBodyRequest.class);
        if (cached == null) {
            if (request.getContentLengthLong() == 0 || request.getContentLengthLong() < 0
                    && request.getHeader("Transfer-Encoding") == null) {
                return TwilioWebhookRequest.withoutBody(method, url, signature);
            }
            cached = CachedBodyRequest.read(request, this.maxBodySize);
        }
        return cached.isComplete() ? TwilioWebhookRequest.body(method, url, signature, cached.body())
                : TwilioWebhookRequest.bodyTooLarge(method, url);
    }

    /**
     * The parameters of the body: for each name, the servlet parameter values after those of the
     * query string.
     */
    private static Map<String, List<String>> bodyParameters(HttpServletRequest request) {
        String query = request.getQueryString();
        Map<String, List<String>> queryParameters = (query != null)
                ? TwilioWebhookRequest.parseForm(query, StandardCharsets.UTF_8) : Map.of();
        Map<String, List<String>> body = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            List<String> fromQuery = queryParameters.get(name);
            int skip = (fromQuery != null) ? fromQuery.size() : 0;
            if (values.length > skip) {
                body.put(name, Arrays.asList(values).subList(skip, values.length));
            }
        });
        return body;
    }

    static boolean isForm(@Nullable String contentType) {
        return contentType != null && contentType.regionMatches(true, 0, FORM, 0, FORM.length());
    }

    @Override
    public String toString() {
        return "TwilioWebhookHandlerInterceptor[paths=" + Arrays.toString(this.paths) + ", "
                + this.urls + "]";
    }
}
