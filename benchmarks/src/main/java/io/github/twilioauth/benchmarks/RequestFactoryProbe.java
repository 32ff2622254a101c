package io.github.twilioauth.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.twilio.auth_strategy.NoAuthStrategy;
import com.twilio.http.HttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;

import io.github.twilioauth.ResponseBodies;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpResponse;

/**
 * What the bridge would cost a call without Spring's {@code RestClient}, the question issue 24
 * leaves open: twilio-java on the starter's request factory directly (the same Apache client,
 * built by Boot), with the headers the bridge sends but no interceptor, no retry, no observation
 * and none of the application's {@code RestClientCustomizer}s. CPU time per call at 8 threads,
 * taking turns with the SDK's own transport and the bridge, as {@link SdkTransportComparison}
 * measures it. Not a transport of the starter: a probe of a design not taken. Run with
 * {@code java -cp benchmarks/target/benchmarks.jar io.github.twilioauth.benchmarks.RequestFactoryProbe}
 * (about 3 minutes).
 */
public final class RequestFactoryProbe {

    private RequestFactoryProbe() {
    }

    /**
     * Measures and prints CPU time per call of the three.
     * @param args none
     */
    public static void main(String[] args) {
        SdkTransportBenchmark benchmark = new SdkTransportBenchmark();
        benchmark.start();
        try {
            TwilioRestClient direct = new TwilioRestClient.Builder(NoAuthStrategy.getInstance())
                .accountSid(LocalTwilio.ACCOUNT_SID)
                .httpClient(new OnRequestFactory(benchmark.basicRequestFactory(), benchmark.standInUrl()))
                .build();
            SdkTransportBenchmark.send(direct);
            Map<String, Runnable> calls = new LinkedHashMap<>();
            calls.put("SDK transport (Basic)", benchmark::sdkTransportBasic);
            calls.put("bridge (Basic)", benchmark::bridgeBasic);
            calls.put("request factory alone (Basic)", () -> SdkTransportBenchmark.send(direct));
            SdkTransportComparison
                .printCpuPerCall(SdkTransportComparison.measureCpuPerCall(calls, benchmark::forget));
        }
        finally {
            benchmark.stop();
        }
    }

    /** twilio-java's requests straight onto a request factory, routed to the stand-in. */
    private static final class OnRequestFactory extends HttpClient {

        private final ClientHttpRequestFactory requestFactory;

        private final String standIn;

        private final String authorization = "Basic " + Base64.getEncoder()
            .encodeToString((LocalTwilio.ACCOUNT_SID + ":" + LocalTwilio.AUTH_TOKEN).getBytes(StandardCharsets.UTF_8));

        OnRequestFactory(ClientHttpRequestFactory requestFactory, String standIn) {
            this.requestFactory = requestFactory;
            this.standIn = standIn;
        }

        @Override
        public Response reliableRequest(Request request) {
            return makeRequest(request);
        }

        @Override
        public Response makeRequest(Request request) {
            String url = request.constructURL().toString();
            int path = url.indexOf('/', "https://".length());
            try {
                URI target = URI.create(this.standIn + url.substring(path));
                ClientHttpRequest call = this.requestFactory.createRequest(target,
                        HttpMethod.valueOf(request.getMethod().toString()));
                HttpHeaders headers = call.getHeaders();
                headers.set(HttpHeaders.AUTHORIZATION, this.authorization);
                headers.set(HttpHeaders.USER_AGENT, "twilio-auth-spring-boot");
                headers.set("X-Forwarded-Host", url.substring("https://".length(), path));
                byte[] body = request.encodeFormBody().getBytes(StandardCharsets.UTF_8);
                headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
                headers.setContentLength(body.length);
                call.getBody().write(body);
                try (ClientHttpResponse response = call.execute()) {
                    int status = response.getStatusCode().value();
                    byte[] read = ResponseBodies.readAtMost(response, 1 << 20);
                    return new Response(new String((read != null) ? read : new byte[0], StandardCharsets.UTF_8),
                            status);
                }
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
    }
}
