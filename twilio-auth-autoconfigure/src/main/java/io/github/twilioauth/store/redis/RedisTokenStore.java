package io.github.twilioauth.store.redis;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import io.github.twilioauth.store.CircuitBreaker;
import io.github.twilioauth.store.StoreCipher;
import io.github.twilioauth.token.SharedToken;
import io.github.twilioauth.token.Ticker;
import io.github.twilioauth.token.TokenManagerOptions;
import io.github.twilioauth.token.TokenManagerSettings;
import io.github.twilioauth.token.TokenStore;
import org.jspecify.annotations.Nullable;

import org.springframework.data.redis.connection.ReturnType;
import org.springframework.data.redis.core.RedisCallback;

/**
 * A {@link TokenStore} on Redis, shared by every instance of the application: one token request
 * per client at a cold start and per renewal, whatever the number of instances.
 * <p>
 * A client's token lives at {@code <prefix>{<fingerprint>:<id>}}, its lease at the same name
 * followed by {@code :lease}. The id is a hash of the token type, grant type, token endpoint and
 * client id; the fingerprint is that of the encryption key, derived from the client secret, or
 * from the configured key: instances on an old and a new secret during a rotation keep separate
 * entries. The braces put both keys of a client in one slot of a Redis Cluster, as the scripts
 * that touch both need. The value is the token and its usable life, encrypted with AES-GCM and
 * the full key name as associated data; it expires when the token stops being usable, so that
 * {@code PTTL} gives every instance the remaining usable life on Redis's clock, converted to its
 * own ticker without trusting any machine's wall clock. Redis holds no token, client id or secret
 * in the clear.
 * <p>
 * A claim is one Lua script: it returns the token unless it is the one found unwanted before, and
 * else takes the lease ({@code SET NX PX}, a random value, for one token request: the connect and
 * read timeouts of the manager and a second), or reports the lease of another instance, whose
 * token it then polls for, 10 ms apart at first and up to 100 ms, until the lease is free. Publishing
 * sets the token unless a token that lives longer is there (the one found unwanted is always
 * replaced, so a value that does not decrypt or parse is never in the way), and releases the lease
 * by compare-and-delete of its own value, in one script. Only commands of Redis 6.2 are used.
 * <p>
 * Every command goes through the {@link RedisCommandExecutor}: bounded by its timeout, behind its
 * circuit breaker. A command that fails, times out or answers garbage ends the claim without a
 * token or lease, and the manager requests its own token; since the script may still run late
 * (a Redis slower than the timeout, a command the client queued while reconnecting), such a
 * claim still releases its lease value by compare-and-delete, so that it holds no lease for long. The store owns its executor and closes
 * it with itself. Thread-safe.
 */
public final class RedisTokenStore implements TokenStore, AutoCloseable {

    /** The purpose the encryption keys of tokens are derived for. */
    public static final String PURPOSE = "oauth-tokens";

    // KEYS: token, lease. ARGV: the token value found unwanted (or ''), a lease value, the lease in ms.
    // Returns {1, token, pttl} for another token, else {2} once it took the lease, else {3, '', lease pttl}.
    private static final byte[] CLAIM = ("local token = redis.call('GET', KEYS[1]) "
            + "if token and token ~= ARGV[1] then return {1, token, redis.call('PTTL', KEYS[1])} end "
            + "if redis.call('SET', KEYS[2], ARGV[2], 'NX', 'PX', ARGV[3]) then return {2} end "
            + "return {3, '', redis.call('PTTL', KEYS[2])}")
        .getBytes(StandardCharsets.UTF_8);

    // KEYS: token, lease. ARGV: the new token value, its lifetime in ms, the value found unwanted (or ''),
    // the lease value (or ''). Sets the token unless one that lives longer is there, then releases the lease.
    private static final byte[] PUBLISH = ("local token = redis.call('GET', KEYS[1]) "
            + "if not token or token == ARGV[3] or redis.call('PTTL', KEYS[1]) < tonumber(ARGV[2]) then "
            + "redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) end "
            + "if ARGV[4] ~= '' and redis.call('GET', KEYS[2]) == ARGV[4] then redis.call('DEL', KEYS[2]) end "
            + "return 1")
        .getBytes(StandardCharsets.UTF_8);

    private static final long FOUND = 1;

    private static final long LEASED = 2;

    private static final byte[] NONE = new byte[0];

    private static final byte VERSION = 1;

    private static final long FIRST_POLL_MILLIS = 10;

    private static final long MAX_POLL_MILLIS = 100;

    private static final int ID_BYTES = 16;

    private final RedisCommandExecutor redis;

    private final String keyPrefix;

    private final @Nullable StoreCipher cipher;

    /**
     * Creates a store.
     * @param redis runs the commands; closed with the store
     * @param keyPrefix what every key name starts with, such as {@code twilio:token:}
     * @param cipher the cipher of a configured key, or {@code null} to derive one from each
     * client's secret
     */
    public RedisTokenStore(RedisCommandExecutor redis, String keyPrefix, @Nullable StoreCipher cipher) {
        this.redis = redis;
        this.keyPrefix = keyPrefix;
        this.cipher = cipher;
    }

