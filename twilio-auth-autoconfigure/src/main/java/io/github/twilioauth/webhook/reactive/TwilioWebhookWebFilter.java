package io.github.twilioauth.webhook.reactive;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

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
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;
import reactor.core.scheduler.Schedulers;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.result.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebExchangeDecorator;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Spring WebFlux filter that lets a request reach a {@link TwilioWebhook @TwilioWebhook}
 * handler method, or any handler of one of the configured path patterns, only with a valid
 * {@code X-Twilio-Signature}; any other such request is answered 403 with an empty body. An
 * accepted exchange carries its {@link TwilioWebhookAccount} in an attribute.
 * <p>
 * The URL is the request's URI, as {@code ForwardedHeaderTransformer} or the server adapted it
 * from forwarded headers, or comes from a base URL. The body is read once, up to a limit, to
 * check it, and handed on to the handler, which reads the same bytes: {@code @RequestBody},
 * {@code exchange.getFormData()} and form binding all work.
 * <p>
 * Annotated handlers are found through the {@code @RequestMapping} handler mappings, and only
 * for requests whose path matches one of their patterns: a request to another path costs a
 * path match per annotated pattern and per configured pattern.
 * <p>
 * With a {@link WebhookDeduplicator}, a validated request that carries an
 * {@code I-Twilio-Idempotency-Token} is answered once: a duplicate gets the recorded response (or
 * {@code 409} with {@code Retry-After} while the first is still handled past the wait) without
 * reaching its handler; the first delivery's response is recorded as the handler writes it. No
 * thread waits: a decision that is not ready at once resumes on Reactor's parallel scheduler.
 * Thread-safe.
 */
public final class TwilioWebhookWebFilter implements WebFilter, Ordered {

    /** The order of this filter. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

    private final TwilioWebhookValidator validator;

    private final WebhookUrlResolver urls;

    private final PathPattern[] paths;

    private final int maxBodySize;

    private final List<RequestMappingInfoHandlerMapping> handlerMappings;

    private final @Nullable WebhookDeduplicator deduplicator;

    private final AnnotatedWebhookHandlers handlers = new AnnotatedWebhookHandlers();

    // Computed on the first request, once the handler mappings have registered their methods; a
    // race computes the same array twice.
    private volatile AnnotatedMapping @Nullable [] annotatedMappings;

    /**
     * Creates the filter, without deduplication.
     * @param validator validates requests
     * @param urls rebuilds the URL Twilio signed
     * @param pathPatterns path patterns within the application, such as {@code /twilio/**}, whose
     * requests are validated whatever their handler
     * @param maxBodySize the largest body read to check it, in bytes
     * @param handlerMappings the mappings of {@code @RequestMapping} methods, where
     * {@code @TwilioWebhook} is looked for; none to validate configured paths only
     */
    public TwilioWebhookWebFilter(TwilioWebhookValidator validator, WebhookUrlResolver urls,
            Collection<String> pathPatterns, int maxBodySize, List<RequestMappingInfoHandlerMapping> handlerMappings) {
        this(validator, urls, pathPatterns, maxBodySize, handlerMappings, null);
    }

