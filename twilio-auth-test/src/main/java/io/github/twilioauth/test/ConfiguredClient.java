package io.github.twilioauth.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.lang.Contract;
import org.springframework.util.StringUtils;

/**
 * A Twilio client an application configures: the single client of {@code twilio.*} or a tenant of
 * {@code twilio.tenants.<name>.*}, with the credentials a {@link MockTwilioServer} must accept for
 * it. Bound with Spring Boot's {@link Binder}, so that every form the starter reads (relaxed
 * names, environment variables such as {@code TWILIO_TENANTS_ACME_AUTH_AUTHTOKEN}) is read alike.
 *
 * @param prefix where the client's properties are: {@code twilio} or {@code twilio.tenants.<name>}
 * @param settings the client's properties
 */
record ConfiguredClient(String prefix, Settings settings) {

    private static final String SINGLE_CLIENT = "twilio";

    private static final String TENANTS = "twilio.tenants";

    /**
     * Returns the single client, configured or not, then every tenant.
     */
    static List<ConfiguredClient> of(Environment environment) {
        Binder binder = Binder.get(environment);
        List<ConfiguredClient> clients = new ArrayList<>();
        clients.add(new ConfiguredClient(SINGLE_CLIENT,
                binder.bind(SINGLE_CLIENT, Settings.class).orElse(new Settings(null, null, null))));
        binder.bind(TENANTS, Bindable.mapOf(String.class, Settings.class))
            .orElse(Map.of())
            .forEach((name, settings) -> clients.add(new ConfiguredClient(TENANTS + "." + name, settings)));
        return clients;
    }

    /**
     * Returns the properties that send the client's API calls and token requests to a server.
     */
    Map<String, Object> urlsOf(MockTwilioServer server) {
        return Map.of(this.prefix + ".base-url", server.baseUrl(), this.prefix + ".auth.token-url", server.tokenUrl());
    }

    /**
     * Registers the client's credentials with a server: the account's Auth Token (else its
     * webhook Auth Token, which is the account's too), its API key, and its OAuth app, which
     * gets tokens for the account, or, with {@code auth.type=orgs}, for an organization listing it.
     */
    void registerWith(MockTwilioServer server) {
        String accountSid = this.settings.accountSid();
        Auth auth = (this.settings.auth() != null) ? this.settings.auth() : new Auth(null, null, null, null, null, null);
        String webhookAuthToken = (this.settings.webhook() != null) ? this.settings.webhook().authToken() : null;
        if (has(accountSid) && has(auth.authToken())) {
            server.account(accountSid, auth.authToken());
        }
        else if (has(accountSid) && has(webhookAuthToken)) {
            server.account(accountSid, webhookAuthToken);
        }
        if (has(accountSid) && has(auth.apiKey()) && has(auth.apiSecret())) {
            server.apiKey(auth.apiKey(), auth.apiSecret(), accountSid);
        }
        if (!has(auth.clientId()) || !has(auth.clientSecret())) {
            return;
        }
        if ("orgs".equalsIgnoreCase(auth.type())) {
            server.organization(MockTwilioInitializer.organizationSid(auth.clientId()), auth.clientId(),
                    auth.clientSecret(), has(accountSid) ? new String[] { accountSid } : new String[0]);
        }
        else if (has(accountSid)) {
            server.oauthApp(auth.clientId(), auth.clientSecret(), accountSid);
        }
    }

    @Contract("null -> false")
    private static boolean has(@Nullable String value) {
        return StringUtils.hasText(value);
    }

    /**
     * The keys of one client the stand-in needs, as the starter names them.
     */
    record Settings(@Nullable String accountSid, @Nullable Auth auth, @Nullable Webhook webhook) {
    }

    /**
     * The {@code auth.*} keys of one client.
     */
    record Auth(@Nullable String type, @Nullable String clientId, @Nullable String clientSecret,
            @Nullable String authToken, @Nullable String apiKey, @Nullable String apiSecret) {

        @Override
        public String toString() {
            return "Auth[type=" + this.type + ", clientId=" + this.clientId + ", apiKey=" + this.apiKey + "]";
        }
    }

    /**
     * The {@code webhook.*} keys of one client.
     */
    record Webhook(@Nullable String authToken) {

        @Override
        public String toString() {
            return "Webhook[authToken=" + ((this.authToken != null) ? "******" : null) + "]";
        }
    }
}
