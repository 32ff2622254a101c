package io.github.twilioauth.autoconfigure;

import java.time.Duration;
import java.util.List;

import io.github.twilioauth.TwilioUserAgent;
import io.github.twilioauth.observation.TwilioClientRequestObservationConvention;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpComponentsClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * Creates the {@code RestClient.Builder} of Twilio calls, configured as Boot configures its own
 * ({@code spring.http.clients.*} timeouts and SSL, {@code RestClientCustomizer}s such as
 * observations), except that it never follows redirects: the HTTP client would resend the
 * {@code Authorization} header to the redirect's host, and it tags {@code http.client.requests}
 * with {@link TwilioClientRequestObservationConvention} so that no SID reaches a metric. A fresh
 * builder, never the application's builder bean, so other clients never receive the Twilio
 * interceptors.
 */
final class TwilioRestClientBuilderFactory {

    /** Connect timeout of API calls when neither twilio.http nor spring.http.clients sets one. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** Read timeout of API calls when neither twilio.http nor spring.http.clients sets one. */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private TwilioRestClientBuilderFactory() {
    }

    /**
     * Returns the {@code User-Agent} of API calls and token requests, with Spring Boot's version.
     */
    static String userAgent() {
        return TwilioUserAgent.of(SpringBootVersion.getVersion());
    }

    /**
     * Creates the request factory of Twilio calls, as Boot would, but never following redirects,
     * and with finite timeouts: {@code twilio.http.*}, else {@code spring.http.clients.*}, else
     * 10 seconds to connect and 30 to read, as twilio-java. Its creator closes it.
     */
    static ClientHttpRequestFactory requestFactory(TwilioProperties.Http http,
            ClientHttpRequestFactoryBuilder<?> requestFactoryBuilder, HttpClientSettings settings) {
        settings = settings.withTimeouts(firstOf(http.getConnectTimeout(), settings.connectTimeout(), CONNECT_TIMEOUT),
                firstOf(http.getReadTimeout(), settings.readTimeout(), READ_TIMEOUT))
            .withRedirects(HttpRedirects.DONT_FOLLOW);
        return forTwilio(requestFactoryBuilder, http.getMaxConnections()).build(settings);
    }

    private static Duration firstOf(@Nullable Duration configured, @Nullable Duration boots, Duration fallback) {
        return (configured != null) ? configured : (boots != null) ? boots : fallback;
    }

    /**
     * Returns the given request factory builder as Twilio calls need it. For Apache HttpClient:
     * without its automatic retries, which resend any request answered 429 or 503, POST
     * included, so an SMS could be sent twice (retries are the retry interceptor's alone); and
     * with a pool of {@code maxConnections} in all, to one host or several, instead of its 5 to
     * a host, which every tenant sharing the client would queue for. Without its redirect
     * handling and its cookie store either: Twilio calls never follow a redirect (so the step is
     * left out, not only told to stop), and no cookie an answer sets is sent again, so nothing of
     * one tenant's answers rides on another tenant's requests through the shared client.
     */
    static ClientHttpRequestFactoryBuilder<?> forTwilio(ClientHttpRequestFactoryBuilder<?> builder,
            int maxConnections) {
        return (builder instanceof HttpComponentsClientHttpRequestFactoryBuilder httpComponents)
                ? httpComponents
                    .withHttpClientCustomizer((client) -> client.disableAutomaticRetries()
                        .disableRedirectHandling()
                        .disableCookieManagement())
                    .withConnectionManagerCustomizer(
                            (pool) -> pool.setMaxConnPerRoute(maxConnections).setMaxConnTotal(maxConnections))
                : builder;
    }

    static RestClient.Builder create(ClientHttpRequestFactory requestFactory, List<RestClientCustomizer> customizers) {
        RestClient.Builder builder = RestClient.builder().requestFactory(requestFactory);
        customizers.forEach((customizer) -> customizer.customize(builder));
        builder.observationConvention(new TwilioClientRequestObservationConvention());
        return builder;
    }
}
