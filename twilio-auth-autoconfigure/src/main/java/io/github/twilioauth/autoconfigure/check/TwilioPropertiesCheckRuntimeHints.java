package io.github.twilioauth.autoconfigure.check;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * Resource hints for a native image: the configuration metadata that tells the startup check the
 * documented {@code twilio.*} keys ({@link DocumentedKeys}).
 */
final class TwilioPropertiesCheckRuntimeHints implements RuntimeHintsRegistrar {

    @Override
    public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
        hints.resources().registerPattern(DocumentedKeys.LOCATION);
    }
}
