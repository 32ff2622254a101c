package io.github.twilioauth.store.redis;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;

import io.github.twilioauth.store.CircuitBreaker;
import io.github.twilioauth.token.ApiTokenManager;
import io.github.twilioauth.token.TokenManagerOptions;
import io.github.twilioauth.token.TokenManagerSettings;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * One instance of an application in {@link FleetTest}, run in a JVM of its own: the built-in
 * token managers of its tenants on a {@link RedisTokenStore}, asked for their tokens every few
 * milliseconds as calls would. Reports on standard output, one line each: {@code T <tenant> <hash>}
 * when a tenant's token changes (a hash, never the token), {@code F <tenant> <failure>} when a
 * call fails. Reads commands from standard input: {@code reject <tenant>} as a 401 with the
 * tenant's current token would, {@code quit} to stop.
 * <p>
 * Arguments: the Redis port, the token URL, the number of tenants. Tenant {@code i} has client id
 * {@code OQ} followed by {@code i} in 32 digits and client secret {@code secret-<i>}.
 */
public final class FleetInstance {

    private static final Duration CALL_INTERVAL = Duration.ofMillis(20);

    private FleetInstance() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String tokenUrl = args[1];
        int tenants = Integer.parseInt(args[2]);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        ClientResources resources = ClientResources.builder()
            .reconnectDelay(Delay.constant(Duration.ofMillis(100)))
            .build();
        // A command sent while Redis is away fails at once rather than waiting to run after it is back.
        LettuceConnectionFactory connectionFactory = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration("127.0.0.1", port),
                LettuceClientConfiguration.builder()
                    .clientResources(resources)
                    .clientOptions(ClientOptions.builder()
                        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                        .build())
                    .commandTimeout(Duration.ofSeconds(1))
                    .build());
        connectionFactory.afterPropertiesSet();
        connectionFactory.start();
        RedisCommandExecutor redis = new RedisCommandExecutor(connectionFactory, Duration.ofMillis(500),
                new CircuitBreaker(3, Duration.ofSeconds(1), System::nanoTime), "fleet-redis", 8);
        redis.connect();
        RedisTokenStore store = new RedisTokenStore(redis, "twilio:token:", null);
        ExecutorService tokenExecutor = Executors.newFixedThreadPool(4);
        TokenManagerSettings settings = TokenManagerSettings.builder().executor(tokenExecutor).tokenStore(store).build();
        List<ApiTokenManager> managers = new ArrayList<>();
        for (int i = 0; i < tenants; i++) {
            managers.add(new ApiTokenManager(TokenManagerOptions.builder()
                .clientId(String.format("OQ%032d", i))
                .clientSecret("secret-" + i)
                .tokenUrl(tokenUrl)
                .build(), settings));
        }
        String[] seen = new String[tenants];
        ScheduledExecutorService calls = Executors.newSingleThreadScheduledExecutor();
        calls.scheduleWithFixedDelay(() -> {
            for (int i = 0; i < tenants; i++) {
                report(out, seen, i, managers.get(i)::getToken);
            }
        }, 0, CALL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
                if (line.startsWith("reject ")) {
                    int tenant = Integer.parseInt(line.substring("reject ".length()));
                    ApiTokenManager manager = managers.get(tenant);
                    String rejected = manager.getToken();
                    calls.execute(() -> report(out, seen, tenant, () -> manager.refreshToken(rejected)));
                }
            }
        }
        calls.shutdownNow();
        calls.awaitTermination(10, TimeUnit.SECONDS);
        managers.forEach(ApiTokenManager::close);
        tokenExecutor.shutdownNow();
        store.close();
        connectionFactory.destroy();
        resources.shutdown();
    }

    /** Calls for a token, on the one calling thread, and reports a change or a failure. */
    private static void report(PrintStream out, String[] seen, int tenant, Supplier<String> call) {
        try {
            String token = call.get();
            String hash = hash(token);
            if (!hash.equals(seen[tenant])) {
                seen[tenant] = hash;
                out.println("T " + tenant + " " + hash);
            }
        }
        catch (RuntimeException ex) {
            out.println("F " + tenant + " " + ex.getClass().getName());
        }
    }

    /** The first 16 hex digits of a token's SHA-256: what the test compares, so no token leaves this JVM. */
    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest, 0, 8);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
