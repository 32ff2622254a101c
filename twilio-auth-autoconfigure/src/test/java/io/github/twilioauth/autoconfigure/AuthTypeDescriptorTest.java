package io.github.twilioauth.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.github.twilioauth.TwilioApiException;
import io.github.twilioauth.client.TwilioClient;
import io.github.twilioauth.client.TwilioClients;
import io.github.twilioauth.credential.AuthType;
import io.github.twilioauth.test.MockTwilioInitializer;
import io.github.twilioauth.test.MockTwilioServer;
import io.github.twilioauth.test.RecordedRequest;
import io.github.twilioauth.testsupport.TwilioAutoConfigurations;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Every {@link AuthType} has its descriptor, and a client of every type, configured by its
 * properties alone, calls Twilio with credentials that the stand-in accepts: the one that
 * {@link MockTwilioInitializer} starts from the same properties, as an application running
 * offline does. The stand-in cannot see the descriptors (the starter's tests depend on it, not
 * the other way round), so this is where a new type proves that the stand-in knows what it
 * needs: {@link #example} does not compile until the type has its configuration.
 */
class AuthTypeDescriptorTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withInitializer(new MockTwilioInitializer())
        .withConfiguration(TwilioAutoConfigurations.client());

    @ParameterizedTest
    @EnumSource(AuthType.class)
    void everyTypeHasADescriptorOfItsOwn(AuthType type) {
        assertThat(AuthTypeDescriptor.of(type).type()).isEqualTo(type);
    }

    @ParameterizedTest
    @EnumSource(AuthType.class)
    void theSingleClientAndATenantOfEveryTypeCallTheStandInWithTheCredentialsItRegisteredForThem(AuthType type) {
        Example single = example(type, "twilio", 1);
        Example tenant = example(type, "twilio.tenants.t", 2);
        List<String> properties = new ArrayList<>(single.properties());
        properties.addAll(tenant.properties());
        this.runner.withPropertyValues(properties.toArray(String[]::new)).run((context) -> {
            TwilioClient singleClient = context.getBean(TwilioClient.class);
            TwilioClient tenantClient = context.getBean(TwilioClients.class).get("t");
            assertThat(singleClient.getCredentialProvider().getAuthType()).isEqualTo(type);
            assertThat(tenantClient.getCredentialProvider().getAuthType()).isEqualTo(type);

            single.sendsThrough(singleClient);
            tenant.sendsThrough(tenantClient);

            assertThat(context.getBean(MockTwilioServer.class).requests())
                .extracting(RecordedRequest::authScheme, RecordedRequest::principal)
                .containsExactly(tuple(single.scheme(), single.principal()),
                        tuple(tenant.scheme(), tenant.principal()));
        });
    }

    /**
     * A client of the given type for the stand-in: its properties, with types left to inference
     * where they can be, and how the stand-in sees its calls.
     */
    private static Example example(AuthType type, String prefix, int n) {
        String account = "AC" + String.valueOf(n).repeat(32);
        String clientId = "OQ" + String.valueOf(n).repeat(32);
        List<String> accountSid = List.of(prefix + ".account-sid=" + account);
        List<String> oauthApp = List.of(prefix + ".auth.client-id=" + clientId,
                prefix + ".auth.client-secret=secret-" + n);
        return switch (type) {
            case BASIC -> new Example(concat(accountSid, List.of(prefix + ".auth.auth-token=token-" + n)), "Basic",
                    account);
            case CLIENT_CREDENTIALS -> new Example(concat(accountSid, oauthApp), "Bearer", account);
            case ORGS -> new Example(concat(accountSid, List.of(prefix + ".auth.type=orgs"), oauthApp), "Bearer",
                    MockTwilioInitializer.organizationSid(clientId));
            case NOAUTH -> new Example(concat(accountSid, List.of(prefix + ".auth.type=noauth")), null, null);
        };
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        List<String> all = new ArrayList<>();
        for (List<String> list : lists) {
            all.addAll(list);
        }
        return all;
    }

    /**
     * @param properties the client's properties
     * @param scheme the scheme of its calls' {@code Authorization}, or {@code null} for none
     * @param principal who the stand-in sees calling, or {@code null} for nobody, whom Twilio
     * answers 401
     */
    private record Example(List<String> properties, @Nullable String scheme, @Nullable String principal) {

        void sendsThrough(TwilioClient client) {
            if (this.principal != null) {
                assertThat(client.messages().create("+15558675310", "+15005550006", "Hello").sid()).startsWith("SM");
            }
            else {
                assertThatExceptionOfType(TwilioApiException.class)
                    .isThrownBy(() -> client.messages().create("+15558675310", "+15005550006", "Hello"))
                    .satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(401));
            }
        }
    }
}
