package io.github.twilioauth.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * Matches when {@code twilio.auth.*} configures the credentials of the single client.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(OnTwilioAuthCondition.class)
@interface ConditionalOnTwilioAuth {

    /**
     * Whether to match only credentials whose auth type uses OAuth tokens.
     * @return whether tokens are required
     */
    boolean usingTokens() default false;
}
