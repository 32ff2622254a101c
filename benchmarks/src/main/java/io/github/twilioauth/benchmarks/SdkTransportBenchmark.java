package io.github.twilioauth.benchmarks;

import java.net.URI;
import java.util.concurrent.TimeUnit;

import com.twilio.http.HttpClient;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.core5.http.HttpHost;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import io.github.twilioauth.autoconfigure.TwilioAutoConfiguration;
import io.github.twilioauth.sdk.autoconfigure.TwilioSdkAutoConfiguration;
import io.github.twilioauth.test.MockTwilioServer;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.client.ClientHttpRequestFactory;

/**
 * {@code Message.creator(...).create(client)} over loopback against the stand-in: twilio-java on
 * its own transport ({@link NetworkHttpClient}, Apache HttpClient 5, as its default constructor
 * configures it) with Basic auth, next to twilio-java on the starter's bridge, auto-configured as
 * an application gets it, with OAuth client credentials (one token, cached). Both send the same
 * form to the same in-process stand-in; the SDK's transport is routed to it by an Apache route
 * planner, as it only knows {@code https://api.twilio.com}. The stand-in forgets its messages
 * and recorded requests before each iteration, so its memory stays flat.
 * <p>
 * The warm-up is long: at 8 threads on 2 cores the compiler threads share the cores with the
 * callers, and both transports still speed up after 30 seconds (iterations of 3 s from a cold
 * fork, ms a call: the SDK's transport 3.07, 2.12, 1.79 ... 0.86, 0.58, 0.53, 0.49; the bridge
 * 2.54, 2.10, 2.24 ... 0.86, 1.00, 0.67, 0.75, 0.57), so 50 seconds of warm-up, not 9, measure
 * both in their steady state rather than how fast each is compiled.
 */
@Warmup(iterations = 10, time = 5)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@State(Scope.Benchmark)
public class SdkTransportBenchmark {

    static final PhoneNumber TO = new PhoneNumber("+15558675310");

    static final PhoneNumber FROM = new PhoneNumber("+15005550006");

    private MockTwilioServer twilio;

    private TwilioRestClient sdkTransport;

    private ConfigurableApplicationContext application;

    private TwilioRestClient bridge;

    private ConfigurableApplicationContext basicApplication;

    private TwilioRestClient bridgeBasic;

    /**
     * Starts the stand-in, the SDK on its own transport and an application with the bridge, and
     * sends one message through each, so the bridge's token is fetched before measuring.
     */
    @Setup(Level.Trial)
    public void start() {
        this.twilio = LocalTwilio.start();
        this.sdkTransport = new TwilioRestClient.Builder(LocalTwilio.ACCOUNT_SID, LocalTwilio.AUTH_TOKEN)
            .httpClient(new NetworkHttpClient(toStandIn(this.twilio)))
            .build();
        this.application = new SpringApplicationBuilder(BridgeApplication.class).web(WebApplicationType.NONE)
            .properties("spring.main.banner-mode=off", "twilio.base-url=" + this.twilio.baseUrl(),
                    "twilio.account-sid=" + LocalTwilio.ACCOUNT_SID, "twilio.auth.client-id=" + LocalTwilio.CLIENT_ID,
                    "twilio.auth.client-secret=" + LocalTwilio.CLIENT_SECRET)
            .run();
        this.bridge = this.application.getBean(TwilioRestClient.class);
        this.basicApplication = new SpringApplicationBuilder(BridgeApplication.class).web(WebApplicationType.NONE)
            .properties("spring.main.banner-mode=off", "twilio.base-url=" + this.twilio.baseUrl(),
                    "twilio.account-sid=" + LocalTwilio.ACCOUNT_SID, "twilio.auth.auth-token=" + LocalTwilio.AUTH_TOKEN)
            .run();
        this.bridgeBasic = this.basicApplication.getBean(TwilioRestClient.class);
        send(this.sdkTransport);
        send(this.bridge);
        send(this.bridgeBasic);
    }

