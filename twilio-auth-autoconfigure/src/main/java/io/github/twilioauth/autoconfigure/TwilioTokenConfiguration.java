package io.github.twilioauth.autoconfigure;

import java.util.concurrent.ExecutorService;

import io.micrometer.observation.ObservationRegistry;

import io.github.twilioauth.credential.CredentialProvider;
import io.github.twilioauth.token.TokenExecutors;
import io.github.twilioauth.token.TokenManager;
import io.github.twilioauth.token.TokenManagerSettings;
import io.github.twilioauth.token.TokenStore;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpComponentsClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.SimpleClientHttpRequestFactoryBuilder;
import org.springframework.boot.thread.Threading;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.task.VirtualThreadTaskExecutor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * Configuration of what every built-in token manager shares, the single client's and every
 * tenant's, a {@code TwilioTenantRepository}'s included: one executor that runs token requests on at most
 * {@code twilio.token-requests.concurrency-limit} threads (virtual threads when
 * {@code spring.threads.virtual.enabled=true}), and one HTTP client for them, configured as
 * Spring Boot configures its own ({@code spring.http.clients.*}, SSL bundles) with the
 * {@code twilio.token-requests.*} timeouts and without following redirects. Both close with
 * the context. Threads and connections therefore stay bounded however many tenants there are.
 * <p>
 * One thread budget: a token request runs on an executor thread and on no other, so that
 * {@code n} token requests in flight cost {@code n} threads. The HTTP client is Apache
 * HttpClient when Spring Boot would choose it, and otherwise the JDK's
 * {@code HttpURLConnection} with the same settings (Boot's {@code simple} client): the JDK's
 * {@code HttpClient}, Jetty's and Reactor Netty's clients would each add threads of their own.
 * Only settings that {@code HttpURLConnection} cannot apply (SSL options, an InetAddress
 * filter, cookie handling) keep the client Boot chooses. A {@code ClientHttpRequestFactory} bean named
 * {@value TwilioAutoConfiguration#TOKEN_REQUEST_FACTORY_BEAN_NAME} replaces the choice. Each
 * manager holds at most one of the executor's threads (see
 * {@link io.github.twilioauth.token.TokenExecutors}).
 * <p>
 * Where tokens are kept ({@code twilio.token-store.*}): the {@link TokenStore} bean, when there
 * is one (the Redis store of {@code twilio.token-store.type=redis}, or the application's own),
 * goes into the {@link TokenManagerSettings}, so every built-in token manager built on them
 * shares its tokens with the other instances of the application.
 * <p>
 * Also the single client's built-in {@code TokenManager}, closed with the context, which only an
 * application's own {@code TokenManager} or {@code CredentialProvider} bean can replace: the
 * {@code CredentialProvider} of {@link TwilioCredentialsConfiguration} comes after it.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(OnTwilioTokenEngineCondition.class)
@EnableConfigurationProperties(TwilioTokenStoreProperties.class)
class TwilioTokenConfiguration {

    @Bean(name = TwilioAutoConfiguration.TOKEN_EXECUTOR_BEAN_NAME, defaultCandidate = false,
            destroyMethod = "shutdownNow")
    @ConditionalOnMissingBean(name = TwilioAutoConfiguration.TOKEN_EXECUTOR_BEAN_NAME)
    ExecutorService twilioTokenExecutor(TwilioProperties properties, Environment environment) {
        int limit = properties.getTokenRequests().getConcurrencyLimit();
        if (Threading.VIRTUAL.isActive(environment)) {
            return TokenExecutors.create(limit,
                    new VirtualThreadTaskExecutor(TokenExecutors.THREAD_NAME_PREFIX).getVirtualThreadFactory());
        }
        return TokenExecutors.create(limit);
    }

    @Bean(name = TwilioAutoConfiguration.TOKEN_REQUEST_FACTORY_BEAN_NAME, defaultCandidate = false)
    @ConditionalOnMissingBean(name = TwilioAutoConfiguration.TOKEN_REQUEST_FACTORY_BEAN_NAME)
    ClientHttpRequestFactory twilioTokenRequestFactory(TwilioProperties properties,
            ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilder,
            ObjectProvider<HttpClientSettings> httpClientSettings) {
        TwilioProperties.TokenRequests tokenRequests = properties.getTokenRequests();
        HttpClientSettings settings = httpClientSettings.getIfAvailable(HttpClientSettings::defaults)
            .withTimeouts(tokenRequests.getConnectTimeout(), tokenRequests.getReadTimeout());
        ClientHttpRequestFactoryBuilder<?> builder = requestFactoryBuilder
            .getIfAvailable(ClientHttpRequestFactoryBuilder::detect);
        int limit = tokenRequests.getConcurrencyLimit();
        if (!blocksTheCallerOnly(builder)) {
            try {
                return TwilioRestClientBuilderFactory.forTwilio(ClientHttpRequestFactoryBuilder.simple(), limit,
                        settings);
            }
            catch (IllegalStateException ex) {
                // Settings HttpURLConnection cannot apply (SSL options, an InetAddress filter), which
                // Boot's simple builder refuses: the client Boot chooses applies them.
            }
        }
        return TwilioRestClientBuilderFactory.forTwilio(builder, limit, settings);
    }

    /**
     * Whether a client sends a request on the calling thread and no other: Apache HttpClient's
     * classic API and the JDK's {@code HttpURLConnection} do. The JDK's {@code HttpClient},
     * Jetty's and Reactor Netty's write the request body and read the response on threads of
     * their own, beside the token executor's thread that waits for them.
     */
    private static boolean blocksTheCallerOnly(ClientHttpRequestFactoryBuilder<?> builder) {
        return builder instanceof HttpComponentsClientHttpRequestFactoryBuilder
                || builder instanceof SimpleClientHttpRequestFactoryBuilder;
    }

    /**
     * The single client's built-in token manager; a {@code TokenManager} or
     * {@code CredentialProvider} of the application replaces it.
     */
    @Bean
    @ConditionalOnMissingBean({ TokenManager.class, CredentialProvider.class })
    @ConditionalOnTwilioAuth(usingTokens = true)
    TokenManager twilioTokenManager(ConfigurableListableBeanFactory beanFactory, Environment environment,
            TokenManagerSettings tokenSettings) {
        return ConfiguredClients.get(beanFactory, environment).singleClient().createTokenManager(tokenSettings);
    }

    @Bean
    @ConditionalOnMissingBean
    TokenManagerSettings twilioTokenManagerSettings(TwilioProperties properties,
            TwilioTokenStoreProperties tokenStoreProperties,
            @Qualifier(TwilioAutoConfiguration.TOKEN_EXECUTOR_BEAN_NAME) ExecutorService executor,
            @Qualifier(TwilioAutoConfiguration.TOKEN_REQUEST_FACTORY_BEAN_NAME) ClientHttpRequestFactory requestFactory,
            ObjectProvider<ObservationRegistry> observationRegistry, ObjectProvider<TokenStore> tokenStores) {
        TwilioProperties.TokenRequests tokenRequests = properties.getTokenRequests();
        return TokenManagerSettings.builder()
            .connectTimeout(tokenRequests.getConnectTimeout())
            .readTimeout(tokenRequests.getReadTimeout())
            .executor(executor)
            .restClient(RestClient.builder()
                .requestFactory(requestFactory)
                .defaultHeader(HttpHeaders.USER_AGENT, TwilioRestClientBuilderFactory.userAgent())
                .build())
            .observationRegistry(observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP))
            .tokenStore(tokenStore(tokenStoreProperties, tokenStores))
            .build();
    }

    private static @Nullable TokenStore tokenStore(TwilioTokenStoreProperties properties,
            ObjectProvider<TokenStore> tokenStores) {
        TokenStore store = tokenStores.getIfUnique();
        if (store == null && properties.getType() == TwilioTokenStoreProperties.Type.REDIS) {
            throw new TwilioConfigurationException("twilio.token-store.type",
                    "twilio.token-store.type is redis but no token store could be built: the Redis store needs Spring"
                            + " Data Redis and a RedisConnectionFactory bean.",
                    "Add spring-boot-starter-data-redis and point spring.data.redis.* at your Redis, or set"
                            + " twilio.token-store.type=memory.");
        }
        return store;
    }
}
