package io.github.twilioauth.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a {@link MockTwilioServer} for the application context of a Spring test (typically a
 * {@code @SpringBootTest}) and points the application at it.
 * <p>
 * The server is a bean named {@code mockTwilioServer}, so tests can {@code @Autowired} it; it is
 * started before the context refreshes and closed with the context. Properties
 * {@code twilio.base-url} and {@code twilio.auth.token-url} are set to the server, ahead of every
 * other property source.
 * <p>
 * The test's own {@code twilio.*} properties define the credentials the server accepts:
 * <ul>
 * <li>{@code twilio.account-sid} with {@code twilio.auth.auth-token}, or else with
 * {@code twilio.webhook.auth-token}: an account, whose Auth Token signs its status callbacks;</li>
 * <li>{@code twilio.auth.api-key} with {@code twilio.auth.api-secret}: an API key of
 * {@code twilio.account-sid};</li>
 * <li>{@code twilio.auth.client-id} with {@code twilio.auth.client-secret}: an OAuth app for
 * {@code twilio.account-sid}, or, when {@code twilio.auth.type} is {@code orgs}, an organization
 * ({@code twilio.auth.organization-sid}, {@code OR} followed by 32 zeros if unset) listing
 * {@code twilio.account-sid} if set.</li>
 * </ul>
 * Register further credentials on the autowired server. {@link MockTwilioInitializer} does the
 * same for an application run outside of tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface AutoConfigureMockTwilio {
}
