package io.github.twilioauth.autoconfigure;

import org.junit.jupiter.api.Test;

import io.github.twilioauth.client.Message;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

class TwilioRuntimeHintsTest {

    private final RuntimeHints hints = registeredHints();

    private static RuntimeHints registeredHints() {
        RuntimeHints hints = new RuntimeHints();
        new TwilioRuntimeHints().registerHints(hints, TwilioRuntimeHintsTest.class.getClassLoader());
        return hints;
    }

    @Test
    void isRegisteredInAotFactories() {
        assertThat(SpringFactoriesLoader.forResourceLocation("META-INF/spring/aot.factories")
            .load(RuntimeHintsRegistrar.class)).hasAtLeastOneElementOfType(TwilioRuntimeHints.class);
    }

    @Test
    void propertiesCanBeCreatedAndBound() {
        for (Class<?> type : new Class<?>[] { TwilioProperties.class, TwilioProperties.Http.class,
                TwilioClientProperties.class, TwilioProperties.Tenant.class, TwilioProperties.WebhookAuthTokens.class,
                ProviderConfig.class }) {
            assertThat(RuntimeHintsPredicates.reflection().onType(type)).as(type.getName()).accepts(this.hints);
        }
    }

    @Test
    void propertySettersCanBeInvoked() {
        assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(ProviderConfig.class, "setClientId"))
            .accepts(this.hints);
        assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(TwilioClientProperties.class, "setRegion"))
            .accepts(this.hints);
        assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(TwilioProperties.Http.class,
                "setReadTimeout"))
            .accepts(this.hints);
        assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(TwilioRetryProperties.class, "setDelay"))
            .accepts(this.hints);
    }

    @Test
    void messageCanBeSerializedByJackson() {
        assertThat(RuntimeHintsPredicates.reflection().onType(Message.class)
            .withMemberCategory(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS)).accepts(this.hints);
        assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Message.class, "sid")).accepts(this.hints);
    }

    @Test
    void bootsCookieHandlingCanBeTurnedOffInANativeImageWhereBootHasIt() {
        String cookieHandling = "org.springframework.boot.http.client.HttpCookieHandling";
        if (ClassUtils.isPresent(cookieHandling, getClass().getClassLoader())) {
            assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(HttpClientSettings.class,
                    "withCookieHandling"))
                .accepts(this.hints);
            assertThat(RuntimeHintsPredicates.reflection().onType(TypeReference.of(cookieHandling))
                .withMemberCategory(MemberCategory.INVOKE_PUBLIC_METHODS)).accepts(this.hints);
        }
        else {
            assertThat(this.hints.reflection().getTypeHint(TypeReference.of(cookieHandling))).isNull();
            assertThat(this.hints.reflection().getTypeHint(HttpClientSettings.class)).isNull();
        }
    }
}
