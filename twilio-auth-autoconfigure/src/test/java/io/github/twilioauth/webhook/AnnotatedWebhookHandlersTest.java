package io.github.twilioauth.webhook;

import org.junit.jupiter.api.Test;

import org.springframework.web.method.HandlerMethod;

import static org.assertj.core.api.Assertions.assertThat;

class AnnotatedWebhookHandlersTest {

    private final AnnotatedWebhookHandlers handlers = new AnnotatedWebhookHandlers();

    @Test
    void findsAnAnnotatedMethodAndRemembersIt() throws NoSuchMethodException {
        HandlerMethod sms = new HandlerMethod(new Plain(), Plain.class.getDeclaredMethod("sms"));
        HandlerMethod orders = new HandlerMethod(new Plain(), Plain.class.getDeclaredMethod("orders"));

        assertThat(this.handlers.isWebhook(sms)).isTrue();
        assertThat(this.handlers.isWebhook(sms)).isTrue();
        assertThat(this.handlers.isWebhook(orders)).isFalse();
        assertThat(AnnotatedWebhookHandlers.isAnnotated(orders)).isFalse();
    }

    @Test
    void anInheritedMethodIsAWebhookInAnAnnotatedSubclassOnly() throws NoSuchMethodException {
        HandlerMethod inherited = new HandlerMethod(new AnnotatedSubclass(), Plain.class.getDeclaredMethod("orders"));
        HandlerMethod declared = new HandlerMethod(new Plain(), Plain.class.getDeclaredMethod("orders"));

        assertThat(this.handlers.isWebhook(declared)).isFalse();
        assertThat(this.handlers.isWebhook(inherited)).isTrue();
        assertThat(AnnotatedWebhookHandlers.isAnnotated(inherited)).isTrue();
    }

    static class Plain {

        @TwilioWebhook
        String sms() {
            return "sms";
        }

        String orders() {
            return "orders";
        }

    }

    @TwilioWebhook
    static class AnnotatedSubclass extends Plain {

    }
}
