package io.github.twilioauth.samples.webhooks;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.stereotype.Component;

/**
 * The statuses reported for each message, in the order Twilio posted them. Thread-safe.
 */
@Component
class DeliveryReports {

    private final Map<String, List<String>> statuses = new ConcurrentHashMap<>();

    void record(String messageSid, String status) {
        this.statuses.computeIfAbsent(messageSid, (sid) -> new CopyOnWriteArrayList<>()).add(status);
    }

    List<String> statuses(String messageSid) {
        return List.copyOf(this.statuses.getOrDefault(messageSid, List.of()));
    }

    int count() {
        return this.statuses.values().stream().mapToInt(List::size).sum();
    }
}
