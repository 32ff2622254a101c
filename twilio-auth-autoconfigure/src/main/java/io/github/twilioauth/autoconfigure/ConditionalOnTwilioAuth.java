package io.github.twilioauth.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.github.twilioauth.credential.AuthType;
import org.springframework.context.annotation.Conditional;

/**
 * Matches when {@code twilio.auth.*} configures Twilio credentials of one of the given types
 * (of any type when none is given).
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(OnTwilioAuthCondition.class)
@interface ConditionalOnTwilioAuth {

    /**
     * The auth types that match.
     * @return the types; empty for any
     */
    AuthType[] value() default {};
}
