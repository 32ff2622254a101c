package io.github.twilioauth.webhook;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller method, or every handler method of a controller, as receiving requests from
 * Twilio: a request without a valid {@code X-Twilio-Signature} is answered 403 before the
 * method runs.
 * <p>
 * Applies to {@code @RequestMapping} methods of Spring MVC and Spring WebFlux; for other
 * handlers, list their paths in {@code twilio.webhook.paths}.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface TwilioWebhook {
}
