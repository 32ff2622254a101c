package io.github.twilioauth.testsupport;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

class LocalRedisTest {

    @RegisterExtension
    static final LocalRedis redis = new LocalRedis();

    @Test
    void answersOnItsPortThenStopsAndStartsAgainOnTheSamePort() throws Exception {
        stopsAndStartsAgainOnTheSamePort(redis);
    }

    @Test
    void saysWhichServerItIs() {
        assertThat(redis.description()).matches("Redis \\d+\\.\\d+\\.\\d+ \\(.+\\) at 127\\.0\\.0\\.1:" + redis.port());
    }

    static void stopsAndStartsAgainOnTheSamePort(LocalRedis redis) throws Exception {
        int port = redis.port();
        assertThat(LocalRedis.answersPing(port)).isTrue();

        redis.stop();
        assertThat(LocalRedis.answersPing(port)).isFalse();

        redis.start();
        assertThat(redis.port()).isEqualTo(port);
        assertThat(LocalRedis.answersPing(port)).isTrue();
    }

    @Nested
    class WhereNoRedisServerIsOnThePath {

        @RegisterExtension
        static final LocalRedis embedded = LocalRedis.embeddedOnly();

        @Test
        void theRedisThatEmbeddedRedisShipsServesAndRestartsOnTheSamePort() throws Exception {
            assertThat(embedded.description()).startsWith("Redis 6.2").contains("embedded-redis");

            stopsAndStartsAgainOnTheSamePort(embedded);
        }
    }
}
