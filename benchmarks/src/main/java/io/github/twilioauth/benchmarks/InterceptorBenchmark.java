package io.github.twilioauth.benchmarks;

import java.io.IOException;
import java.net.URI;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import io.github.twilioauth.http.TwilioAuthInterceptor;
import io.github.twilioauth.strategy.BasicAuthStrategy;
import io.github.twilioauth.strategy.TokenAuthStrategy;
import io.github.twilioauth.test.MockTwilioServer;
import io.github.twilioauth.token.ApiTokenManager;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * What {@link TwilioAuthInterceptor} adds to every request once a token is cached, next to its
 * floor: an interceptor that only sets a constant {@code Authorization} header. The request and
 * the response live in memory, so the figures are the interceptor's own cost.
 * <p>
 * The request is a {@code POST} to {@code https://api.twilio.com}, so the interceptor's
 * allowed-host check passes and credentials are added, as in production. Every interceptor is
 * shared by all threads, as one {@code RestClient} shares it; each thread has its own request.
 * Each operation sets the header, replacing the previous operation's.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class InterceptorBenchmark {

    private MockTwilioServer twilio;

    private ClientHttpRequestInterceptor bearer;

    private ClientHttpRequestInterceptor basic;

    private ClientHttpRequestInterceptor constantHeader;

    /**
     * Starts the Twilio stand-in and fetches the one token every bearer request uses.
     */
    @Setup
    public void fetchToken() {
        this.twilio = LocalTwilio.start();
        ApiTokenManager tokenManager = LocalTwilio.tokenManager(this.twilio);
        String authorization = "Bearer " + tokenManager.getToken();
        this.bearer = new TwilioAuthInterceptor(new TokenAuthStrategy(tokenManager));
        this.basic = new TwilioAuthInterceptor(new BasicAuthStrategy(LocalTwilio.ACCOUNT_SID, LocalTwilio.AUTH_TOKEN));
        this.constantHeader = (request, body, execution) -> {
            request.getHeaders().set(HttpHeaders.AUTHORIZATION, authorization);
            return execution.execute(request, body);
        };
    }

    /**
     * Stops the Twilio stand-in.
     */
    @TearDown
    public void stopTwilio() {
        this.twilio.close();
    }

    /**
     * The request of one thread and an execution that answers it without I/O.
     */
    @State(Scope.Thread)
    public static class Exchange {

        final InMemoryHttpRequest request = new InMemoryHttpRequest(HttpMethod.POST,
                URI.create("https://api.twilio.com/2010-04-01/Accounts/" + LocalTwilio.ACCOUNT_SID + "/Messages.json"));

        final byte[] body = new byte[0];

        private final ClientHttpResponse response = new PreparedResponse();

        final ClientHttpRequestExecution execution = (request, body) -> this.response;
    }

    /**
     * Floor: sets a constant header and executes.
     * @param exchange the thread's request
     * @return the response
     * @throws IOException never
     */
    @Benchmark
    public ClientHttpResponse constantHeader(Exchange exchange) throws IOException {
        return this.constantHeader.intercept(exchange.request, exchange.body, exchange.execution);
    }

    /**
     * Floor on two threads.
     * @param exchange the thread's request
     * @return the response
     * @throws IOException never
     */
    @Benchmark
    @Threads(2)
    public ClientHttpResponse constantHeaderTwoThreads(Exchange exchange) throws IOException {
        return this.constantHeader.intercept(exchange.request, exchange.body, exchange.execution);
    }

    /**
     * Bearer token from an {@code ApiTokenManager} holding a cached token.
     * @param exchange the thread's request
     * @return the response
     * @throws IOException never
     */
    @Benchmark
    public ClientHttpResponse bearerToken(Exchange exchange) throws IOException {
        return this.bearer.intercept(exchange.request, exchange.body, exchange.execution);
    }

    /**
     * Bearer token on two threads sharing the interceptor and its token manager.
     * @param exchange the thread's request
     * @return the response
     * @throws IOException never
     */
    @Benchmark
    @Threads(2)
    public ClientHttpResponse bearerTokenTwoThreads(Exchange exchange) throws IOException {
        return this.bearer.intercept(exchange.request, exchange.body, exchange.execution);
    }

    /**
     * Basic authentication with an Account SID and Auth Token.
     * @param exchange the thread's request
     * @return the response
     * @throws IOException never
     */
    @Benchmark
    public ClientHttpResponse basicAuth(Exchange exchange) throws IOException {
        return this.basic.intercept(exchange.request, exchange.body, exchange.execution);
    }

    /**
     * Basic authentication on two threads.
     * @param exchange the thread's request
     * @return the response
     * @throws IOException never
     */
    @Benchmark
    @Threads(2)
    public ClientHttpResponse basicAuthTwoThreads(Exchange exchange) throws IOException {
        return this.basic.intercept(exchange.request, exchange.body, exchange.execution);
    }
}
