package io.github.twilioauth.sdk.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.twilio.Twilio;
import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.previewiam.organizations.Account;
import com.twilio.type.PhoneNumber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.github.twilioauth.TwilioApiException;
import io.github.twilioauth.autoconfigure.TwilioAutoConfiguration;
import io.github.twilioauth.client.TwilioClients;
import io.github.twilioauth.client.TwilioTenant;
import io.github.twilioauth.client.TwilioTenantRepository;
import io.github.twilioauth.credential.BasicCredentialProviderBuilder;
import io.github.twilioauth.credential.ClientCredentialProviderBuilder;
import io.github.twilioauth.sdk.TwilioSdkClients;
import io.github.twilioauth.test.MockTwilioExtension;
import io.github.twilioauth.test.MockTwilioServer;
import io.github.twilioauth.test.RecordedRequest;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Applications that call Twilio through the auto-configured SDK clients, over real HTTP to the
 * stand-in: Boot's timeouts, tenants kept apart, the static default, the Organizations API.
 */
class TwilioSdkApplicationTest {

    static final String ACCOUNT_SID = "AC" + "6".repeat(32);

    static final String ACME_SID = "AC" + "7".repeat(32);

    static final String GLOBEX_SID = "AC" + "8".repeat(32);

    static final String GLOBEX_CLIENT_ID = "OQ" + "8".repeat(32);

    static final String ORG_SID = "OR" + "9".repeat(32);

    static final String ORG_CLIENT_ID = "OQ" + "9".repeat(32);

    static final List<String> ORG_ACCOUNTS = List.of(ACCOUNT_SID, ACME_SID, GLOBEX_SID);

    static final PhoneNumber TO = new PhoneNumber("+15558675310");

    static final PhoneNumber FROM = new PhoneNumber("+15005550006");

    @RegisterExtension
    static final MockTwilioExtension twilio = new MockTwilioExtension();

    private MockTwilioServer server;

    private ApplicationContextRunner runner;