    /**
     * The SDK's default connection pool and timeouts (20 connections a route, 100 in all), its
     * routes all leading to the stand-in over plain HTTP.
     */
    private static HttpClientBuilder toStandIn(MockTwilioServer twilio) {
        PoolingHttpClientConnectionManager connections = new PoolingHttpClientConnectionManager();
        connections.setDefaultSocketConfig(HttpClient.DEFAULT_SOCKET_CONFIG);
        connections.setDefaultMaxPerRoute(20);
        connections.setMaxTotal(100);
        URI standIn = URI.create(twilio.baseUrl());
        HttpHost host = new HttpHost("http", standIn.getHost(), standIn.getPort());
        return HttpClientBuilder.create()
            .setConnectionManager(connections)
            .setDefaultRequestConfig(HttpClient.DEFAULT_REQUEST_CONFIG)
            .setRoutePlanner((target, context) -> new HttpRoute(host));
    }

    /**
     * Forgets the messages and requests of the previous iteration.
     */
    @Setup(Level.Iteration)
    public void forget() {
        this.twilio.reset();
    }

    /**
     * Closes the application and stops the stand-in.
     */
    @TearDown(Level.Trial)
    public void stop() {
        this.application.close();
        this.basicApplication.close();
        this.twilio.close();
    }

    /**
     * Returns the HTTP client of the application with Basic auth: the request factory its
     * bridge sends through.
     * @return the request factory
     */
    ClientHttpRequestFactory basicRequestFactory() {
        return this.basicApplication.getBean(TwilioAutoConfiguration.REQUEST_FACTORY_BEAN_NAME,
                ClientHttpRequestFactory.class);
    }

    /**
     * Returns the base URL of the stand-in.
     * @return the base URL
     */
    String standInUrl() {
        return this.twilio.baseUrl();
    }

    static Message send(TwilioRestClient client) {
        return Message.creator(TO, FROM, "Benchmark").create(client);
    }

    /** twilio-java's own transport, Basic auth, 1 thread. */
    @Benchmark
    @BenchmarkMode({ Mode.Throughput, Mode.SampleTime })
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Message sdkTransportBasic() {
        return send(this.sdkTransport);
    }

    /** The starter's bridge, OAuth client credentials, 1 thread. */
    @Benchmark
    @BenchmarkMode({ Mode.Throughput, Mode.SampleTime })
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Message bridgeOAuth() {
        return send(this.bridge);
    }

    /** The starter's bridge with Basic auth, as the SDK's transport, to tell transport from auth: 1 thread. */
    @Benchmark
    @BenchmarkMode({ Mode.Throughput, Mode.SampleTime })
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Message bridgeBasic() {
        return send(this.bridgeBasic);
    }

    /** twilio-java's own transport, Basic auth, 8 threads. */
    @Benchmark
    @Threads(8)
    @BenchmarkMode({ Mode.Throughput, Mode.SampleTime })
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Message sdkTransportBasicEightThreads() {
        return send(this.sdkTransport);
    }

    /** The starter's bridge, OAuth client credentials, 8 threads. */
    @Benchmark
    @Threads(8)
    @BenchmarkMode({ Mode.Throughput, Mode.SampleTime })
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Message bridgeOAuthEightThreads() {
        return send(this.bridge);
    }

    /** The starter's bridge with Basic auth, 8 threads. */
    @Benchmark
    @Threads(8)
    @BenchmarkMode({ Mode.Throughput, Mode.SampleTime })
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Message bridgeBasicEightThreads() {
        return send(this.bridgeBasic);
    }

    /**
     * An application with the starter and the SDK bridge: the auto-configurations its classpath
     * brings, listed, as the shaded jar has no single list of them.
     */
    @ImportAutoConfiguration({ HttpClientAutoConfiguration.class, ImperativeHttpClientAutoConfiguration.class,
            RestClientAutoConfiguration.class, TwilioAutoConfiguration.class, TwilioSdkAutoConfiguration.class })
    static class BridgeApplication {

    }
}
