package io.github.twilioauth.samples.webhooks;

import io.github.twilioauth.webhook.TwilioWebhook;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
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
    void status(@RequestParam("MessageSid") String messageSid, @RequestParam("MessageStatus") String status,
            @RequestParam(name = "ErrorCode", required = false) String errorCode) {
        this.reports.record(messageSid, (errorCode != null) ? status + " (error " + errorCode + ")" : status);
    }
}
