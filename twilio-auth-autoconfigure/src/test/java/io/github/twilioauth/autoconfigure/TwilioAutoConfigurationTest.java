package io.github.twilioauth.autoconfigure;

import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import io.github.twilioauth.client.TwilioClient;
import io.github.twilioauth.client.TwilioEndpoints;
import io.github.twilioauth.credential.AuthType;
import io.github.twilioauth.credential.BasicCredentialProvider;
import io.github.twilioauth.credential.ClientCredentialProvider;
import io.github.twilioauth.credential.CredentialProvider;
import io.github.twilioauth.credential.NoAuthCredentialProvider;
import io.github.twilioauth.credential.OAuthCredentialProvider;
import io.github.twilioauth.credential.OrgsCredentialProvider;
import io.github.twilioauth.http.TwilioAuthInterceptor;
import io.github.twilioauth.strategy.FakeTokenManager;
import io.github.twilioauth.testsupport.TwilioAutoConfigurations;
import io.github.twilioauth.token.ApiTokenManager;
import io.github.twilioauth.token.OrgsTokenManager;
import io.github.twilioauth.token.TokenManager;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * What the auto-configuration creates for each way of authenticating, which one it infers from
 * the credentials given, and how the beans of the application replace its own.
 */
class TwilioAutoConfigurationTest {

    private static final String ACCOUNT_SID = "AC00000000000000000000000000000001";

    private static final String API_KEY = "SK00000000000000000000000000000001";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(TwilioAutoConfigurations.client());

    /**
     * Each way of authenticating the properties can configure, with what it creates.
     */
    enum ConfiguredAuth {

        BASIC_WITH_AUTH_TOKEN(BasicCredentialProvider.class, AuthType.BASIC, null, "twilio.auth.type=basic",
                "twilio.auth.auth-token=auth-token-value"),

        BASIC_WITH_API_KEY(BasicCredentialProvider.class, AuthType.BASIC, null, "twilio.auth.type=basic",
                "twilio.auth.api-key=" + API_KEY, "twilio.auth.api-secret=api-secret-value"),

        CLIENT_CREDENTIALS(ClientCredentialProvider.class, AuthType.CLIENT_CREDENTIALS, ApiTokenManager.class,
                "twilio.auth.type=client-credentials", "twilio.auth.client-id=client-id-value",
                "twilio.auth.client-secret=client-secret-value"),

        ORGS(OrgsCredentialProvider.class, AuthType.ORGS, OrgsTokenManager.class, "twilio.auth.type=orgs",
                "twilio.auth.client-id=client-id-value", "twilio.auth.client-secret=client-secret-value"),

        NOAUTH(NoAuthCredentialProvider.class, AuthType.NOAUTH, null, "twilio.auth.type=noauth");

        final Class<? extends CredentialProvider> providerType;

        final AuthType authType;

        final Class<? extends TokenManager> tokenManagerType;

        final String[] properties;

        ConfiguredAuth(Class<? extends CredentialProvider> providerType, AuthType authType,
                Class<? extends TokenManager> tokenManagerType, String... properties) {
            this.providerType = providerType;
            this.authType = authType;
            this.tokenManagerType = tokenManagerType;
            this.properties = properties;
        }
    }

    private ApplicationContextRunner configured(ConfiguredAuth auth) {
        return this.runner.withPropertyValues("twilio.account-sid=" + ACCOUNT_SID).withPropertyValues(auth.properties);
    }

    @ParameterizedTest
    @EnumSource
    void createsTheCredentialProviderOfTheAuthType(ConfiguredAuth auth) {
        configured(auth).run((context) -> assertThat(context.getBean(CredentialProvider.class))
            .isInstanceOf(auth.providerType)
            .satisfies((provider) -> assertThat(provider.getAuthType()).isEqualTo(auth.authType)));
    }

    @ParameterizedTest
    @CsvSource({ "BASIC_WITH_AUTH_TOKEN, " + ACCOUNT_SID, "BASIC_WITH_API_KEY, " + API_KEY })
    void basicCredentialsAreForTheAccountSidOrTheApiKey(ConfiguredAuth auth, String username) {
        configured(auth).run((context) -> assertThat(context.getBean(CredentialProvider.class))
            .isInstanceOfSatisfying(BasicCredentialProvider.class,
                    (provider) -> assertThat(provider.getUsername()).isEqualTo(username)));
    }

    @ParameterizedTest
    @EnumSource
    void createsInterceptorWithTheProvidersStrategy(ConfiguredAuth auth) {
        configured(auth).run((context) -> assertThat(context.getBean(TwilioAuthInterceptor.class).getAuthStrategy())
            .isSameAs(context.getBean(CredentialProvider.class).toAuthStrategy()));
    }

