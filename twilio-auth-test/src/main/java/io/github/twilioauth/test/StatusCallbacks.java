package io.github.twilioauth.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import io.github.twilioauth.test.webhook.TwilioWebhookSigner;
import org.jspecify.annotations.Nullable;

/**
 * Posts the status callbacks of created messages, signed as Twilio signs them, from one daemon
 * thread of its own: for each message with a {@code StatusCallback}, {@code queued},
 * {@code sent} and {@code delivered}, or a queued failure, one after the other, each after the
 * application answered the previous one. Records every delivery and lets tests wait for them.
 * <p>
 * Thread-safe: messages are scheduled from request threads, deliveries recorded by the callback
 * thread, read and awaited by tests; the list of deliveries is guarded by its own monitor.
 */
final class StatusCallbacks {

    private static final String API_VERSION = "2010-04-01";

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Function<String, String> authTokens;

    private final ExecutorService executor = Executors.newSingleThreadExecutor(daemonThread());

    private final HttpClient client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(TIMEOUT)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();

    private final Queue<Failure> failures = new ConcurrentLinkedQueue<>();

    private final List<StatusCallbackDelivery> deliveries = new ArrayList<>();

    /**
     * @param authTokens the Auth Token of an account SID, to sign with
     */
    StatusCallbacks(Function<String, String> authTokens) {
        this.authTokens = authTokens;
    }

    void failNext(int count, String status, int errorCode) {
        for (int i = 0; i < count; i++) {
            this.failures.add(new Failure(status, errorCode));
        }
    }

    /**
     * Schedules the callbacks of a created message, if it has a {@code StatusCallback}.
     */
    void schedule(SentMessage message) {
        String url = message.statusCallback();
        if (url == null) {
            return;
        }
        Failure failure = this.failures.poll();
        List<String> statuses = (failure == null) ? List.of("queued", "sent", "delivered")
                : "failed".equals(failure.status()) ? List.of("queued", "failed")
                        : List.of("queued", "sent", failure.status());
        String authToken = this.authTokens.apply(message.accountSid());
        try {
            this.executor.execute(() -> {
                for (int i = 0; i < statuses.size() && !Thread.currentThread().isInterrupted(); i++) {
                    boolean last = i == statuses.size() - 1;
                    post(message, url, statuses.get(i), (last && failure != null) ? failure.errorCode() : null,
                            authToken);
                }
            });
        }
        catch (RejectedExecutionException ex) {
            // The server is closed: no more callbacks.
        }
    }

    private void post(SentMessage message, String url, String status, @Nullable Integer errorCode,
            String authToken) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("AccountSid", message.accountSid());
        parameters.put("ApiVersion", API_VERSION);
        if (errorCode != null) {
            parameters.put("ErrorCode", Integer.toString(errorCode));
        }
        if (message.from() != null) {
            parameters.put("From", message.from());
        }
        parameters.put("MessageSid", message.sid());
        parameters.put("MessageStatus", status);
        if (message.messagingServiceSid() != null) {
            parameters.put("MessagingServiceSid", message.messagingServiceSid());
        }
        parameters.put("SmsSid", message.sid());
        parameters.put("SmsStatus", status);
        parameters.put("To", message.to());
        Map<String, List<String>> form = new LinkedHashMap<>();
        parameters.forEach((name, value) -> form.put(name, List.of(value)));
        int responseStatus;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("User-Agent", "TwilioProxy/1.1")
                .header("I-Twilio-Idempotency-Token", UUID.randomUUID().toString())
                .header(TwilioWebhookSigner.SIGNATURE_HEADER, TwilioWebhookSigner.signature(authToken, url, form))
                .POST(HttpRequest.BodyPublishers.ofString(TwilioWebhookSigner.formBody(form)))
                .build();
            responseStatus = this.client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        }
        catch (IOException | IllegalArgumentException ex) {
            responseStatus = 0;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return;
        }
        synchronized (this.deliveries) {
            this.deliveries.add(new StatusCallbackDelivery(message.sid(), url, status, Map.copyOf(parameters),
                    responseStatus));
            this.deliveries.notifyAll();
        }
    }

    List<StatusCallbackDelivery> deliveries() {
        synchronized (this.deliveries) {
            return List.copyOf(this.deliveries);
        }
    }

    List<StatusCallbackDelivery> await(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this.deliveries) {
            while (this.deliveries.size() < count) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    throw new IllegalStateException("Waited " + timeout + " for " + count + " status callbacks, "
                            + this.deliveries.size() + " delivered: " + this.deliveries);
                }
                TimeUnit.NANOSECONDS.timedWait(this.deliveries, remaining);
            }
            return List.copyOf(this.deliveries.subList(0, count));
        }
    }

    void reset() {
        this.failures.clear();
        synchronized (this.deliveries) {
            this.deliveries.clear();
        }
    }

    void close() {
        this.executor.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemonThread() {
        AtomicInteger count = new AtomicInteger();
        return (task) -> {
            Thread thread = new Thread(task, "mock-twilio-callbacks-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private record Failure(String status, int errorCode) {
    }
}