    @Override
    public Slot slot(String tokenType, TokenManagerOptions options, TokenManagerSettings settings) {
        String clientId = required(options.clientId(), "clientId");
        StoreCipher cipher = (this.cipher != null) ? this.cipher
                : StoreCipher.derive(required(options.clientSecret(), "clientSecret").getBytes(StandardCharsets.UTF_8),
                        PURPOSE);
        String name = this.keyPrefix + "{" + cipher.fingerprint() + ":"
                + id(tokenType, options.grantType(), options.tokenUrl(), clientId) + "}";
        Duration lease = settings.connectTimeout().plus(settings.readTimeout()).plusSeconds(1);
        return new RedisSlot(cipher, name, settings.ticker(), lease.toMillis());
    }

    private static String required(@Nullable String value, String field) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("TokenManagerOptions." + field + " must not be empty");
        }
        return value;
    }

    /** A hash of what identifies a client's tokens, so that key names carry no client id. */
    private static String id(String... parts) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                sha256.update(part.getBytes(StandardCharsets.UTF_8));
                sha256.update((byte) 0);
            }
            byte[] digest = sha256.digest();
            return HexFormat.of().formatHex(digest, 0, ID_BYTES);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("Every Java platform supports SHA-256", ex);
        }
    }

    /**
     * Returns the state of the circuit breaker in front of Redis, for health: while it is not
     * closed, each instance requests its own tokens.
     * @return the state
     */
    public CircuitBreaker.State state() {
        return this.redis.state();
    }

    /**
     * Returns what every key name starts with.
     * @return the prefix
     */
    public String keyPrefix() {
        return this.keyPrefix;
    }

    /**
     * Closes the command executor.
     */
    @Override
    public void close() {
        this.redis.close();
    }

    @Override
    public String toString() {
        return "RedisTokenStore[" + this.keyPrefix + ", " + this.redis + "]";
    }

    /** One client's token and lease. */
    private final class RedisSlot implements Slot {

        private final StoreCipher cipher;

        private final byte[] key;

        private final byte[] leaseKey;

        private final Ticker ticker;

        private final byte[] leaseMillis;

        RedisSlot(StoreCipher cipher, String name, Ticker ticker, long leaseMillis) {
            this.cipher = cipher;
            this.key = name.getBytes(StandardCharsets.UTF_8);
            this.leaseKey = (name + ":lease").getBytes(StandardCharsets.UTF_8);
            this.ticker = ticker;
            this.leaseMillis = ascii(leaseMillis);
        }

        @Override
        public Claim claim(Predicate<SharedToken> wanted, Duration maxWait, Pause pause) {
            long deadline = System.nanoTime() + maxWait.toNanos();
            byte[] lease = UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII);
            byte[] unwanted = NONE;
            boolean waited = false;
            long pollMillis = FIRST_POLL_MILLIS;
            while (true) {
                long readAt = this.ticker.read();
                byte[] found = unwanted;
                Answer answer = run((connection) -> connection.scriptingCommands()
                    .eval(CLAIM, ReturnType.MULTI, 2, this.key, this.leaseKey, found, lease, this.leaseMillis));
                if (answer == null) {
                    // The script may still run (a command the client queued, a Redis slower than the timeout):
                    // releasing the claim compares-and-deletes this lease value, in case it was taken.
                    return new RedisClaim(this, null, lease, false, unwanted, waited);
                }
                if (answer.kind() == FOUND) {
                    SharedToken token = open(answer.value(), readAt, answer.millis());
                    if (token != null && wanted.test(token)) {
                        return new RedisClaim(this, token, null, false, NONE, waited);
                    }
                    unwanted = answer.value();
                }
                else if (answer.kind() == LEASED) {
                    return new RedisClaim(this, null, lease, true, unwanted, waited);
                }
                else {
                    waited = true;
                    long remainingMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                    long waitMillis = Math.min(Math.min(pollMillis, Math.max(1, answer.millis())), remainingMillis);
                    if (waitMillis <= 0 || !pause.await(Duration.ofMillis(waitMillis))) {
                        return new RedisClaim(this, null, null, false, unwanted, true);
                    }
                    pollMillis = Math.min(2 * pollMillis, MAX_POLL_MILLIS);
                }
                if (deadline - System.nanoTime() <= 0) {
                    // Tokens that would not do kept arriving.
                    return new RedisClaim(this, null, null, false, unwanted, waited);
                }
            }
        }

        /** Runs a claim's script, bounded; {@code null} when Redis failed, did not answer in time or answered garbage. */
        private @Nullable Answer run(RedisCallback<List<Object>> script) {
            List<Object> answer;
            try {
                // Bounded by the command's own timeout already; twice that is a margin, not a wait.
                answer = RedisTokenStore.this.redis.execute(script)
                    .get(2 * RedisTokenStore.this.redis.timeout().toNanos(), TimeUnit.NANOSECONDS);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return null;
            }
            catch (ExecutionException | TimeoutException ex) {
                return null;
            }
            return Answer.of(answer);
        }

        /** Decrypts and reads a value; {@code null} when it does not decrypt or parse, or is not usable. */
        private @Nullable SharedToken open(byte[] value, long readAt, long pttlMillis) {
            byte[] plaintext = this.cipher.decrypt(value, this.key);
            if (plaintext == null || pttlMillis <= 0) {
                return null;
            }
            try {
                ByteBuffer bytes = ByteBuffer.wrap(plaintext);
                if (bytes.get() != VERSION) {
                    return null;
                }
                long usableLife = bytes.getLong();
                long remaining = TimeUnit.MILLISECONDS.toNanos(pttlMillis);
                // A token's entry never outlives its usable life; one that claims to is not ours.
                if (remaining > usableLife || !bytes.hasRemaining()) {
                    return null;
                }
                byte[] token = new byte[bytes.remaining()];
                bytes.get(token);
                return new SharedToken(new String(token, StandardCharsets.US_ASCII), usableLife, readAt + remaining);
            }
            catch (BufferUnderflowException ex) {
                return null;
            }
        }

        private byte[] seal(SharedToken token) {
            byte[] value = token.value().getBytes(StandardCharsets.US_ASCII);
            byte[] plaintext = ByteBuffer.allocate(1 + Long.BYTES + value.length)
                .put(VERSION)
                .putLong(token.usableLife())
                .put(value)
                .array();
            return this.cipher.encrypt(plaintext, this.key);
        }

        CompletableFuture<Void> publish(SharedToken token, byte @Nullable [] lease, byte[] unwanted) {
            long millis = TimeUnit.NANOSECONDS.toMillis(token.usableUntil() - this.ticker.read());
            if (millis <= 0) {
                return release(lease);
            }
            byte[] value = seal(token);
            byte[] leaseValue = (lease != null) ? lease : NONE;
            return RedisTokenStore.this.redis
                .execute((connection) -> connection.scriptingCommands()
                    .eval(PUBLISH, ReturnType.INTEGER, 2, this.key, this.leaseKey, value, ascii(millis), unwanted,
                            leaseValue))
                .thenApply((published) -> null);
        }

        CompletableFuture<Void> release(byte @Nullable [] lease) {
            if (lease == null) {
                return CompletableFuture.completedFuture(null);
            }
            return RedisTokenStore.this.redis
                .execute((connection) -> connection.scriptingCommands()
                    .eval(RedisScripts.COMPARE_AND_DELETE, ReturnType.INTEGER, 1, this.leaseKey, lease))
                .thenApply((released) -> null);
        }

        private static byte[] ascii(long number) {
            return Long.toString(number).getBytes(StandardCharsets.US_ASCII);
        }
    }

    /**
     * The answer of the claim script.
     * @param kind {@link #FOUND}, {@link #LEASED}, or another instance's lease
     * @param value the token found, or empty
     * @param millis the token's {@code PTTL}, or the other lease's
     */
    private record Answer(long kind, byte[] value, long millis) {

        static @Nullable Answer of(@Nullable List<Object> answer) {
            if (answer == null || answer.isEmpty() || !(answer.get(0) instanceof Long kind)) {
                return null;
            }
            if (kind == LEASED) {
                return new Answer(kind, NONE, 0);
            }
            if (answer.size() == 3 && answer.get(1) instanceof byte[] value && answer.get(2) instanceof Long millis) {
                return new Answer(kind, value, millis);
            }
            return null;
        }
    }

    /** A claim's outcome, and what publishing or releasing it needs. */
    private static final class RedisClaim implements Claim {

        private final RedisSlot slot;

        private final @Nullable SharedToken token;

        /** The lease value this claim holds, or may hold when Redis did not answer; released by compare-and-delete. */
        private final byte @Nullable [] lease;

        private final boolean leased;

        private final byte[] unwanted;

        private final boolean waited;

        RedisClaim(RedisSlot slot, @Nullable SharedToken token, byte @Nullable [] lease, boolean leased,
                byte[] unwanted, boolean waited) {
            this.slot = slot;
            this.token = token;
            this.lease = lease;
            this.leased = leased;
            this.unwanted = unwanted;
            this.waited = waited;
        }

        @Override
        public @Nullable SharedToken token() {
            return this.token;
        }

        @Override
        public boolean leased() {
            return this.leased;
        }

        @Override
        public boolean waited() {
            return this.waited;
        }

        @Override
        public CompletableFuture<Void> publish(SharedToken token) {
            return this.slot.publish(token, this.lease, this.unwanted);
        }

        @Override
        public CompletableFuture<Void> release() {
            return this.slot.release(this.lease);
        }
    }
}
