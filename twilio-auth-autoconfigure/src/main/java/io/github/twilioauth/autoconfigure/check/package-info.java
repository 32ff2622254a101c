/**
 * Startup checks of the {@code twilio.*} configuration: keys that nothing binds in the starter's
 * groups, and credentials left as unresolved placeholders, fail startup before any bean is
 * created.
 */
@NullMarked
package io.github.twilioauth.autoconfigure.check;

import org.jspecify.annotations.NullMarked;
