package io.github.twilioauth.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import io.github.twilioauth.store.redis.FleetProcess;
import io.github.twilioauth.test.MockTwilioServer;
import io.github.twilioauth.token.ApiTokenManager;
import io.github.twilioauth.token.TokenManagerSettings;

/**
 * The Redis token store (issue 22) as events: token requests per tenant at a cold start and per
 * renewal round for fleets of 2, 4 and 8 JVMs on one Redis (target 1.0), and the latency a cold
 * start adds through the store.
 * <p>
 * Fleets: each instance is a JVM of its own ({@code FleetInstance} of the library's test
 * support) with {@value #TENANTS} tenants whose tokens are asked for every 20 ms; the stand-in
 * issues 15-second tokens (usable 12.5 s, renewed after 9 to 10 s). A round ends when every
 * instance holds the same new token for every tenant; its token requests are counted then.
 * <p>
 * Cold start: the first {@code getToken()} of a fresh manager, {@value #COLD_ROUNDS} times after
 * {@value #COLD_WARMUP} warm-up rounds, in memory, through the store with Redis empty (a miss:
 * the lease, the token request, and publishing, which the caller does not wait for), and through
 * the store with the token published (a hit: no token request).
 * <p>
 * Run with {@code java -cp benchmarks/target/benchmarks.jar io.github.twilioauth.benchmarks.TokenStoreScenarios}
 * (fleet sizes as arguments, 2 4 8 by default).
 */
public final class TokenStoreScenarios {

    private static final int TENANTS = 20;

    private static final int RENEWAL_ROUNDS = 3;

    private static final Duration TOKEN_LIFETIME = Duration.ofSeconds(15);

    private static final Duration ROUND_TIMEOUT = Duration.ofSeconds(60);

    private static final int COLD_WARMUP = 20;

    private static final int COLD_ROUNDS = 200;

    private TokenStoreScenarios() {
    }

    public static void main(String[] args) throws Exception {
        int[] fleets = (args.length > 0) ? Arrays.stream(args).mapToInt(Integer::parseInt).toArray()
                : new int[] { 2, 4, 8 };
        try (RedisTokens redis = RedisTokens.start()) {
            System.out.println("Redis: " + redis.redis().description());
            System.out.println();
            System.out.println("| JVMs | tenants | token requests per tenant: cold start | renewal rounds 1, 2, 3 |");
            System.out.println("|---:|---:|---:|---|");
            for (int instances : fleets) {
                redis.flush();
                fleet(redis, instances);
            }
            redis.flush();
            System.out.println();
            coldStart(redis);
        }
    }

    private static void fleet(RedisTokens redis, int instances) throws Exception {
        try (MockTwilioServer twilio = new MockTwilioServer().start()) {
            for (int i = 0; i < TENANTS; i++) {
                twilio.oauthApp(String.format("OQ%032d", i), "secret-" + i, String.format("AC%032d", i));
            }
            twilio.tokenLifetime(TOKEN_LIFETIME);
            List<FleetProcess> fleet = new ArrayList<>();
            try {
                for (int i = 0; i < instances; i++) {
                    fleet.add(new FleetProcess(i, redis.redis().port(), twilio.tokenUrl(), TENANTS));
                }
                Map<Integer, String> tokens = awaitRound(fleet, Map.of());
                List<String> perRound = new ArrayList<>();
                String coldStart = perTenant(twilio.tokenRequestCount());
                for (int round = 0; round < RENEWAL_ROUNDS; round++) {
                    int before = twilio.tokenRequestCount();
                    tokens = awaitRound(fleet, tokens);
                    perRound.add(perTenant(twilio.tokenRequestCount() - before));
                }
                long failures = fleet.stream().mapToLong((instance) -> instance.failures().size()).sum();
                System.out.println("| " + instances + " | " + TENANTS + " | " + coldStart + " | "
                        + String.join(", ", perRound) + ((failures > 0) ? " (" + failures + " failed calls)" : "")
                        + " |");
            }
            finally {
                for (FleetProcess instance : fleet) {
                    instance.close();
                }
            }
        }
    }

    private static String perTenant(int requests) {
        return String.format("%.2f", (double) requests / TENANTS);
    }

    /** Waits until every instance holds the same token for every tenant, other than the one given. */
    private static Map<Integer, String> awaitRound(List<FleetProcess> fleet, Map<Integer, String> previous) {
        Map<Integer, String> agreed = new HashMap<>();
        awaitUntil(() -> {
            agreed.clear();
            for (int tenant = 0; tenant < TENANTS; tenant++) {
                String token = fleet.get(0).token(tenant);
                for (FleetProcess instance : fleet) {
                    if (token == null || !token.equals(instance.token(tenant))) {
                        return false;
                    }
                }
                if (token.equals(previous.get(tenant))) {
                    return false;
                }
                agreed.put(tenant, token);
            }
            return true;
        });
        return Map.copyOf(agreed);
    }

    private static void awaitUntil(BooleanSupplier condition) {
        long deadline = System.nanoTime() + ROUND_TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("No round within " + ROUND_TIMEOUT.toSeconds() + " s");
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    private static void coldStart(RedisTokens redis) {
        try (MockTwilioServer twilio = LocalTwilio.start()) {
            TokenManagerSettings shared = TokenManagerSettings.builder().tokenStore(redis.store()).build();
            TokenManagerSettings alone = TokenManagerSettings.builder().build();
            long[] memory = new long[COLD_ROUNDS];
            long[] miss = new long[COLD_ROUNDS];
            long[] hit = new long[COLD_ROUNDS];
            for (int round = -COLD_WARMUP; round < COLD_ROUNDS; round++) {
                long memoryNanos = firstToken(twilio, alone);
                redis.flush();
                long missNanos = firstToken(twilio, shared);
                awaitUntil(() -> !redis.leaseHeld());
                long hitNanos = firstToken(twilio, shared);
                if (round >= 0) {
                    memory[round] = memoryNanos;
                    miss[round] = missNanos;
                    hit[round] = hitNanos;
                }
            }
            System.out.println("Cold start, first getToken() of a fresh manager, " + COLD_ROUNDS + " rounds after "
                    + COLD_WARMUP + " warm-up rounds (stand-in without added latency):");
            System.out.println();
            System.out.println("| | median | p90 | max |");
            System.out.println("|---|---:|---:|---:|");
            print("in memory (token request)", memory);
            print("Redis store, miss (lease, token request, publish)", miss);
            print("Redis store, hit (token another instance requested)", hit);
        }
    }

    private static long firstToken(MockTwilioServer twilio, TokenManagerSettings settings) {
        ApiTokenManager manager = new ApiTokenManager(
                LocalTwilio.options(twilio, LocalTwilio.CLIENT_ID, LocalTwilio.CLIENT_SECRET).build(), settings);
        try {
            long start = System.nanoTime();
            manager.getToken();
            return System.nanoTime() - start;
        }
        finally {
            manager.close();
        }
    }

    private static void print(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.println("| " + what + " | " + millis(sorted[sorted.length / 2]) + " | "
                + millis(sorted[(int) (sorted.length * 0.9)]) + " | " + millis(sorted[sorted.length - 1]) + " |");
    }

    private static String millis(long nanos) {
        return String.format("%.2f ms", nanos / 1e6);
    }
}
