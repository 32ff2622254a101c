package io.github.twilioauth.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a {@link MockTwilioServer} for the application context of a Spring test (typically a
 * {@code @SpringBootTest}) and points the application at it: the single client of
 * {@code twilio.*} and every tenant of {@code twilio.tenants.<name>.*}.
 * <p>
 * The server is a bean named {@code mockTwilioServer}, so tests can {@code @Autowired} it; it is
 * started before the context refreshes and closed with the context. Each client's
 * {@code base-url} and {@code auth.token-url} are set to the server, ahead of every other property
 * source, and the credentials of the application's and the test's properties are registered with
 * it, each client's as its type needs: account and Auth Token (or webhook Auth Token), API key
 * and secret, OAuth app for the account, or, with {@code auth.type=orgs}, an organization listing
 * the account, whose SID is {@link MockTwilioInitializer#organizationSid(String)}. See
 * {@link MockTwilioInitializer} for the details.
 * <p>
 * Register further credentials on the autowired server. {@link MockTwilioInitializer} does the
 * same for an application run outside of tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface AutoConfigureMockTwilio {
}
