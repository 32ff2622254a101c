package io.github.twilioauth.webhook;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.twilioauth.testsupport.LocalRedis;
import io.github.twilioauth.testsupport.RedisContents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.reactive.ReactiveWebApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Duplicate deliveries answered once across the instances of an application that share a real
 * Redis, on one web stack: besides what every store does, a retry landing on another instance is
 * answered the same, Redis failing never fails a webhook, and Redis holds nothing readable.
 * <p>
 * The second instance is an application of the same stack and controller.
 */
@TestPropertySource(properties = { "twilio.webhook.deduplication.store=redis", "spring.data.redis.host=127.0.0.1",
        "spring.data.redis.timeout=2s", "twilio.webhook.deduplication.timeout=2s" })
@DirtiesContext
public abstract class AbstractRedisWebhookDeduplicationEndToEndTest extends AbstractWebhookDeduplicationEndToEndTest {

    @RegisterExtension
    static final LocalRedis redis = new LocalRedis();

    @Autowired
    private RedisConnectionFactory connectionFactory;

    @Autowired
    private ApplicationContext context;

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry properties) {
        properties.add("spring.data.redis.port", redis::port);
    }

    @AfterEach
    void restartRedis() throws Exception {
        if (!redis.isRunning()) {
            redis.start();
        }
    }

    @Test
    void aRetryLandingOnAnotherInstanceIsAnsweredTheSame() throws Exception {
        Delivery delivery = delivery("Twice, on two instances");
        // Behind a load balancer, both instances see the URL Twilio signed: this instance's.
        Class<?> controller = ClassUtils.getUserClass(this.context.getBean(DeliveriesController.class));
        WebApplicationType type = (this.context instanceof ReactiveWebApplicationContext) ? WebApplicationType.REACTIVE
                : WebApplicationType.SERVLET;
        try (ConfigurableApplicationContext otherInstance = new SpringApplicationBuilder(App.class, controller)
            .web(type)
            .properties("server.port=0", "twilio.webhook.base-url=" + delivery.origin(),
                    "twilio.webhook.deduplication.enabled=true", "twilio.webhook.deduplication.store=redis",
                    "spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + redis.port())
            .run()) {
            String otherOrigin = "http://127.0.0.1:" + otherInstance.getEnvironment().getProperty("local.server.port");

            HttpResponse<byte[]> first = send(delivery);
            HttpResponse<byte[]> retry = send(delivery.toInstance(otherOrigin));

            assertThat(first.statusCode()).isEqualTo(200);
            assertSameAnswer(retry, first);
            assertThat(this.deliveries.handled()).isEqualTo(1);
            assertThat(otherInstance.getBean(Deliveries.class).handled()).isZero();
        }
    }

    @Test
    void withRedisStoppedWebhooksAreStillHandledAndDeduplicationResumesOnceItIsBack() throws Exception {
        redis.stop();
        Delivery delivery = delivery("Redis is down");

        HttpResponse<byte[]> first = send(delivery);
        HttpResponse<byte[]> retry = send(delivery);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(text(first)).contains("#1 ");
        assertThat(text(retry)).contains("#2 ");
        for (int i = 0; i < 3; i++) {
            assertThat(send(delivery("still down")).statusCode()).isEqualTo(200);
        }

        redis.start();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Delivery afterRestart = delivery("Redis is back");
            HttpResponse<byte[]> answer = send(afterRestart);
            assertThat(answer.statusCode()).isEqualTo(200);
            assertSameAnswer(send(afterRestart), answer);
        });
    }

    @Test
    void aRecordTamperedWithInRedisIsIgnored() throws Exception {
        Delivery delivery = delivery("tampered");
        assertThat(text(send(delivery))).contains("#1 ");
        RedisContents.everything(this.connectionFactory).forEach((name, value) -> {
            value[value.length - 1] ^= 1;
            RedisContents.replace(this.connectionFactory, name, value);
        });

        HttpResponse<byte[]> afterTampering = send(delivery);
        HttpResponse<byte[]> retry = send(delivery);

        assertThat(text(afterTampering)).contains("#2 ");
        assertSameAnswer(retry, afterTampering);
    }

    @Test
    void redisHoldsNeitherTheResponseNorTheSignatureNorASecret() throws Exception {
        RedisContents.flush(this.connectionFactory);
        Delivery delivery = delivery("XBODYX to keep");
        assertThat(send(delivery).statusCode()).isEqualTo(200);
        String signature = delivery.signature(delivery.origin() + delivery.path());

        Map<String, byte[]> everything = RedisContents.everything(this.connectionFactory);

        assertThat(everything).hasSize(1).allSatisfy((name, value) -> {
            assertThat(name).startsWith("twilio:webhook:");
            assertThat(name + new String(value, StandardCharsets.ISO_8859_1)).doesNotContain("XBODYX", "XSECRETX",
                    signature, ACCOUNT_SID, "+15558675310", delivery.idempotencyToken(), "Message");
        });
    }
}
