package io.github.twilioauth.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;

/**
 * Reads and writes a {@link LocalRedis} behind the back of the code under test: what it stored,
 * every key and value, and values tampered with.
 */
public final class RedisContents {

    private RedisContents() {
    }

    /**
     * Connects to a local Redis with Lettuce, as Boot would.
     * @param redis the server
     * @return a started connection factory; the caller destroys it
     */
    public static LettuceConnectionFactory connectionFactory(LocalRedis redis) {
        LettuceConnectionFactory connectionFactory = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration("127.0.0.1", redis.port()),
                LettuceClientConfiguration.builder().commandTimeout(Duration.ofSeconds(5)).build());
        connectionFactory.afterPropertiesSet();
        connectionFactory.start();
        return connectionFactory;
    }

    /**
     * Returns every key and its value, found with {@code SCAN}.
     * @param connectionFactory connects to the server
     * @return the keys, as UTF-8, and their values
     */
    public static Map<String, byte[]> everything(RedisConnectionFactory connectionFactory) {
        Map<String, byte[]> everything = new LinkedHashMap<>();
        try (RedisConnection connection = connectionFactory.getConnection();
                Cursor<byte[]> keys = connection.keyCommands().scan(ScanOptions.scanOptions().count(1000).build())) {
            keys.forEachRemaining((key) -> everything.put(new String(key, StandardCharsets.UTF_8),
                    connection.stringCommands().get(key)));
        }
        return everything;
    }

    /**
     * Replaces the value of a key, keeping its time to live.
     * @param connectionFactory connects to the server
     * @param key the key
     * @param value the new value
     */
    public static void replace(RedisConnectionFactory connectionFactory, String key, byte[] value) {
        try (RedisConnection connection = connectionFactory.getConnection()) {
            connection.execute("SET", key.getBytes(StandardCharsets.UTF_8), value,
                    "KEEPTTL".getBytes(StandardCharsets.US_ASCII));
        }
    }

    /**
     * Removes every key.
     * @param connectionFactory connects to the server
     */
    public static void flush(RedisConnectionFactory connectionFactory) {
        try (RedisConnection connection = connectionFactory.getConnection()) {
            connection.serverCommands().flushAll();
        }
    }

    /**
     * Resets the server's statistics, so that {@link #scriptsRun} counts from zero.
     * @param connectionFactory connects to the server
     */
    public static void resetStatistics(RedisConnectionFactory connectionFactory) {
        try (RedisConnection connection = connectionFactory.getConnection()) {
            connection.serverCommands().resetConfigStats();
        }
    }

    /**
     * Returns how many Lua scripts ({@code EVAL}) the server ran since its statistics were reset.
     * @param connectionFactory connects to the server
     * @return the count
     */
    public static long scriptsRun(RedisConnectionFactory connectionFactory) {
        try (RedisConnection connection = connectionFactory.getConnection()) {
            String stats = connection.serverCommands().info("commandstats").getProperty("cmdstat_eval");
            return (stats != null) ? Long.parseLong(stats.replaceAll("^calls=(\\d+),.*$", "$1")) : 0;
        }
    }
}
