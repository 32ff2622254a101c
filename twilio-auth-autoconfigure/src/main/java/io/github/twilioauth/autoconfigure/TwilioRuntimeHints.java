package io.github.twilioauth.autoconfigure;

import io.github.twilioauth.client.Message;
import org.jspecify.annotations.Nullable;
import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.boot.context.properties.bind.BindableRuntimeHintsRegistrar;

/**
 * Reflection hints for a native image: the {@code twilio.*} property types the binder creates
 * and fills, {@code twilio.tenants} included, whichever way the properties are bound; and
 * {@link Message}, which applications hand to Jackson (a controller's response, a cache); and
 * Boot 4.1's cookie handling setting, which the Twilio clients turn off by reflection. Our own
 * JSON reading walks trees and needs no hints.
 */
final class TwilioRuntimeHints implements RuntimeHintsRegistrar {

    @Override
    public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
        BindableRuntimeHintsRegistrar.forTypes(TwilioProperties.class, TwilioProperties.Tenant.class)
            .registerHints(hints, classLoader);
        new BindingReflectionHintsRegistrar().registerReflectionHints(hints.reflection(), Message.class);
        TwilioRestClientBuilderFactory.registerHints(hints, classLoader);
    }
}