    @BeforeEach
    void register() {
        this.server = twilio.server()
            .account(ACCOUNT_SID, "single-token")
            .account(ACME_SID, "acme-token")
            .oauthApp(GLOBEX_CLIENT_ID, "globex-secret", GLOBEX_SID)
            .organization(ORG_SID, ORG_CLIENT_ID, "org-secret", ORG_ACCOUNTS.toArray(String[]::new))
            .tokenLifetime(Duration.ofHours(1));
        this.runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
                    ImperativeHttpClientAutoConfiguration.class, RestClientAutoConfiguration.class,
                    TwilioAutoConfiguration.class, TwilioSdkAutoConfiguration.class))
            .withPropertyValues("twilio.base-url=" + this.server.baseUrl(),
                    "twilio.auth.token-url=" + this.server.tokenUrl(), "twilio.http.retry.delay=1ms");
    }

    @AfterEach
    void uninstallStaticClient() {
        Twilio.setRestClient(null);
    }

    private ApplicationContextRunner singleClient() {
        return this.runner.withPropertyValues("twilio.account-sid=" + ACCOUNT_SID,
                "twilio.auth.auth-token=single-token");
    }

    @ParameterizedTest
    @ValueSource(strings = { "twilio.http.read-timeout", "spring.http.clients.read-timeout" })
    void bootsReadTimeoutEndsASilentCallOnceWithoutRepeatingThePost(String property) {
        singleClient().withPropertyValues(property + "=300ms").run((context) -> {
            this.server.hangNextApiRequests(1);
            long start = System.nanoTime();

            assertThatExceptionOfType(ApiException.class)
                .isThrownBy(() -> Message.creator(TO, FROM, "Into the void").create(context.getBean(TwilioRestClient.class)))
                .withCauseInstanceOf(TwilioApiException.class)
                .satisfies((ex) -> assertThat(ex.getStatusCode()).isNull());

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            assertThat(this.server.requests()).extracting(RecordedRequest::method).containsExactly("POST");
        });
    }

    @Test
    void aRepositoryTenantsSdkClientSendsItsCredentialsAndIsRebuiltAfterEviction() {
        TwilioTenantRepository repository = (name) -> switch (name) {
            case "acme" -> TwilioTenant.builder()
                .credentials(new BasicCredentialProviderBuilder().setUsername(ACME_SID).setPassword("acme-token").build())
                .build();
            case "globex" -> TwilioTenant.builder()
                .accountSid(GLOBEX_SID)
                .credentials(new ClientCredentialProviderBuilder().setClientId(GLOBEX_CLIENT_ID)
                    .setClientSecret("globex-secret")
                    .build())
                .build();
            default -> null;
        };
        this.runner.withBean(TwilioTenantRepository.class, () -> repository).run((context) -> {
            TwilioSdkClients sdk = context.getBean(TwilioSdkClients.class);
            TwilioClients clients = context.getBean(TwilioClients.class);

            TwilioRestClient acme = sdk.get("acme");
            Message.creator(TO, FROM, "From Acme").create(acme);
            Message.creator(TO, FROM, "From Globex").create(sdk.get("globex"));
            assertThat(sdk.get("acme")).isSameAs(acme);
            clients.evict("acme");
            TwilioRestClient rebuilt = sdk.get("acme");
            Message.creator(TO, FROM, "From Acme again").create(rebuilt);

            assertThat(rebuilt).isNotSameAs(acme);
            assertThat(rebuilt.getAccountSid()).isEqualTo(ACME_SID);
            assertThatIllegalArgumentException().isThrownBy(() -> sdk.get("initech"));
            String messages = "/Messages.json";
            assertThat(this.server.requests())
                .extracting(RecordedRequest::path, RecordedRequest::authScheme, RecordedRequest::principal)
                .containsExactly(tuple("/2010-04-01/Accounts/" + ACME_SID + messages, "Basic", ACME_SID),
                        tuple("/2010-04-01/Accounts/" + GLOBEX_SID + messages, "Bearer", GLOBEX_SID),
                        tuple("/2010-04-01/Accounts/" + ACME_SID + messages, "Basic", ACME_SID));
            assertThat(this.server.tokenRequests()).singleElement()
                .satisfies((request) -> assertThat(request.clientId()).isEqualTo(GLOBEX_CLIENT_ID));
        });
    }

    @Test
    void eachTenantsSdkClientSendsThatTenantsCredentialsOnly() {
        this.runner
            .withPropertyValues("twilio.tenants.acme.base-url=" + this.server.baseUrl(),
                    "twilio.tenants.acme.account-sid=" + ACME_SID, "twilio.tenants.acme.auth.auth-token=acme-token",
                    "twilio.tenants.globex.base-url=" + this.server.baseUrl(),
                    "twilio.tenants.globex.account-sid=" + GLOBEX_SID,
                    "twilio.tenants.globex.auth.client-id=" + GLOBEX_CLIENT_ID,
                    "twilio.tenants.globex.auth.client-secret=globex-secret")
            .run((context) -> {
                TwilioSdkClients sdk = context.getBean(TwilioSdkClients.class);

                Message.creator(TO, FROM, "From Acme").create(sdk.get("acme"));
                Message globex = Message.creator(TO, FROM, "From Globex").create(sdk.get("globex"));
                assertThatExceptionOfType(ApiException.class)
                    .isThrownBy(() -> Message.fetcher(GLOBEX_SID, globex.getSid()).fetch(sdk.get("acme")))
                    .satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(401));

                String messages = "/Messages.json";
                assertThat(this.server.requests())
                    .extracting(RecordedRequest::path, RecordedRequest::authScheme, RecordedRequest::principal)
                    .containsExactly(tuple("/2010-04-01/Accounts/" + ACME_SID + messages, "Basic", ACME_SID),
                            tuple("/2010-04-01/Accounts/" + GLOBEX_SID + messages, "Bearer", GLOBEX_SID),
                            tuple("/2010-04-01/Accounts/" + GLOBEX_SID + "/Messages/" + globex.getSid() + ".json",
                                    "Basic", ACME_SID));
                assertThat(this.server.tokenRequests()).singleElement()
                    .satisfies((request) -> assertThat(request.clientId()).isEqualTo(GLOBEX_CLIENT_ID));
            });
    }

    @Test
    void initStaticSendsStaticSdkCallsThroughTheSingleClient() {
        singleClient().withPropertyValues("twilio.sdk.init-static=true").run((context) -> {
            Message message = Message.creator(TO, FROM, "Static call").create();

            assertThat(message.getAccountSid()).isEqualTo(ACCOUNT_SID);
            assertThat(this.server.requests()).singleElement()
                .extracting(RecordedRequest::method, RecordedRequest::authScheme, RecordedRequest::principal)
                .containsExactly("POST", "Basic", ACCOUNT_SID);
        });
    }

    @Test
    void readsTheAccountsOfAnOrganizationPageByPage() {
        this.runner
            .withPropertyValues("twilio.auth.type=orgs", "twilio.auth.client-id=" + ORG_CLIENT_ID,
                    "twilio.auth.client-secret=org-secret")
            .run((context) -> {
                List<String> accounts = new ArrayList<>();
                Account.reader(ORG_SID)
                    .setPageSize(2)
                    .read(context.getBean(TwilioRestClient.class))
                    .forEach((account) -> accounts.add(account.getAccountSid()));

                assertThat(accounts).isEqualTo(ORG_ACCOUNTS);
                assertThat(this.server.requests()).hasSize(2).allSatisfy((request) -> {
                    assertThat(request.method()).isEqualTo("GET");
                    assertThat(request.path()).isEqualTo("/Organizations/" + ORG_SID + "/Accounts");
                    assertThat(request.authScheme()).isEqualTo("Bearer");
                });
                // The second page is the next-page URL on preview-iam.twilio.com the stand-in answered, as
                // Twilio does; the bridge sends it to the base URL, naming the host it stands for.
                assertThat(this.server.requests()).extracting(RecordedRequest::forwardedHost)
                    .containsExactly("preview-iam.twilio.com", "preview-iam.twilio.com");
                assertThat(this.server.requests().get(1).query()).contains("PageSize=2", "PageToken=");
            });
    }
}