    @ParameterizedTest
    @EnumSource
    void createsTwilioRestClient(ConfiguredAuth auth) {
        configured(auth).run((context) -> assertThat(context.getBean(TwilioAutoConfiguration.REST_CLIENT_BEAN_NAME))
            .isInstanceOf(RestClient.class));
    }

    @ParameterizedTest
    @EnumSource
    void createsTwilioClientForTheAccountSid(ConfiguredAuth auth) {
        configured(auth).run((context) -> assertThat(context.getBean(TwilioClient.class).getAccountSid())
            .isEqualTo(ACCOUNT_SID));
    }

    @ParameterizedTest
    @EnumSource(names = { "BASIC_WITH_AUTH_TOKEN", "BASIC_WITH_API_KEY", "NOAUTH" })
    void createsNoTokenManagerWithoutOAuth(ConfiguredAuth auth) {
        configured(auth).run((context) -> assertThat(context).doesNotHaveBean(TokenManager.class));
    }

    @ParameterizedTest
    @EnumSource(names = { "CLIENT_CREDENTIALS", "ORGS" })
    void createsTheTokenManagerOfTheAuthType(ConfiguredAuth auth) {
        configured(auth).run((context) -> assertThat(context).getBean(TokenManager.class)
            .isInstanceOf(auth.tokenManagerType));
    }

    @ParameterizedTest
    @EnumSource(names = { "CLIENT_CREDENTIALS", "ORGS" })
    void oauthProviderUsesTheTokenManagerBean(ConfiguredAuth auth) {
        configured(auth).run((context) -> assertThat(context.getBean(OAuthCredentialProvider.class).getTokenManager())
            .isSameAs(context.getBean(TokenManager.class)));
    }