    /**
     * Creates the filter.
     * @param validator validates requests
     * @param urls rebuilds the URL Twilio signed
     * @param pathPatterns path patterns within the application, such as {@code /twilio/**}, whose
     * requests are validated whatever their handler
     * @param maxBodySize the largest body read to check it, in bytes
     * @param handlerMappings the mappings of {@code @RequestMapping} methods, where
     * {@code @TwilioWebhook} is looked for; none to validate configured paths only
     * @param deduplicator answers duplicate deliveries once, or {@code null} to hand every valid
     * request to its handler
     */
    public TwilioWebhookWebFilter(TwilioWebhookValidator validator, WebhookUrlResolver urls,
            Collection<String> pathPatterns, int maxBodySize, List<RequestMappingInfoHandlerMapping> handlerMappings,
            @Nullable WebhookDeduplicator deduplicator) {
        this.deduplicator = deduplicator;
        this.validator = validator;
        this.urls = urls;
        this.paths = pathPatterns.stream().map(PathPatternParser.defaultInstance::parse).toArray(PathPattern[]::new);
        this.maxBodySize = maxBodySize;
        this.handlerMappings = List.copyOf(handlerMappings);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
        if (matchesAny(this.paths, path)) {
            return validate(exchange, chain);
        }
        RequestMappingInfoHandlerMapping handlerMapping = null;
        for (AnnotatedMapping annotated : annotatedMappings()) {
            if (matchesAny(annotated.paths(), path)) {
                handlerMapping = annotated.mapping();
                break;
            }
        }
        if (handlerMapping == null) {
            return chain.filter(exchange);
        }
        return handlerMapping.getHandler(exchange)
            .map((handler) -> handler instanceof HandlerMethod handlerMethod && this.handlers.isWebhook(handlerMethod))
            .defaultIfEmpty(false)
            .flatMap((webhook) -> webhook ? validate(exchange, chain) : chain.filter(exchange));
    }

    private static boolean matchesAny(PathPattern[] patterns, PathContainer path) {
        for (PathPattern pattern : patterns) {
            if (pattern.matches(path)) {
                return true;
            }
        }
        return false;
    }

    private AnnotatedMapping[] annotatedMappings() {
        AnnotatedMapping[] annotatedMappings = this.annotatedMappings;
        if (annotatedMappings == null) {
            List<AnnotatedMapping> found = new ArrayList<>();
            for (RequestMappingInfoHandlerMapping handlerMapping : this.handlerMappings) {
                List<PathPattern> patterns = new ArrayList<>();
                handlerMapping.getHandlerMethods().forEach((info, handlerMethod) -> {
                    if (AnnotatedWebhookHandlers.isAnnotated(handlerMethod)) {
                        patterns.addAll(info.getPatternsCondition().getPatterns());
                    }
                });
                if (!patterns.isEmpty()) {
                    found.add(new AnnotatedMapping(handlerMapping, patterns.toArray(PathPattern[]::new)));
                }
            }
            annotatedMappings = found.toArray(AnnotatedMapping[]::new);
            this.annotatedMappings = annotatedMappings;
        }
        return annotatedMappings;
    }

    /**
     * A handler mapping that has {@code @TwilioWebhook} methods, and their path patterns.
     */
    private record AnnotatedMapping(RequestMappingInfoHandlerMapping mapping, PathPattern[] paths) {
    }

    private Mono<Void> validate(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String method = request.getMethod().name();
        URI uri = request.getURI();
        String url = this.urls.resolve(String.valueOf(uri.getScheme()), String.valueOf(uri.getHost()), uri.getPort(),
                uri.getRawPath(), uri.getRawQuery());
        HttpHeaders headers = request.getHeaders();
        String signature = headers.getFirst(TwilioSignature.HEADER);
        MediaType contentType = headers.getContentType();
        boolean form = MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(contentType);
        if (!form && headers.getContentLength() <= 0 && !headers.containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
            return proceedIfValid(TwilioWebhookRequest.withoutBody(method, url, signature), exchange, chain);
        }
        return DataBufferUtils.join(request.getBody(), this.maxBodySize)
            .map(TwilioWebhookWebFilter::bytes)
            .defaultIfEmpty(new byte[0])
            .flatMap((body) -> {
                if (form) {
                    Charset charset = charset(contentType);
                    Map<String, List<String>> parameters = TwilioWebhookRequest.parseForm(new String(body, charset),
                            charset);
                    return proceedIfValid(TwilioWebhookRequest.form(method, url, signature, parameters),
                            new ReadBodyExchange(exchange, body, parameters), chain);
                }
                return proceedIfValid(TwilioWebhookRequest.body(method, url, signature, body),
                        new ReadBodyExchange(exchange, body, null), chain);
            })
            .onErrorResume(DataBufferLimitException.class,
                    (ex) -> proceedIfValid(TwilioWebhookRequest.bodyTooLarge(method, url), exchange, chain));
    }

