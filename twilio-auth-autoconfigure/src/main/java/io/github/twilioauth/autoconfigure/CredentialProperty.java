package io.github.twilioauth.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a credential or identity property of the starter (an Account SID, a token, a key, a
 * client id or secret): when its bound value still holds a {@code ${...}} placeholder that
 * nothing resolved, startup fails, naming the property and the missing variable, instead of
 * using the placeholder's text as the credential. A new secret property joins the check with
 * this annotation on its field (or record component).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.FIELD, ElementType.PARAMETER })
public @interface CredentialProperty {

}
