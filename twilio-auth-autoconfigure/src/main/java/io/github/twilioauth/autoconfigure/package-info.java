/**
 * Spring Boot auto-configuration of the Twilio clients that the {@code twilio.*} properties
 * configure: {@link io.github.twilioauth.autoconfigure.TwilioAutoConfiguration}, the one public
 * auto-configuration, and the package-private configurations it imports (token engine,
 * credentials, HTTP, single client, tenants, Actuator masking); the properties, plain and one
 * class per prefix; the conditions and failure analyzers. What differs by auth type is said once,
 * by the type's {@code AuthTypeDescriptor}, and nowhere else. Wiring only: the library it wires
 * lives in the other packages.
 */
@NullMarked
package io.github.twilioauth.autoconfigure;

import org.jspecify.annotations.NullMarked;