    private Mono<Void> proceedIfValid(TwilioWebhookRequest request, ServerWebExchange exchange, WebFilterChain chain) {
        if (!this.validator.validate(request).isAccepted()) {
            exchange.getResponse().setStatusCode(HttpStatus.FORBIDDEN);
            return exchange.getResponse().setComplete();
        }
        exchange.getAttributes().put(TwilioWebhookAccount.ATTRIBUTE, this.validator.account(request));
        String idempotencyToken = exchange.getRequest()
            .getHeaders()
            .getFirst(WebhookDeduplicator.IDEMPOTENCY_TOKEN_HEADER);
        if (this.deduplicator == null || idempotencyToken == null) {
            return chain.filter(exchange);
        }
        CompletableFuture<DeliveryDecision> decision = this.deduplicator.decide(request, idempotencyToken);
        Mono<DeliveryDecision> decided = decision.isDone() ? Mono.just(decision.join())
                : Mono.fromFuture(decision).publishOn(Schedulers.parallel());
        return decided.flatMap((outcome) -> answer(outcome, exchange, chain));
    }

    private static Mono<Void> answer(DeliveryDecision decision, ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpResponse response = exchange.getResponse();
        if (decision instanceof DeliveryDecision.Replay replay) {
            RecordedResponse recorded = replay.response();
            response.setStatusCode(HttpStatusCode.valueOf(recorded.status()));
            if (recorded.contentType() != null) {
                response.getHeaders().set(HttpHeaders.CONTENT_TYPE, recorded.contentType());
            }
            response.getHeaders().setContentLength(recorded.body().length);
            return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(recorded.body())));
        }
        if (decision instanceof DeliveryDecision.Busy busy) {
            response.setStatusCode(HttpStatus.CONFLICT);
            response.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(busy.retryAfter().toSeconds()));
            return response.setComplete();
        }
        ResponseRecorder recorder = ((DeliveryDecision.Handle) decision).recorder();
        if (recorder == null) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate().response(new RecordingResponse(response, recorder)).build())
            .doFinally((signal) -> {
                if (signal == SignalType.ON_COMPLETE) {
                    HttpStatusCode status = response.getStatusCode();
                    recorder.finish((status != null) ? status.value() : HttpStatus.OK.value(),
                            response.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE));
                }
                else {
                    recorder.abandon();
                }
            });
    }

    private static byte[] bytes(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        }
        finally {
            DataBufferUtils.release(buffer);
        }
    }

    private static Charset charset(@Nullable MediaType contentType) {
        Charset charset = (contentType != null) ? contentType.getCharset() : null;
        return (charset != null) ? charset : StandardCharsets.UTF_8;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public String toString() {
        return "TwilioWebhookWebFilter[paths=" + Arrays.toString(this.paths) + ", " + this.urls + "]";
    }

    /**
     * The exchange handed on after validation: its request's body is the bytes read, and its form
     * data the parameters parsed from them.
     */
    private static final class ReadBodyExchange extends ServerWebExchangeDecorator {

        private final ServerHttpRequest request;

        private final @Nullable Mono<MultiValueMap<String, String>> formData;

        ReadBodyExchange(ServerWebExchange exchange, byte[] body, @Nullable Map<String, List<String>> parameters) {
            super(exchange);
            ServerHttpRequest original = exchange.getRequest();
            this.request = new ServerHttpRequestDecorator(original) {
                @Override
                public Flux<DataBuffer> getBody() {
                    return Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(body)));
                }
            };
            this.formData = (parameters != null) ? Mono.just(formData(parameters)) : null;
        }

        private static MultiValueMap<String, String> formData(Map<String, List<String>> parameters) {
            LinkedMultiValueMap<String, String> formData = new LinkedMultiValueMap<>();
            parameters.forEach((name, values) -> formData.addAll(name, values));
            return formData;
        }

        @Override
        public ServerHttpRequest getRequest() {
            return this.request;
        }

        @Override
        public Mono<MultiValueMap<String, String>> getFormData() {
            return (this.formData != null) ? this.formData : super.getFormData();
        }
    }
}
