package io.github.twilioauth.store.redis;

import java.nio.charset.StandardCharsets;

/**
 * Lua scripts the Redis stores share: each runs as one atomic step.
 */
final class RedisScripts {

    /** Deletes {@code KEYS[1]} if it still holds {@code ARGV[1]}: releases one's own claim or lease and no other. */
    static final byte[] COMPARE_AND_DELETE = ("if redis.call('GET', KEYS[1]) == ARGV[1] then "
            + "return redis.call('DEL', KEYS[1]) end return 0")
        .getBytes(StandardCharsets.UTF_8);

    private RedisScripts() {
    }
}
