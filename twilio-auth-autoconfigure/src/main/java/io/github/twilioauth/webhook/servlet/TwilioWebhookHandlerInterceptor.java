package io.github.twilioauth.webhook.servlet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.twilioauth.store.RecordedResponse;
import io.github.twilioauth.webhook.AnnotatedWebhookHandlers;
import io.github.twilioauth.webhook.DeliveryDecision;
import io.github.twilioauth.webhook.ResponseRecorder;
import io.github.twilioauth.webhook.TwilioSignature;
import io.github.twilioauth.webhook.TwilioWebhook;
import io.github.twilioauth.webhook.TwilioWebhookAccount;
import io.github.twilioauth.webhook.TwilioWebhookRequest;
import io.github.twilioauth.webhook.TwilioWebhookValidator;
import io.github.twilioauth.webhook.WebhookDeduplicator;
import io.github.twilioauth.webhook.WebhookUrlResolver;
import jakarta.servlet.DispatcherType;
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
 * With a {@link WebhookDeduplicator}, a validated request that carries an
 * {@code I-Twilio-Idempotency-Token} and went through {@link TwilioWebhookDeduplicationFilter} is
 * answered once: a duplicate gets the recorded response (or {@code 409} with {@code Retry-After}
 * while the first is still handled past the wait) without reaching its handler; the first
 * delivery's response is recorded as the handler writes it. The wait blocks the request's thread,
 * within the deduplicator's bound; interrupted, the request is answered {@code 503}.
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

    private final @Nullable WebhookDeduplicator deduplicator;

    private final AnnotatedWebhookHandlers handlers = new AnnotatedWebhookHandlers();

    /**
     * Creates the interceptor, without deduplication.
     * @param validator validates requests
     * @param urls rebuilds the URL Twilio signed
     * @param pathPatterns path patterns within the application, such as {@code /twilio/**}, whose
     * requests are validated whatever their handler
     * @param maxBodySize the largest body that is not a form read to check its hash, in bytes
     */
    public TwilioWebhookHandlerInterceptor(TwilioWebhookValidator validator, WebhookUrlResolver urls,
            Collection<String> pathPatterns, int maxBodySize) {
        this(validator, urls, pathPatterns, maxBodySize, null);
    }

    /**
     * Creates the interceptor.
     * @param validator validates requests
     * @param urls rebuilds the URL Twilio signed
     * @param pathPatterns path patterns within the application, such as {@code /twilio/**}, whose
     * requests are validated whatever their handler
     * @param maxBodySize the largest body that is not a form read to check its hash, in bytes
     * @param deduplicator answers duplicate deliveries once, or {@code null} to hand every valid
     * request to its handler
     */
    public TwilioWebhookHandlerInterceptor(TwilioWebhookValidator validator, WebhookUrlResolver urls,
            Collection<String> pathPatterns, int maxBodySize, @Nullable WebhookDeduplicator deduplicator) {
        this.deduplicator = deduplicator;
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
        if (!this.validator.validate(webhookRequest).isAccepted()) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            return false;
        }
        request.setAttribute(TwilioWebhookAccount.ATTRIBUTE, this.validator.account(webhookRequest));
        return this.deduplicator == null || deduplicate(this.deduplicator, webhookRequest, request, response);
    }

    private static boolean deduplicate(WebhookDeduplicator deduplicator, TwilioWebhookRequest webhookRequest,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        RecordingResponse recording = WebUtils.getNativeResponse(response, RecordingResponse.class);
        if (recording == null || request.getDispatcherType() != DispatcherType.REQUEST) {
            // No idempotency token, or no deduplication filter to record the response with; or the
            // dispatch of an asynchronous result, whose request was decided on already.
            return true;
        }
        DeliveryDecision decision;
        try {
            decision = deduplicator.decideAndWait(webhookRequest,
                    request.getHeader(WebhookDeduplicator.IDEMPOTENCY_TOKEN_HEADER));
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return false;
        }
        if (decision instanceof DeliveryDecision.Replay replay) {
            replay(replay.response(), response);
            return false;
        }
        if (decision instanceof DeliveryDecision.Busy busy) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            response.setHeader("Retry-After", Long.toString(busy.retryAfter().toSeconds()));
            return false;
        }
        ResponseRecorder recorder = ((DeliveryDecision.Handle) decision).recorder();
        if (recorder != null && !recording.record(recorder)) {
            recorder.abandon();
        }
        return true;
    }

    private static void replay(RecordedResponse recorded, HttpServletResponse response) throws IOException {
        response.setStatus(recorded.status());
        if (recorded.contentType() != null) {
            response.setContentType(recorded.contentType());
        }
        response.setContentLength(recorded.body().length);
        response.getOutputStream().write(recorded.body());
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
