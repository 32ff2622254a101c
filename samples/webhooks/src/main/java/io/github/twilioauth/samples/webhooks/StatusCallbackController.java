package io.github.twilioauth.samples.webhooks;

import io.github.twilioauth.webhook.TwilioWebhook;
import io.github.twilioauth.webhook.request.MessageStatusCallback;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Records the status callbacks of sent messages: {@code queued}, {@code sent},
 * {@code delivered}, or a failure with its {@code ErrorCode}.
 */
@RestController
class StatusCallbackController {

    private final DeliveryReports reports;

    StatusCallbackController(DeliveryReports reports) {
        this.reports = reports;
    }

    @TwilioWebhook
    @PostMapping("/status")
    void status(@ModelAttribute MessageStatusCallback callback) {
        String status = callback.status().value();
        this.reports.record(callback.messageSid(),
                (callback.errorCode() != null) ? status + " (error " + callback.errorCode() + ")" : status);
    }
}
