package io.github.twilioauth.webhook.request;

import java.util.concurrent.atomic.AtomicReference;

import io.github.twilioauth.webhook.TwilioWebhook;
import io.github.twilioauth.webhook.TwilioWebhookAccount;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code @TwilioWebhook} endpoints that bind each typed request with {@code @ModelAttribute},
 * written once for Spring MVC and WebFlux; each keeps the last request it bound, and the
 * {@link TwilioWebhookAccount} of it.
 */
@TwilioWebhook
@RestController
public class TypedWebhookController {

    final AtomicReference<Object> bound = new AtomicReference<>();

    final AtomicReference<TwilioWebhookAccount> account = new AtomicReference<>();

    @PostMapping("/inbound-message")
    void inboundMessage(@ModelAttribute InboundMessage message,
            @RequestAttribute(TwilioWebhookAccount.ATTRIBUTE) TwilioWebhookAccount account) {
        keep(message, account);
    }

    @PostMapping("/message-status")
    void messageStatus(@ModelAttribute MessageStatusCallback callback,
            @RequestAttribute(TwilioWebhookAccount.ATTRIBUTE) TwilioWebhookAccount account) {
        keep(callback, account);
    }

    @PostMapping("/inbound-call")
    void inboundCall(@ModelAttribute InboundCall call,
            @RequestAttribute(TwilioWebhookAccount.ATTRIBUTE) TwilioWebhookAccount account) {
        keep(call, account);
    }

    @PostMapping("/call-status")
    void callStatus(@ModelAttribute CallStatusCallback callback,
            @RequestAttribute(TwilioWebhookAccount.ATTRIBUTE) TwilioWebhookAccount account) {
        keep(callback, account);
    }

    @PostMapping("/recording-status")
    void recordingStatus(@ModelAttribute RecordingStatusCallback callback,
            @RequestAttribute(TwilioWebhookAccount.ATTRIBUTE) TwilioWebhookAccount account) {
        keep(callback, account);
    }

    private void keep(Object request, TwilioWebhookAccount account) {
        this.bound.set(request);
        this.account.set(account);
    }
}
