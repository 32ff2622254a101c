package io.github.twilioauth.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.twilioauth.store.DeliveryClaim;
import io.github.twilioauth.store.DeliveryKey;
import io.github.twilioauth.store.DeliveryRecord;
import io.github.twilioauth.store.DeliveryStore;
import io.github.twilioauth.test.webhook.TwilioWebhookSigner;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Duplicate deliveries answered once, on one web stack over real HTTP: Twilio-signed form
 * webhooks with {@code I-Twilio-Idempotency-Token} to {@code @TwilioWebhook} endpoints, repeated
 * as Twilio retries them.
 * <p>
 * A subclass per stack and store is a {@code @SpringBootTest} of {@link App} and its own
 * controller, on a random port, whose {@code POST /sms} and {@code POST /slow} call
 * {@link Deliveries#answer}; {@code /slow} answers once the {@link Gate} opens, without holding
 * a thread on the reactive stack.
 */
@TestPropertySource(properties = { "twilio.webhook.deduplication.enabled=true",
        "twilio.webhook.deduplication.wait-timeout=3s", "twilio.webhook.deduplication.max-response-size=1KB" })
public abstract class AbstractWebhookDeduplicationEndToEndTest {

    /** The account of most deliveries. */
    public static final String ACCOUNT_SID = "AC00000000000000000000000000000d0d";

    /** Its Auth Token; every secret of these tests contains {@code XSECRETX}. */
    public static final String AUTH_TOKEN = "XSECRETX-dedup-auth-token";

    /** Another account, a tenant of the same application. */
    public static final String OTHER_ACCOUNT_SID = "AC00000000000000000000000000000e0e";

    /** Its Auth Token. */
    public static final String OTHER_AUTH_TOKEN = "XSECRETX-other-auth-token";

    /** The header Twilio sends the same with every retry of a delivery. */
    public static final String IDEMPOTENCY_TOKEN = WebhookDeduplicator.IDEMPOTENCY_TOKEN_HEADER;

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private static final AtomicInteger TOKENS = new AtomicInteger();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Autowired
    protected Deliveries deliveries;

    @Autowired
    protected Gate gate;

    @Autowired
    protected StoreWatch storeWatch;

    @LocalServerPort
    protected int port;

    @BeforeEach
    void reset() {
        this.deliveries.reset();
        this.gate.reset();
        this.storeWatch.reset();
    }

    @Test
    void aRepeatedDeliveryReachesTheHandlerOnceAndIsAnsweredWithTheSameBytes() throws Exception {
        Delivery delivery = delivery("Caf\u00e9 au lait?");

        HttpResponse<byte[]> first = send(delivery);
        HttpResponse<byte[]> retry = send(delivery);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(new String(first.body(), StandardCharsets.UTF_8))
            .isEqualTo("<Response><Message>#1 +15558675310: Caf\u00e9 au lait?</Message></Response>");
        assertSameAnswer(retry, first);
        assertThat(this.deliveries.handled()).isEqualTo(1);
    }

    @Test
    void aDuplicateArrivingWhileTheFirstIsHandledWaitsAndGetsItsAnswer() throws Exception {
        Delivery delivery = delivery("slow").to("/slow");
        CompletableFuture<HttpResponse<byte[]>> first = sendAsync(delivery);
        assertThat(this.gate.started.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        CompletableFuture<HttpResponse<byte[]>> duplicate = sendAsync(delivery);
        assertThat(this.storeWatch.waiting.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        this.gate.open();

        assertThat(first.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertSameAnswer(duplicate.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS), first.get());
        assertThat(this.deliveries.handled()).isEqualTo(1);
    }

    @Test
    void aDuplicateStillWaitingPastTheWaitTimeoutIsAnswered409WithRetryAfter() throws Exception {
        Delivery delivery = delivery("slow").to("/slow");
        CompletableFuture<HttpResponse<byte[]>> first = sendAsync(delivery);
        assertThat(this.gate.started.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        HttpResponse<byte[]> duplicate = send(delivery);

        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(duplicate.headers().firstValue("Retry-After")).hasValue("3");
        assertThat(duplicate.body()).isEmpty();
        this.gate.open();
        assertThat(first.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(this.deliveries.handled()).isEqualTo(1);
    }

    @Test
    void theSameTokenWithAnotherSignatureIsHandledAndNothingIsRecordedForIt() throws Exception {
        Delivery recorded = delivery("one");
        Delivery sameTokenOtherBody = recorded.withBody("two");

        HttpResponse<byte[]> first = send(recorded);
        HttpResponse<byte[]> other = send(sameTokenOtherBody);
        HttpResponse<byte[]> otherAgain = send(sameTokenOtherBody);
        HttpResponse<byte[]> firstAgain = send(recorded);

        assertThat(text(other)).contains("#2 ").contains("two");
        assertThat(text(otherAgain)).contains("#3 ").contains("two");
        assertSameAnswer(firstAgain, first);
        assertThat(this.deliveries.handled()).isEqualTo(3);
    }

    @Test
    void aServerErrorIsNotRecordedSoThatTwiliosRetryIsHandled() throws Exception {
        Delivery delivery = delivery("fail");

        assertThat(send(delivery).statusCode()).isEqualTo(500);
        assertThat(send(delivery).statusCode()).isEqualTo(500);
        assertThat(this.deliveries.handled()).isEqualTo(2);
    }

    @Test
    void aHandlerThatThrowsLeavesNothingRecordedSoThatTwiliosRetryIsHandled() throws Exception {
        Delivery delivery = delivery("throw");

        assertThat(send(delivery).statusCode()).isEqualTo(500);
        assertThat(send(delivery).statusCode()).isEqualTo(500);
        assertThat(this.deliveries.handled()).isEqualTo(2);
    }

    @Test
    void aResponseLargerThanTheBoundIsNotRecorded() throws Exception {
        Delivery delivery = delivery("x".repeat(2000));

        assertThat(text(send(delivery))).contains("#1 ");
        assertThat(text(send(delivery))).contains("#2 ");
    }

    @Test
    void deliveriesWithoutAnIdempotencyTokenAreAlwaysHandled() throws Exception {
        Delivery delivery = delivery("no token").withoutIdempotencyToken();

        assertThat(text(send(delivery))).contains("#1 ");
        assertThat(text(send(delivery))).contains("#2 ");
    }

    @Test
    void aRequestThatFailsValidationIsNeitherRecordedNorAnsweredFromARecord() throws Exception {
        Delivery delivery = delivery("forged first");

        assertThat(send(delivery.withSignature("Zm9yZ2Vk")).statusCode()).isEqualTo(403);
        HttpResponse<byte[]> valid = send(delivery);
        HttpResponse<byte[]> forgedAfterwards = send(delivery.withSignature("Zm9yZ2Vk"));

        assertThat(text(valid)).contains("#1 ");
        assertThat(forgedAfterwards.statusCode()).isEqualTo(403);
        assertThat(forgedAfterwards.body()).isEmpty();
        assertThat(this.deliveries.handled()).isEqualTo(1);
    }

    @Test
    void theSameTokenForAnotherAccountIsAnotherDelivery() throws Exception {
        Delivery delivery = delivery("tenants");
        Delivery otherAccount = delivery.forAccount(OTHER_ACCOUNT_SID, OTHER_AUTH_TOKEN);

        HttpResponse<byte[]> first = send(delivery);
        HttpResponse<byte[]> other = send(otherAccount);

        assertThat(text(first)).contains("#1 ");
        assertThat(text(other)).contains("#2 ");
        assertSameAnswer(send(otherAccount), other);
        assertThat(this.deliveries.handled()).isEqualTo(2);
    }

    /**
     * Asserts that a response has the status, content type and body of another, byte for byte.
     */
    protected static void assertSameAnswer(HttpResponse<byte[]> actual, HttpResponse<byte[]> expected) {
        assertThat(actual.statusCode()).isEqualTo(expected.statusCode());
        assertThat(actual.headers().allValues("Content-Type")).isEqualTo(expected.headers().allValues("Content-Type"))
            .hasSize(1);
        assertThat(actual.body()).isEqualTo(expected.body());
    }

    protected static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    /**
     * A delivery to {@code POST /sms} of this application for {@link #ACCOUNT_SID}, with a new
     * idempotency token.
     */
    protected Delivery delivery(String body) {
        return new Delivery("http://127.0.0.1:" + this.port, "/sms", ACCOUNT_SID, AUTH_TOKEN, body,
                "idempotency-" + TOKENS.incrementAndGet(), null);
    }

    protected HttpResponse<byte[]> send(Delivery delivery) throws IOException, InterruptedException {
        return this.http.send(delivery.request(), HttpResponse.BodyHandlers.ofByteArray());
    }

    protected CompletableFuture<HttpResponse<byte[]>> sendAsync(Delivery delivery) {
        return this.http.sendAsync(delivery.request(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /**
     * A form webhook as Twilio sends it, signed with the account's Auth Token unless a signature
     * is given.
     */
    protected record Delivery(String origin, String path, String accountSid, String authToken, String body,
            String idempotencyToken, String signature) {

        Delivery to(String otherPath) {
            return new Delivery(this.origin, otherPath, this.accountSid, this.authToken, this.body,
                    this.idempotencyToken, this.signature);
        }

        Delivery withBody(String otherBody) {
            return new Delivery(this.origin, this.path, this.accountSid, this.authToken, otherBody,
                    this.idempotencyToken, this.signature);
        }

        Delivery forAccount(String otherAccountSid, String otherAuthToken) {
            return new Delivery(this.origin, this.path, otherAccountSid, otherAuthToken, this.body,
                    this.idempotencyToken, this.signature);
        }

        Delivery withSignature(String forged) {
            return new Delivery(this.origin, this.path, this.accountSid, this.authToken, this.body,
                    this.idempotencyToken, forged);
        }

        Delivery withoutIdempotencyToken() {
            return new Delivery(this.origin, this.path, this.accountSid, this.authToken, this.body, null,
                    this.signature);
        }

        /**
         * The same delivery, signed for the same URL, sent to another instance of the
         * application, as a load balancer would.
         */
        public Delivery toInstance(String instanceOrigin) {
            String signed = (this.signature != null) ? this.signature : signature(this.origin + this.path);
            return new Delivery(instanceOrigin, this.path, this.accountSid, this.authToken, this.body,
                    this.idempotencyToken, signed);
        }

        private Map<String, List<String>> form() {
            Map<String, List<String>> form = new LinkedHashMap<>();
            form.put("AccountSid", List.of(this.accountSid));
            form.put("From", List.of("+15558675310"));
            form.put("Body", List.of(this.body));
            return form;
        }

        /** The signature of this delivery for a URL. */
        public String signature(String url) {
            return TwilioWebhookSigner.signature(this.authToken, url, form());
        }

        HttpRequest request() {
            String url = this.origin + this.path;
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header(TwilioWebhookSigner.SIGNATURE_HEADER,
                        (this.signature != null) ? this.signature : signature(url))
                .POST(HttpRequest.BodyPublishers.ofString(TwilioWebhookSigner.formBody(form())));
            if (this.idempotencyToken != null) {
                request.header(IDEMPOTENCY_TOKEN, this.idempotencyToken);
            }
            return request.build();
        }
    }

    /**
     * The application, but for its controller: the Auth Tokens of two accounts, what its handlers
     * share, and a watch on its delivery store.
     */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import({ Deliveries.class, Gate.class })
    public static class App {

        @Bean
        TwilioWebhookAuthTokenResolver twoAccounts() {
            return InMemoryAuthTokenResolver.builder()
                .account(ACCOUNT_SID, AUTH_TOKEN, null)
                .account(OTHER_ACCOUNT_SID, OTHER_AUTH_TOKEN, null)
                .build();
        }

        @Bean
        static StoreWatch storeWatch() {
            return new StoreWatch();
        }
    }

    /**
     * What the handlers do: count each call and answer with TwiML naming the call's number; a
     * body of {@code fail} is answered 500, {@code throw} throws.
     */
    public static class Deliveries {

        private final AtomicInteger handled = new AtomicInteger();

        /**
         * Handles one delivery.
         * @param from the {@code From} parameter
         * @param body the {@code Body} parameter
         * @return the answer
         */
        public ResponseEntity<String> answer(String from, String body) {
            int call = this.handled.incrementAndGet();
            if (body.equals("throw")) {
                throw new IllegalStateException("The handler failed");
            }
            return ResponseEntity.status(body.equals("fail") ? 500 : 200)
                .contentType(MediaType.APPLICATION_XML)
                .body("<Response><Message>#" + call + " " + from + ": " + body + "</Message></Response>");
        }

        int handled() {
            return this.handled.get();
        }

        void reset() {
            this.handled.set(0);
        }
    }

    /**
     * What each stack's controller is built on.
     */
    public abstract static class DeliveriesController {

        protected final Deliveries deliveries;

        protected final Gate gate;

        protected DeliveriesController(Deliveries deliveries, Gate gate) {
            this.deliveries = deliveries;
            this.gate = gate;
        }
    }

    /**
     * Holds {@code /slow} answers until the test opens it.
     */
    public static class Gate {

        private volatile CompletableFuture<Void> opened = new CompletableFuture<>();

        volatile CountDownLatch started = new CountDownLatch(1);

        /**
         * Returns what completes once the test opens the gate, telling the test that a handler
         * waits.
         * @return the gate's opening, which fails if it is not opened in time
         */
        public CompletableFuture<Void> pass() {
            this.started.countDown();
            return this.opened.orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }

        void open() {
            this.opened.complete(null);
        }

        void reset() {
            this.opened.complete(null);
            this.opened = new CompletableFuture<>();
            this.started = new CountDownLatch(1);
        }
    }

    /**
     * Wraps the application's delivery store to tell the test when a duplicate starts waiting
     * for a delivery in progress.
     */
    public static class StoreWatch implements BeanPostProcessor {

        volatile CountDownLatch waiting = new CountDownLatch(1);

        void reset() {
            this.waiting = new CountDownLatch(1);
        }

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            return (bean instanceof DeliveryStore store) ? new WatchedStore(store, this) : bean;
        }
    }

    private record WatchedStore(DeliveryStore store, StoreWatch watch) implements DeliveryStore, AutoCloseable {

        @Override
        public DeliveryClaim claim(DeliveryKey key, byte[] signatureHash) {
            return this.store.claim(key, signatureHash);
        }

        @Override
        public CompletableFuture<DeliveryRecord> awaitCompletion(DeliveryKey key, Duration timeout) {
            this.watch.waiting.countDown();
            return this.store.awaitCompletion(key, timeout);
        }

        @Override
        public void close() throws Exception {
            if (this.store instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
    }
}
