package io.github.twilioauth.sdk.twiml;

import java.lang.reflect.Method;

import com.twilio.twiml.MessagingResponse;
import com.twilio.twiml.VoiceResponse;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import io.github.twilioauth.webhook.request.CallStatusCallback;
import io.github.twilioauth.webhook.request.InboundCall;
import io.github.twilioauth.webhook.request.InboundMessage;
import io.github.twilioauth.webhook.request.MessageStatusCallback;
import org.springframework.http.ResponseEntity;
import org.springframework.util.ReflectionUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which handler methods answer TwiML: those declaring a TwiML return type, directly or in a
 * {@code Mono}, and those taking an inbound message or call.
 */
class TwimlHandlerMethodsTest {

    private final TwimlHandlerMethods methods = new TwimlHandlerMethods();

    @Test
    void aMethodDeclaringTwimlAnswersTwiml() {
        assertThat(this.methods.answersTwiml(method("messaging"))).isTrue();
        assertThat(this.methods.answersTwiml(method("voiceLater"))).isTrue();
    }

    @Test
    void aMethodTakingAnInboundMessageOrCallAnswersTwimlWhateverItReturns() {
        assertThat(this.methods.answersTwiml(method("inboundMessage", InboundMessage.class))).isTrue();
        assertThat(this.methods.answersTwiml(method("inboundCall", InboundCall.class))).isTrue();
    }

    @Test
    void aStatusCallbackOrAnotherAnswerIsNoTwiml() {
        assertThat(this.methods.answersTwiml(method("messageStatus", MessageStatusCallback.class))).isFalse();
        assertThat(this.methods.answersTwiml(method("callStatus", CallStatusCallback.class))).isFalse();
        assertThat(this.methods.answersTwiml(method("entity"))).isFalse();
        assertThat(this.methods.answersTwiml(method("text"))).isFalse();
    }

    @Test
    void theEmptyResponseIsAnEmptyResponseElement() {
        assertThat(TwimlHandlerMethods.emptyResponse().toXml())
            .isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>");
    }

    private static Method method(String name, Class<?>... parameterTypes) {
        Method method = ReflectionUtils.findMethod(Handlers.class, name, parameterTypes);
        assertThat(method).as(name).isNotNull();
        return method;
    }

    @SuppressWarnings("unused")
    static class Handlers {

        MessagingResponse messaging() {
            return new MessagingResponse.Builder().build();
        }

        Mono<VoiceResponse> voiceLater() {
            return Mono.empty();
        }

        void inboundMessage(InboundMessage message) {
        }

        Mono<Void> inboundCall(InboundCall call) {
            return Mono.empty();
        }

        void messageStatus(MessageStatusCallback callback) {
        }

        void callStatus(CallStatusCallback callback) {
        }

        ResponseEntity<VoiceResponse> entity() {
            return ResponseEntity.ok().build();
        }

        String text() {
            return "";
        }
    }
}
