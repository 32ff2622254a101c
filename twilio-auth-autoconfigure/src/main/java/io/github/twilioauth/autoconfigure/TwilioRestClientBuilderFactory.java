package io.github.twilioauth.autoconfigure;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.github.twilioauth.TwilioUserAgent;
import io.github.twilioauth.observation.TwilioClientRequestObservationConvention;
import org.jspecify.annotations.Nullable;
import org.springframework.aot.hint.ExecutableMode;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.TypeReference;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpComponentsClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;
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
        return forTwilio(requestFactoryBuilder, http.getMaxConnections(),
                settings.withTimeouts(firstOf(http.getConnectTimeout(), settings.connectTimeout(), CONNECT_TIMEOUT),
                        firstOf(http.getReadTimeout(), settings.readTimeout(), READ_TIMEOUT)));
    }

    private static Duration firstOf(@Nullable Duration configured, @Nullable Duration boots, Duration fallback) {
        return (configured != null) ? configured : (boots != null) ? boots : fallback;
    }

    /**
     * Builds a request factory as Twilio calls and token requests need it: never following
     * redirects, and keeping no cookies, so nothing of one tenant's answers rides on another
     * tenant's requests through the shared client. For Apache HttpClient: without its automatic
     * retries, which resend any request answered 429 or 503, POST included, so an SMS could be
     * sent twice (retries are the retry interceptor's alone); without its redirect step and its
     * cookie store; and with a pool of {@code maxConnections} in all, to one host or several,
     * instead of its 5 to a host, which every tenant sharing the client would queue for. For
     * every builder of Boot's, with Boot's cookie handling ({@code spring.http.clients.cookie-handling},
     * Boot 4.1 and later) turned off, so that an application that turns it on for its clients
     * does not give the JDK's client a cookie store for Twilio calls (Jetty's client keeps one
     * unless told so); Boot 4.0 has no such setting and never gives a client a cookie store, and
     * a builder of the application's own keeps its settings.
     * @param builder the builder Boot would use, or another
     * @param maxConnections the size of Apache HttpClient's pool
     * @param settings the timeouts, SSL bundle and the rest
     * @return the request factory; its creator closes it
     */
    static ClientHttpRequestFactory forTwilio(ClientHttpRequestFactoryBuilder<?> builder, int maxConnections,
            HttpClientSettings settings) {
        HttpClientSettings twilio = settings.withRedirects(HttpRedirects.DONT_FOLLOW);
        if (CookieHandling.BOOTS_BUILDERS.contains(builder.getClass().getName())) {
            twilio = CookieHandling.disable(twilio);
        }
        ClientHttpRequestFactoryBuilder<?> configured = builder;
        if (builder instanceof HttpComponentsClientHttpRequestFactoryBuilder httpComponents) {
            configured = httpComponents
                .withHttpClientCustomizer((client) -> client.disableAutomaticRetries()
                    .disableRedirectHandling()
                    .disableCookieManagement())
                .withConnectionManagerCustomizer(
                        (pool) -> pool.setMaxConnPerRoute(maxConnections).setMaxConnTotal(maxConnections));
        }
        return configured.build(twilio);
    }

    /**
     * Registers what {@link #forTwilio} reads by reflection, for a native image: Boot's
     * {@code HttpCookieHandling} and {@code HttpClientSettings.withCookieHandling}, when present.
     * @param hints the hints
     * @param classLoader the class loader of the application
     */
    static void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
        if (ClassUtils.isPresent(CookieHandling.TYPE, classLoader)) {
            TypeReference type = TypeReference.of(CookieHandling.TYPE);
            hints.reflection().registerType(type, MemberCategory.INVOKE_PUBLIC_METHODS);
            hints.reflection()
                .registerType(HttpClientSettings.class,
                        (hint) -> hint.withMethod("withCookieHandling", List.of(type), ExecutableMode.INVOKE));
        }
    }

    static RestClient.Builder create(ClientHttpRequestFactory requestFactory, List<RestClientCustomizer> customizers) {
        RestClient.Builder builder = RestClient.builder().requestFactory(requestFactory);
        customizers.forEach((customizer) -> customizer.customize(builder));
        builder.observationConvention(new TwilioClientRequestObservationConvention());
        return builder;
    }

    /**
     * Boot's cookie handling, looked up by name: it came with Boot 4.1, and this module also
     * runs on Boot 4.0.
     */
    private static final class CookieHandling {

        /** Boot's builders, all of which honour {@code DISABLE} (a reflective one refuses it). */
        static final Set<String> BOOTS_BUILDERS = Set.of(
                "org.springframework.boot.http.client.HttpComponentsClientHttpRequestFactoryBuilder",
                "org.springframework.boot.http.client.JdkClientHttpRequestFactoryBuilder",
                "org.springframework.boot.http.client.JettyClientHttpRequestFactoryBuilder",
                "org.springframework.boot.http.client.ReactorClientHttpRequestFactoryBuilder",
                "org.springframework.boot.http.client.SimpleClientHttpRequestFactoryBuilder");

        /** Boot's cookie handling setting, an enum. */
        static final String TYPE = "org.springframework.boot.http.client.HttpCookieHandling";

        /** {@code HttpClientSettings.withCookieHandling}, or {@code null} before Boot 4.1. */
        private static final @Nullable Method WITH_COOKIE_HANDLING;

        /** {@code HttpCookieHandling.DISABLE}, or {@code null} before Boot 4.1. */
        private static final @Nullable Object DISABLE;

        static {
            ClassLoader loader = HttpClientSettings.class.getClassLoader();
            Class<?> type = ClassUtils.isPresent(TYPE, loader) ? ClassUtils.resolveClassName(TYPE, loader) : null;
            WITH_COOKIE_HANDLING = (type != null)
                    ? ReflectionUtils.findMethod(HttpClientSettings.class, "withCookieHandling", type) : null;
            DISABLE = (type != null) ? Arrays.stream(type.getEnumConstants())
                .filter((constant) -> ((Enum<?>) constant).name().equals("DISABLE"))
                .findFirst()
                .orElse(null) : null;
        }

        private CookieHandling() {
        }

        static HttpClientSettings disable(HttpClientSettings settings) {
            if (WITH_COOKIE_HANDLING == null || DISABLE == null) {
                return settings;
            }
            return (HttpClientSettings) Objects.requireNonNull(
                    ReflectionUtils.invokeMethod(WITH_COOKIE_HANDLING, settings, DISABLE), "withCookieHandling");
        }
    }
}
