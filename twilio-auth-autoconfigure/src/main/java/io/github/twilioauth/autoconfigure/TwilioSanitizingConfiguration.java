package io.github.twilioauth.autoconfigure;

import java.util.List;
import java.util.Locale;

import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Masks Twilio secrets in Actuator's {@code configprops} and {@code env} endpoints, even with
 * {@code show-values=always}: the values of {@code twilio.*} keys ending in
 * {@code client-secret}, {@code auth-token}, {@code api-secret} or {@code encryption-key},
 * per-tenant ones ({@code twilio.tenants.*}) included. Only with Actuator on the classpath.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(SanitizingFunction.class)
class TwilioSanitizingConfiguration {

    // Canonical forms: lower case, letters and digits only.
    private static final List<String> SECRET_SUFFIXES = List.of("clientsecret", "authtoken", "apisecret",
            "encryptionkey");

    @Bean(TwilioAutoConfiguration.SANITIZING_FUNCTION_BEAN_NAME)
    @ConditionalOnMissingBean(name = TwilioAutoConfiguration.SANITIZING_FUNCTION_BEAN_NAME)
    SanitizingFunction twilioSanitizingFunction() {
        return (data) -> isTwilioSecret(data.getKey()) ? data.withSanitizedValue() : data;
    }

    /**
     * Whether a key names a Twilio secret, in any form a key reaches the endpoints:
     * {@code twilio.auth.client-secret} ({@code env}), {@code twilio.auth.clientSecret}
     * ({@code configprops}), {@code TWILIO_AUTH_CLIENT_SECRET} (environment variables).
     */
    static boolean isTwilioSecret(String key) {
        if (key == null) {
            return false;
        }
        String lowerCase = key.toLowerCase(Locale.ROOT);
        if (!lowerCase.startsWith("twilio.") && !lowerCase.startsWith("twilio_")) {
            return false;
        }
        String canonical = lowerCase.replaceAll("[^a-z0-9]", "");
        return SECRET_SUFFIXES.stream().anyMatch(canonical::endsWith);
    }
}
