package io.github.twilioauth.benchmarks;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import reactor.core.publisher.Mono;

import io.github.twilioauth.test.webhook.TwilioWebhookSigner;
import io.github.twilioauth.webhook.InMemoryAuthTokenResolver;
import io.github.twilioauth.webhook.TwilioWebhook;
import io.github.twilioauth.webhook.TwilioWebhookValidator;
import io.github.twilioauth.webhook.WebhookUrlResolver;
import io.github.twilioauth.webhook.reactive.TwilioWebhookWebFilter;
import io.github.twilioauth.webhook.servlet.TwilioWebhookHandlerInterceptor;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * What webhook validation costs a request to an endpoint that is not a webhook, next to no
 * validation at all, for Spring MVC ({@code HandlerInterceptor.preHandle}) and WebFlux
 * ({@code WebFilter.filter}); and, for scale, what validating a signed SMS webhook costs.
 * <p>
 * Requests are Spring's mock requests, built once and reused: the figures are the interceptor's
 * and the filter's own cost. The MVC request has its path parsed, as the {@code DispatcherServlet}
 * leaves it before interceptors run. The WebFlux filter knows one {@code @TwilioWebhook} method,
 * {@code POST /sms}, registered in a real {@code RequestMappingHandlerMapping}, and the request
 * goes to {@code /orders}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class WebhookBenchmark {

    private static final String AUTH_TOKEN = "benchmark-auth-token";

    private final HandlerInterceptor noInterceptor = new HandlerInterceptor() {
    };

    private TwilioWebhookHandlerInterceptor interceptor;

    private TwilioWebhookHandlerInterceptor interceptorWithPaths;

    private TwilioWebhookWebFilter webFilter;

    private TwilioWebhookValidator validator;

    private MockHttpServletRequest ordersRequest;

    private MockHttpServletRequest signedSms;

    private final MockHttpServletResponse response = new MockHttpServletResponse();

    private HandlerMethod ordersHandler;

    private HandlerMethod smsHandler;

    private ServerWebExchange ordersExchange;

    private final WebFilterChain chain = (exchange) -> Mono.empty();

    /**
     * Builds the interceptors, the filter and the requests.
     */
    @Setup
    public void setUp() throws NoSuchMethodException {
        this.validator = new TwilioWebhookValidator(InMemoryAuthTokenResolver.builder().defaultAuthTokens(AUTH_TOKEN, null)
            .build(), ObservationRegistry.NOOP);
        WebhookUrlResolver urls = new WebhookUrlResolver(null);
        this.interceptor = new TwilioWebhookHandlerInterceptor(this.validator, urls, List.of(), 1024 * 1024);
        this.interceptorWithPaths = new TwilioWebhookHandlerInterceptor(this.validator, urls, List.of("/twilio/**"),
                1024 * 1024);
        Controllers controllers = new Controllers();
        this.ordersHandler = new HandlerMethod(controllers, Controllers.class.getDeclaredMethod("orders"));
        Method sms = Controllers.class.getDeclaredMethod("sms");
        this.smsHandler = new HandlerMethod(controllers, sms);
        this.ordersRequest = new MockHttpServletRequest("POST", "/orders");
        this.ordersRequest.setContentType("application/json");
        ServletRequestPathUtils.parseAndCache(this.ordersRequest);
        this.signedSms = new MockHttpServletRequest("POST", "/sms");
        this.signedSms.setContentType("application/x-www-form-urlencoded");
        this.signedSms.addParameter("From", "+15558675310");
        this.signedSms.addParameter("Body", "Hello");
        this.signedSms.addHeader("X-Twilio-Signature", TwilioWebhookSigner.signature(AUTH_TOKEN, "http://localhost/sms",
                Map.of("From", List.of("+15558675310"), "Body", List.of("Hello"))));
        ServletRequestPathUtils.parseAndCache(this.signedSms);
        this.webFilter = new TwilioWebhookWebFilter(this.validator, urls, List.of(), 1024 * 1024,
                List.of(handlerMapping()));
        this.ordersExchange = MockServerWebExchange.from(MockServerHttpRequest.post("/orders").build());
        if (!mvcUnannotated() || !mvcSignedSms() || !mvcUnannotatedWithPaths()) {
            throw new IllegalStateException("Set-up error: a request was refused");
        }
    }

    private static RequestMappingHandlerMapping handlerMapping() {
        GenericApplicationContext context = new GenericApplicationContext();
        context.registerBean(Controllers.class);
        context.refresh();
        RequestMappingHandlerMapping mapping = new RequestMappingHandlerMapping();
        mapping.setApplicationContext(context);
        mapping.afterPropertiesSet();
        return mapping;
    }

    /**
     * Floor: an interceptor that lets every request through.
     */
    @Benchmark
    public boolean mvcNoInterceptor() throws Exception {
        return this.noInterceptor.preHandle(this.ordersRequest, this.response, this.ordersHandler);
    }

    /**
     * The webhook interceptor, request to an unannotated handler method.
     */
    @Benchmark
    public boolean mvcUnannotated() {
        return preHandle(this.interceptor, this.ordersRequest, this.ordersHandler);
    }

    /**
     * The same with {@code twilio.webhook.paths=/twilio/**}: one path match more.
     */
    @Benchmark
    public boolean mvcUnannotatedWithPaths() {
        return preHandle(this.interceptorWithPaths, this.ordersRequest, this.ordersHandler);
    }

    /**
     * For scale: validating a signed two-parameter SMS webhook (two HMACs: the URL as is and with
     * its default port).
     */
    @Benchmark
    public boolean mvcSignedSms() {
        return preHandle(this.interceptor, this.signedSms, this.smsHandler);
    }

    /**
     * Floor: a filter chain that completes at once, called directly.
     */
    @Benchmark
    public Mono<Void> webFluxNoFilter() {
        return this.chain.filter(this.ordersExchange);
    }

    /**
     * The webhook filter, request to a path no {@code @TwilioWebhook} method maps.
     */
    @Benchmark
    public Mono<Void> webFluxUnannotated() {
        return this.webFilter.filter(this.ordersExchange, this.chain);
    }

    private boolean preHandle(TwilioWebhookHandlerInterceptor interceptor, MockHttpServletRequest request,
            HandlerMethod handler) {
        try {
            return interceptor.preHandle(request, this.response, handler);
        }
        catch (java.io.IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /**
     * An application's controller: one webhook, one other endpoint.
     */
    @RestController
    public static class Controllers {

        /**
         * Not a webhook.
         * @return nothing
         */
        @PostMapping("/orders")
        public String orders() {
            return "orders";
        }

        /**
         * A webhook.
         * @return nothing
         */
        @TwilioWebhook
        @PostMapping("/sms")
        public String sms() {
            return "sms";
        }
    }
}
