package io.github.twilioauth.client;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.github.twilioauth.credential.BasicCredentialProviderBuilder;
import io.github.twilioauth.credential.CredentialProvider;
import io.github.twilioauth.client.RecordingRequestFactory.SentRequest;
import io.github.twilioauth.test.MockTwilioServer;
import io.github.twilioauth.test.RecordedRequest;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link TwilioClient#setCredentialProvider} swapped without pause between two API keys of the
 * same account while 16 threads send messages: every request carries exactly one of the two
 * credentials, whole, and Twilio accepts every one.
 * <p>
 * The swaps and sends run once, before the tests; each test checks one property of the outcome.
 */
class CredentialSwapTest {

    static final String ACCOUNT_SID = "AC" + "d".repeat(32);

    static final String KEY_ONE = "SK" + "1".repeat(32);

    static final String SECRET_ONE = "swap-secret-one";

    static final String KEY_TWO = "SK" + "2".repeat(32);

    static final String SECRET_TWO = "swap-secret-two";

    static final int SENDERS = 16;

    static final int MESSAGES_PER_SENDER = 60;

    static final int MAX_SWAPS = 10_000_000;

    static final MockTwilioServer server = new MockTwilioServer();

    static final RecordingRequestFactory wire = new RecordingRequestFactory();

    static final Queue<Throwable> failures = new ConcurrentLinkedQueue<>();

    static final AtomicInteger swaps = new AtomicInteger();

    static final AtomicInteger sent = new AtomicInteger();

    @BeforeAll
    static void sendWhileSwapping() throws Exception {
        server.apiKey(KEY_ONE, SECRET_ONE, ACCOUNT_SID).apiKey(KEY_TWO, SECRET_TWO, ACCOUNT_SID).start();
        CredentialProvider one = new BasicCredentialProviderBuilder().setUsername(KEY_ONE).setPassword(SECRET_ONE).build();
        CredentialProvider two = new BasicCredentialProviderBuilder().setUsername(KEY_TWO).setPassword(SECRET_TWO).build();
        TwilioClient client = TwilioClient.create(RestClient.builder().requestFactory(wire), one,
                new TwilioEndpoints(server.baseUrl(), null, null), ACCOUNT_SID);
        Messages messages = client.messages();
        ExecutorService threads = Executors.newFixedThreadPool(SENDERS + 1);
        AtomicBoolean sending = new AtomicBoolean(true);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Future<?> swapper = threads.submit(() -> {
                start.await();
                while (sending.get() && swaps.get() < MAX_SWAPS) {
                    client.setCredentialProvider((swaps.incrementAndGet() % 2 == 0) ? one : two);
                    Thread.yield();
                }
                return null;
            });
            List<Future<?>> senders = new ArrayList<>();
            for (int thread = 0; thread < SENDERS; thread++) {
                int id = thread;
                senders.add(threads.submit(() -> {
                    start.await();
                    for (int i = 0; i < MESSAGES_PER_SENDER; i++) {
                        send(messages, "swap " + id + "-" + i);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> sender : senders) {
                sender.get(60, TimeUnit.SECONDS);
            }
            sending.set(false);
            swapper.get(10, TimeUnit.SECONDS);
        }
        finally {
            sending.set(false);
            threads.shutdownNow();
        }
    }

    private static void send(Messages messages, String body) {
        try {
            messages.create("+15558675310", "+15005550006", body);
            sent.incrementAndGet();
        }
        catch (RuntimeException ex) {
            failures.add(ex);
        }
    }

    @AfterAll
    static void closeServer() {
        server.close();
    }

    private static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void credentialsWereSwappedWhileRequestsWereSent() {
        assertThat(swaps.get()).isGreaterThan(SENDERS * MESSAGES_PER_SENDER / 10);
        assertThat(wire.sent()).extracting(SentRequest::authorizations)
            .contains(List.of(basic(KEY_ONE, SECRET_ONE)), List.of(basic(KEY_TWO, SECRET_TWO)));
    }

    @Test
    void everyRequestCarriesExactlyOneWholeCredential() {
        assertThat(wire.sent()).hasSize(SENDERS * MESSAGES_PER_SENDER)
            .allSatisfy((request) -> assertThat(request.authorizations()).singleElement()
                .isIn(basic(KEY_ONE, SECRET_ONE), basic(KEY_TWO, SECRET_TWO)));
    }

    @Test
    void twilioAcceptsEveryRequestAsOneOfTheTwoKeys() {
        assertThat(failures).isEmpty();
        assertThat(sent.get()).isEqualTo(SENDERS * MESSAGES_PER_SENDER);
        assertThat(server.messages()).hasSize(SENDERS * MESSAGES_PER_SENDER);
        assertThat(server.requests()).hasSize(SENDERS * MESSAGES_PER_SENDER).allSatisfy((request) -> {
            assertThat(request.authScheme()).isEqualTo("Basic");
            assertThat(request.principal()).isIn(KEY_ONE, KEY_TWO);
        });
    }

    @Test
    void eachRequestReachesTwilioWithTheKeyItWasSentWith() {
        List<String> sentKeys = wire.sent()
            .stream()
            .map((request) -> request.authorizations().get(0).equals(basic(KEY_ONE, SECRET_ONE)) ? KEY_ONE : KEY_TWO)
            .sorted()
            .toList();
        List<String> receivedKeys = server.requests().stream().map(RecordedRequest::principal).sorted().toList();
        assertThat(receivedKeys).isEqualTo(sentKeys);
    }
}