    static Stream<Arguments> inferredAuthTypes() {
        return Stream.of(
                arguments(named("client id and secret alone mean client credentials",
                        new String[] { "twilio.auth.client-id=client-id-value",
                                "twilio.auth.client-secret=secret-value" }),
                        AuthType.CLIENT_CREDENTIALS),
                arguments(named("an auth token alone means basic",
                        new String[] { "twilio.account-sid=" + ACCOUNT_SID,
                                "twilio.auth.auth-token=auth-token-value" }),
                        AuthType.BASIC),
                arguments(named("an API key alone means basic",
                        new String[] { "twilio.account-sid=" + ACCOUNT_SID, "twilio.auth.api-key=" + API_KEY,
                                "twilio.auth.api-secret=api-secret-value" }),
                        AuthType.BASIC),
                arguments(named("the type is bound ignoring case",
                        new String[] { "twilio.auth.type=Client-Credentials", "twilio.auth.client-id=client-id-value",
                                "twilio.auth.client-secret=secret-value" }),
                        AuthType.CLIENT_CREDENTIALS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inferredAuthTypes")
    void authTypeIsInferredFromTheCredentialsGiven(String[] properties, AuthType expected) {
        this.runner.withPropertyValues(properties)
            .run((context) -> assertThat(context.getBean(CredentialProvider.class).getAuthType()).isEqualTo(expected));
    }

    @Nested
    class NothingConfigured {

        @Test
        void contextStarts() {
            TwilioAutoConfigurationTest.this.runner.run((context) -> assertThat(context).hasNotFailed());
        }

        @Test
        void createsNoTwilioBeans() {
            TwilioAutoConfigurationTest.this.runner.run((context) -> assertThat(context)
                .doesNotHaveBean(CredentialProvider.class)
                .doesNotHaveBean(TokenManager.class)
                .doesNotHaveBean(TwilioAuthInterceptor.class)
                .doesNotHaveBean(TwilioAutoConfiguration.REST_CLIENT_BEAN_NAME)
                .doesNotHaveBean(TwilioClient.class));
        }

        @Test
        void anAccountSidWithoutCredentialsCreatesNoTwilioBeans() {
            TwilioAutoConfigurationTest.this.runner.withPropertyValues("twilio.account-sid=" + ACCOUNT_SID)
                .run((context) -> assertThat(context).hasNotFailed()
                    .doesNotHaveBean(CredentialProvider.class)
                    .doesNotHaveBean(TwilioClient.class));
        }
    }

    @Nested
    class UserBeans {

        @ParameterizedTest
        @CsvSource({ "client-credentials, CLIENT_CREDENTIALS", "orgs, ORGS" })
        void userTokenManagerReplacesTheClientIdAndSecret(String type, ConfiguredAuth auth) {
            TwilioAutoConfigurationTest.this.runner.withUserConfiguration(UserTokenManagerConfiguration.class)
                .withPropertyValues("twilio.auth.type=" + type)
                .run((context) -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(CredentialProvider.class)).isInstanceOf(auth.providerType);
                    assertThat(context.getBean(OAuthCredentialProvider.class).getTokenManager())
                        .isSameAs(context.getBean("userTokenManager"));
                });
        }

        @Test
        void userTokenManagerBacksOffTheBuiltInOne() {
            TwilioAutoConfigurationTest.this.runner.withUserConfiguration(UserTokenManagerConfiguration.class)
                .withPropertyValues("twilio.auth.type=client-credentials", "twilio.auth.client-id=client-id-value",
                        "twilio.auth.client-secret=secret-value")
                .run((context) -> assertThat(context).getBean(TokenManager.class)
                    .isSameAs(context.getBean("userTokenManager")));
        }

        @Test
        void userCredentialProviderIsUsedByTheInterceptorWithoutAnyTwilioProperty() {
            TwilioAutoConfigurationTest.this.runner.withUserConfiguration(UserCredentialProviderConfiguration.class)
                .run((context) -> assertThat(context.getBean(TwilioAuthInterceptor.class).getAuthStrategy())
                    .isSameAs(context.getBean("userCredentialProvider", CredentialProvider.class).toAuthStrategy()));
        }

        @Test
        void userCredentialProviderGetsATwilioClient() {
            TwilioAutoConfigurationTest.this.runner.withUserConfiguration(UserCredentialProviderConfiguration.class)
                .run((context) -> assertThat(context).hasSingleBean(TwilioClient.class)
                    .hasBean(TwilioAutoConfiguration.REST_CLIENT_BEAN_NAME));
        }

        @Test
        void userCredentialProviderBacksOffTheConfiguredOne() {
            TwilioAutoConfigurationTest.this.runner.withUserConfiguration(UserCredentialProviderConfiguration.class)
                .withPropertyValues("twilio.account-sid=" + ACCOUNT_SID, "twilio.auth.auth-token=auth-token-value")
                .run((context) -> assertThat(context).getBean(CredentialProvider.class)
                    .isSameAs(context.getBean("userCredentialProvider")));
        }

        @Test
        void userCredentialProviderStartsWithoutTheClientSecretOfTheConfiguredType() {
            TwilioAutoConfigurationTest.this.runner.withUserConfiguration(UserCredentialProviderConfiguration.class)
                .withPropertyValues("twilio.auth.type=client-credentials", "twilio.auth.client-id=client-id-value")
                .run((context) -> assertThat(context).hasNotFailed()
                    .getBean(CredentialProvider.class)
                    .isSameAs(context.getBean("userCredentialProvider")));
        }

        @Test
        void userTwilioClientBacksOffOurs() {
            TwilioAutoConfigurationTest.this.runner.withUserConfiguration(UserTwilioClientConfiguration.class)
                .withPropertyValues("twilio.account-sid=" + ACCOUNT_SID, "twilio.auth.auth-token=auth-token-value")
                .run((context) -> assertThat(context).getBean(TwilioClient.class)
                    .isSameAs(context.getBean("userTwilioClient")));
        }

        @Test
        void twilioRestClientIsNotInjectedWhereARestClientIsExpectedByType() {
            TwilioAutoConfigurationTest.this.runner.withUserConfiguration(UserRestClientConfiguration.class)
                .withPropertyValues("twilio.account-sid=" + ACCOUNT_SID, "twilio.auth.auth-token=auth-token-value")
                .run((context) -> {
                    assertThat(context).hasNotFailed().hasBean(TwilioAutoConfiguration.REST_CLIENT_BEAN_NAME);
                    assertThat(context.getBean(RestClientConsumer.class).restClient())
                        .isSameAs(context.getBean("userRestClient"));
                });
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class UserTokenManagerConfiguration {

        @Bean
        TokenManager userTokenManager() {
            return new FakeTokenManager("user-token");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class UserCredentialProviderConfiguration {

        @Bean
        CredentialProvider userCredentialProvider() {
            return new NoAuthCredentialProvider();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class UserTwilioClientConfiguration {

        @Bean
        TwilioClient userTwilioClient() {
            return TwilioClient.create(RestClient.builder(), new NoAuthCredentialProvider(), TwilioEndpoints.global(),
                    "AC00000000000000000000000000000002");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class UserRestClientConfiguration {

        @Bean
        RestClient userRestClient() {
            return RestClient.create();
        }

        @Bean
        RestClientConsumer restClientConsumer(RestClient restClient) {
            return new RestClientConsumer(restClient);
        }
    }

    record RestClientConsumer(RestClient restClient) {
    }
}
