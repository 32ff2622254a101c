package io.github.twilioauth.autoconfigure.standin;

import io.github.twilioauth.client.TwilioClient;
import io.github.twilioauth.client.TwilioClients;
import io.github.twilioauth.test.MockTwilioServer;
import io.github.twilioauth.test.RecordedRequest;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * An application with the single client and two tenants, as a new user writes it: its
 * {@code application.yml} ({@link #CONFIG}) configures an account with its Auth Token, tenant
 * {@code acme} with OAuth client credentials and tenant {@code globex} with an API key, and
 * nothing in it knows about the stand-in. The tests of the stand-in's Spring support run it, and
 * check with {@link #sendsThroughEveryClientWithItsCredentials} what reaches the stand-in.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class TenantsApplication {

    /** Where the application's configuration is. */
    static final String CONFIG = "spring.config.location=classpath:/io/github/twilioauth/autoconfigure/standin/application.yml";

    static final String SINGLE_ACCOUNT = "AC00000000000000000000000000000001";

    static final String ACME_ACCOUNT = "AC" + "a".repeat(32);

    static final String ACME_CLIENT = "OQ" + "a".repeat(32);

    static final String GLOBEX_ACCOUNT = "AC" + "b".repeat(32);

    static final String GLOBEX_API_KEY = "SK" + "b".repeat(32);

    /**
     * Sends one message through the single client, then one through each tenant, and checks
     * that the stand-in received each from its account, with its credentials.
     */
    static void sendsThroughEveryClientWithItsCredentials(TwilioClient twilio, TwilioClients tenants,
            MockTwilioServer server) {
        send(twilio);
        send(tenants.get("acme"));
        send(tenants.get("globex"));

        assertThat(server.requests()).extracting(RecordedRequest::path, RecordedRequest::authScheme,
                RecordedRequest::principal)
            .containsExactly(tuple(messages(SINGLE_ACCOUNT), "Basic", SINGLE_ACCOUNT),
                    tuple(messages(ACME_ACCOUNT), "Bearer", ACME_ACCOUNT),
                    tuple(messages(GLOBEX_ACCOUNT), "Basic", GLOBEX_API_KEY));
        assertThat(server.tokenRequests()).extracting((request) -> request.clientId()).containsExactly(ACME_CLIENT);
    }

    private static void send(TwilioClient client) {
        client.messages().create("+15558675310", "+15005550006", "Your order has shipped");
    }

    static String messages(String accountSid) {
        return "/2010-04-01/Accounts/" + accountSid + "/Messages.json";
    }
}
