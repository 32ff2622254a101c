package io.github.twilioauth.autoconfigure;

import io.github.twilioauth.client.TwilioClient;
import io.github.twilioauth.client.TwilioEndpoints;
import io.github.twilioauth.credential.AuthType;
import io.github.twilioauth.credential.BasicCredentialProvider;
import io.github.twilioauth.credential.ClientCredentialProvider;
import io.github.twilioauth.credential.CredentialProvider;
import io.github.twilioauth.credential.NoAuthCredentialProvider;
import io.github.twilioauth.credential.OrgsCredentialProvider;
import io.github.twilioauth.http.TwilioAuthInterceptor;
import io.github.twilioauth.strategy.FakeTokenManager;
import io.github.twilioauth.token.ApiTokenManager;
import io.github.twilioauth.token.OrgsTokenManager;
import io.github.twilioauth.token.TokenManager;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

class TwilioAutoConfigurationTest {

    private static final String ACCOUNT_SID = "AC00000000000000000000000000000001";

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(RestClientAutoConfiguration.class, TwilioTokenAutoConfiguration.class,
                    TwilioCredentialsAutoConfiguration.class, TwilioHttpAutoConfiguration.class, TwilioAutoConfiguration.class));

    @Nested
    class BasicWithAuthToken {

        private final ApplicationContextRunner runner = TwilioAutoConfigurationTest.this.runner
            .withPropertyValues("twilio.auth.type=basic", "twilio.account-sid=" + ACCOUNT_SID,
                    "twilio.auth.auth-token=auth-token-value");

        @Test
        void createsBasicCredentialProviderForTheAccountSid() {
            this.runner.run((context) -> assertThat(context.getBean(CredentialProvider.class))
                .isInstanceOfSatisfying(BasicCredentialProvider.class, (provider) -> {
                    assertThat(provider.getAuthType()).isEqualTo(AuthType.BASIC);
                    assertThat(provider.getUsername()).isEqualTo(ACCOUNT_SID);
                }));
        }

        @Test
        void createsInterceptorWithTheProvidersStrategy() {
            this.runner.run((context) -> assertThat(context.getBean(TwilioAuthInterceptor.class).getAuthStrategy())
                .isSameAs(context.getBean(CredentialProvider.class).toAuthStrategy()));
        }

        @Test
        void createsTwilioRestClient() {
            this.runner.run((context) -> assertThat(context.getBean(TwilioAutoConfiguration.REST_CLIENT_BEAN_NAME))
                .isInstanceOf(RestClient.class));
        }

        @Test
        void createsTwilioClientForTheAccountSid() {
            this.runner.run((context) -> assertThat(context.getBean(TwilioClient.class).getAccountSid())
                .isEqualTo(ACCOUNT_SID));
        }

        @Test
        void createsNoTokenManager() {
            this.runner.run((context) -> assertThat(context).doesNotHaveBean(TokenManager.class));
        }
    }

    @Nested
    class BasicWithApiKey {

        private final ApplicationContextRunner runner = TwilioAutoConfigurationTest.this.runner
            .withPropertyValues("twilio.auth.type=basic", "twilio.account-sid=" + ACCOUNT_SID,
                    "twilio.auth.api-key=SK00000000000000000000000000000001", "twilio.auth.api-secret=api-secret-value");

        @Test
        void createsBasicCredentialProviderForTheApiKey() {
            this.runner.run((context) -> assertThat(context.getBean(CredentialProvider.class))
                .isInstanceOfSatisfying(BasicCredentialProvider.class, (provider) -> {
                    assertThat(provider.getAuthType()).isEqualTo(AuthType.BASIC);
                    assertThat(provider.getUsername()).isEqualTo("SK00000000000000000000000000000001");
                }));
        }

        @Test
        void createsInterceptorWithTheProvidersStrategy() {
            this.runner.run((context) -> assertThat(context.getBean(TwilioAuthInterceptor.class).getAuthStrategy())
                .isSameAs(context.getBean(CredentialProvider.class).toAuthStrategy()));
        }

        @Test
        void createsTwilioRestClient() {
            this.runner.run((context) -> assertThat(context.getBean(TwilioAutoConfiguration.REST_CLIENT_BEAN_NAME))
                .isInstanceOf(RestClient.class));
        }

        @Test
        void createsTwilioClientForTheAccountSid() {
            this.runner.run((context) -> assertThat(context.getBean(TwilioClient.class).getAccountSid())
                .isEqualTo(ACCOUNT_SID));
        }

        @Test
        void createsNoTokenManager() {
            this.runner.run((context) -> assertThat(context).doesNotHaveBean(TokenManager.class));
        }
    }

    @Nested
    class ClientCredentials {

        private final ApplicationContextRunner runner = TwilioAutoConfigurationTest.this.runner.withPropertyValues(
                "twilio.auth.type=client-credentials", "twilio.account-sid=" + ACCOUNT_SID,
                "twilio.auth.client-id=client-id-value", "twilio.auth.client-secret=client-secret-value");

        @Test
        void createsClientCredentialProvider() {
            this.runner.run((context) -> assertThat(context.getBean(CredentialProvider.class))
                .isInstanceOfSatisfying(ClientCredentialProvider.class,
                        (provider) -> assertThat(provider.getAuthType()).isEqualTo(AuthType.CLIENT_CREDENTIALS)));
        }

        @Test
        void createsApiTokenManager() {
            this.runner.run((context) -> assertThat(context).getBean(TokenManager.class)
                .isInstanceOf(ApiTokenManager.class));
        }

        @Test
        void providerUsesTheTokenManagerBean() {
            this.runner.run((context) -> assertThat(
                    context.getBean(ClientCredentialProvider.class).getTokenManager())
                .isSameAs(context.getBean(TokenManager.class)));
        }

        @Test
        void createsInterceptorWithTheProvidersStrategy() {
            this.runner.run((context) -> assertThat(context.getBean(TwilioAuthInterceptor.class).getAuthStrategy())
                .isSameAs(context.getBean(CredentialProvider.class).toAuthStrategy()));
        }

        @Test
        void createsTwilioRestClient() {
            this.runner.run((context) -> assertThat(context.getBean(TwilioAutoConfiguration.REST_CLIENT_BEAN_NAME))
                .isInstanceOf(RestClient.class));
        }

        @Test
        void createsTwilioClientForTheAccountSid() {
            this.runner.run((context) -> assertThat(context.getBean(TwilioClient.class).getAccountSid())
                .isEqualTo(ACCOUNT_SID));
        }
    }

    @Nested
    class Orgs {

        private final ApplicationContextRunner runner = TwilioAutoConfigurationTest.this.runner.withPropertyValues(
                "twilio.auth.type=orgs", "twilio.account-sid=" + ACCOUNT_SID, "twilio.auth.client-id=client-id-value",
                "twilio.auth.client-secret=client-secret-value");

        @Test
        void createsOrgsCredentialProvider() {
            this.runner.run((context) -> assertThat(context.getBean(CredentialProvider.class))
                .isInstanceOfSatisfying(OrgsCredentialProvider.class,
                        (provider) -> assertThat(provider.getAuthType()).isEqualTo(AuthType.ORGS)));
        }

        @Test
        void createsOrgsTokenManager() {
            this.runner.run((context) -> assertThat(context).getBean(TokenManager.class)
                .isInstanceOf(OrgsTokenManager.class));
        }

        @Test
        void providerUsesTheTokenManagerBean() {
            this.runner.run((context) -> assertThat(context.getBean(OrgsCredentialProvider.class).getTokenManager())
                .isSameAs(context.getBean(TokenManager.class)));
        }

        @Test
        void createsInterceptorWithTheProvidersStrategy() {
            this.runner.run((context) -> assertThat(context.getBean(TwilioAuthInterceptor.class).getAuthStrategy())
                .isSameAs(context.getBean(CredentialProvider.class).toAuthStrategy()));
        }

        @Test
        void createsTwilioRestClient() {
            this.runner.run((context) -> assertThat(context.getBean(TwilioAutoConfiguration.REST_CLIENT_BEAN_NAME))
                .isInstanceOf(RestClient.class));
        }

        @Test
        void createsTwilioClientForTheAccountSid() {
            this.runner.run((context) -> assertThat(context.getBean(TwilioClient.class).getAccountSid())
                .isEqualTo(ACCOUNT_SID));
        }
    }

    @Nested
    class NoAuth {

        private final ApplicationContextRunner runner = TwilioAutoConfigurationTest.this.runner
            .withPropertyValues("twilio.auth.type=noauth", "twilio.account-sid=" + ACCOUNT_SID);

        @Test
        void createsNoAuthCredentialProvider() {
            this.runner.run((context) -> assertThat(context.getBean(CredentialProvider.class))
                .isInstanceOfSatisfying(NoAuthCredentialProvider.class,
                        (provider) -> assertThat(provider.getAuthType()).isEqualTo(AuthType.NOAUTH)));
        }

        @Test
        void createsInterceptorWithTheProvidersStrategy() {
            this.runner.run((context) -> assertThat(context.getBean(TwilioAuthInterceptor.class).getAuthStrategy())
                .isSameAs(context.getBean(CredentialProvider.class).toAuthStrategy()));
        }

        @Test
        void createsTwilioRestClient() {
            this.runner.run((context) -> assertThat(context.getBean(TwilioAutoConfiguration.REST_CLIENT_BEAN_NAME))
                .isInstanceOf(RestClient.class));
        }

        @Test
        void createsTwilioClientForTheAccountSid() {
            this.runner.run((context) -> assertThat(context.getBean(TwilioClient.class).getAccountSid())
                .isEqualTo(ACCOUNT_SID));
        }

        @Test
        void createsNoTokenManager() {
            this.runner.run((context) -> assertThat(context).doesNotHaveBean(TokenManager.class));
        }
    }

    @Nested
    class InferredType {

        @Test
        void clientIdAndSecretAloneMeanClientCredentials() {
            TwilioAutoConfigurationTest.this.runner
                .withPropertyValues("twilio.auth.client-id=client-id-value", "twilio.auth.client-secret=secret-value")
                .run((context) -> assertThat(context.getBean(CredentialProvider.class).getAuthType())
                    .isEqualTo(AuthType.CLIENT_CREDENTIALS));
        }

        @Test
        void authTokenAloneMeansBasic() {
            TwilioAutoConfigurationTest.this.runner
                .withPropertyValues("twilio.account-sid=" + ACCOUNT_SID, "twilio.auth.auth-token=auth-token-value")
                .run((context) -> assertThat(context.getBean(CredentialProvider.class).getAuthType())
                    .isEqualTo(AuthType.BASIC));
        }

        @Test
        void apiKeyAloneMeansBasic() {
            TwilioAutoConfigurationTest.this.runner
                .withPropertyValues("twilio.account-sid=" + ACCOUNT_SID,
                        "twilio.auth.api-key=SK00000000000000000000000000000001",
                        "twilio.auth.api-secret=api-secret-value")
                .run((context) -> assertThat(context.getBean(CredentialProvider.class).getAuthType())
                    .isEqualTo(AuthType.BASIC));
        }

        @Test
        void typeIsBoundIgnoringCase() {
            TwilioAutoConfigurationTest.this.runner
                .withPropertyValues("twilio.auth.type=Client-Credentials", "twilio.auth.client-id=client-id-value",
                        "twilio.auth.client-secret=secret-value")
                .run((context) -> assertThat(context.getBean(CredentialProvider.class).getAuthType())
                    .isEqualTo(AuthType.CLIENT_CREDENTIALS));
        }
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

        @Test
        void userTokenManagerReplacesTheClientIdAndSecretOfClientCredentials() {
            TwilioAutoConfigurationTest.this.runner.withUserConfiguration(UserTokenManagerConfiguration.class)
                .withPropertyValues("twilio.auth.type=client-credentials")
                .run((context) -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(ClientCredentialProvider.class).getTokenManager())
                        .isSameAs(context.getBean("userTokenManager"));
                });
        }

        @Test
        void userTokenManagerReplacesTheClientIdAndSecretOfOrgs() {
            TwilioAutoConfigurationTest.this.runner.withUserConfiguration(UserTokenManagerConfiguration.class)
                .withPropertyValues("twilio.auth.type=orgs")
                .run((context) -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(OrgsCredentialProvider.class).getTokenManager())
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
