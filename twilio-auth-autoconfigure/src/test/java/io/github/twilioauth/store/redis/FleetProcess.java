package io.github.twilioauth.store.redis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * One {@link FleetInstance} in a JVM of its own, started with this JVM's {@code java} and class
 * path, and what it reported: the hash of each tenant's current token, and the calls that failed.
 * Its standard error goes to {@code target/fleet-test/instance-<index>.log}. {@link #close()}
 * asks it to quit, and ends the process if it does not within 20 seconds.
 */
public final class FleetProcess implements AutoCloseable {

    private final Process process;

    private final Writer commands;

    private final Map<Integer, String> tokens = new ConcurrentHashMap<>();

    private final List<String> failures = new CopyOnWriteArrayList<>();

    private final Thread reader;

    /**
     * Starts an instance.
     * @param index the instance's number, in its log's name
     * @param redisPort the port of Redis on {@code 127.0.0.1}
     * @param tokenUrl the token endpoint
     * @param tenants how many tenants it has
     * @throws IOException if the JVM does not start
     */
    public FleetProcess(int index, int redisPort, String tokenUrl, int tenants) throws IOException {
        Path log = Files.createDirectories(Path.of("target", "fleet-test")).resolve("instance-" + index + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        this.process = new ProcessBuilder(java, "-Xmx96m", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), FleetInstance.class.getName(), String.valueOf(redisPort),
                tokenUrl, String.valueOf(tenants))
            .redirectError(log.toFile())
            .start();
        this.commands = new OutputStreamWriter(this.process.getOutputStream(), StandardCharsets.UTF_8);
        this.reader = new Thread(this::read, "fleet-instance-" + index);
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /**
     * Returns the hash of a tenant's current token, as the instance last reported it.
     * @param tenant the tenant's number
     * @return the hash, or {@code null} before its first token
     */
    public String token(int tenant) {
        return this.tokens.get(tenant);
    }

    /**
     * Returns the hashes of the tenants' current tokens.
     * @return a copy, by tenant number
     */
    public Map<Integer, String> tokens() {
        return Map.copyOf(this.tokens);
    }

    /**
     * Returns the calls that failed, as the instance reported them.
     * @return the failures
     */
    public List<String> failures() {
        return this.failures;
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String[] fields = line.split(" ");
                if (fields.length == 3 && fields[0].equals("T")) {
                    this.tokens.put(Integer.parseInt(fields[1]), fields[2]);
                }
                else if (fields[0].equals("F")) {
                    this.failures.add(line);
                }
            }
        }
        catch (IOException ex) {
            this.failures.add("reading the instance's output failed: " + ex);
        }
    }

    /**
     * Sends a command, such as {@code reject 0}.
     * @param command the command
     */
    public void send(String command) {
        try {
            this.commands.write(command + "\n");
            this.commands.flush();
        }
        catch (IOException ex) {
            throw new IllegalStateException("The instance is gone", ex);
        }
    }

    @Override
    public void close() throws InterruptedException {
        try {
            send("quit");
        }
        catch (IllegalStateException ex) {
            // Already gone.
        }
        if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
            this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        this.reader.join(TimeUnit.SECONDS.toMillis(10));
    }
}
