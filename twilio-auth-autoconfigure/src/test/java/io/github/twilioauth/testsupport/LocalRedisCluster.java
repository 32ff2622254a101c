package io.github.twilioauth.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Redis Cluster for tests: three primaries on free loopback ports, the 16,384 hash slots
 * split between them, as a JUnit 5 extension registered on a static field, started before the
 * class's tests and stopped after them. The nodes run the binary {@link LocalRedis} finds (a
 * {@code redis-server} on the {@code PATH}, else embedded-redis's Redis 6.2), and are joined
 * with {@code CLUSTER ADDSLOTS} and {@code CLUSTER MEET}, commands of Redis 6.2, so no
 * {@code redis-cli} is needed. Nothing is persisted.
 */
public final class LocalRedisCluster implements BeforeAllCallback, AfterAllCallback {

    private static final int NODES = 3;

    private static final int SLOTS = 16_384;

    /** A node listens on its port and on its port plus this, the cluster bus. */
    private static final int BUS_OFFSET = 10_000;

    private static final Duration STARTUP = Duration.ofSeconds(30);

    private static final Duration SHUTDOWN = Duration.ofSeconds(10);

    private final List<Integer> ports = new ArrayList<>();

    private final List<Process> processes = new ArrayList<>();

    // Stop the processes should the JVM exit before the tests do.
    private final List<Thread> shutdownHooks = new ArrayList<>();

    private LocalRedis.Binary server;

    private Path directory;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException, InterruptedException {
        this.server = LocalRedis.binary();
        this.directory = Files.createTempDirectory("local-redis-cluster-");
        try {
            for (int i = 0; i < NODES; i++) {
                int port = freePortWithFreeBus();
                Process node = LocalRedis.launch(this.server, this.directory, port,
                        List.of("--cluster-enabled", "yes", "--cluster-config-file", "nodes-" + port + ".conf"));
                Thread hook = new Thread(node::destroyForcibly, "local-redis-cluster-" + port);
                Runtime.getRuntime().addShutdownHook(hook);
                this.processes.add(node);
                this.shutdownHooks.add(hook);
                this.ports.add(port);
            }
            join();
        }
        catch (IOException | InterruptedException | RuntimeException ex) {
            stop();
            throw ex;
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException, InterruptedException {
        stop();
        try (Stream<Path> files = Files.walk(this.directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /**
     * Returns the nodes, as {@code 127.0.0.1:port}.
     * @return the three primaries
     */
    public List<String> nodes() {
        return this.ports.stream().map((port) -> "127.0.0.1:" + port).toList();
    }

    /**
     * Returns which cluster this is, as the tests print it.
     * @return the binary and the nodes
     */
    public String description() {
        return this.server.description() + ", cluster of " + nodes();
    }

    /** Gives each node a third of the slots, introduces them, and waits until every node says ok. */
    private void join() throws IOException, InterruptedException {
        for (int i = 0; i < NODES; i++) {
            List<String> command = new ArrayList<>(List.of("CLUSTER", "ADDSLOTS"));
            for (int slot = i * SLOTS / NODES; slot < (i + 1) * SLOTS / NODES; slot++) {
                command.add(Integer.toString(slot));
            }
            expectOk(this.ports.get(i), command);
        }
        for (int i = 1; i < NODES; i++) {
            expectOk(this.ports.get(0), List.of("CLUSTER", "MEET", "127.0.0.1", Integer.toString(this.ports.get(i))));
        }
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (!allSayOk()) {
            if (System.nanoTime() > deadline) {
                throw new IOException("The Redis cluster " + nodes() + " did not reach cluster_state:ok within "
                        + STARTUP.toSeconds() + "s");
            }
            // A readiness poll within the deadline, not a wait for something to happen by itself.
            Thread.sleep(50);
        }
    }

    private boolean allSayOk() throws IOException {
        for (int port : this.ports) {
            String info = command(port, List.of("CLUSTER", "INFO"));
            if (!info.contains("cluster_state:ok") || !info.contains("cluster_known_nodes:" + NODES)) {
                return false;
            }
        }
        return true;
    }

    private void expectOk(int port, List<String> command) throws IOException {
        String answer = command(port, command);
        if (!answer.equals("OK")) {
            throw new IOException(command.get(0) + " " + command.get(1) + " on port " + port + " answered " + answer);
        }
    }

    /** Sends one command and returns its answer: a simple string, a bulk string, or an error. */
    private static String command(int port, List<String> command) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            socket.setSoTimeout(5000);
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.writeBytes(("*" + command.size() + "\r\n").getBytes(StandardCharsets.US_ASCII));
            for (String argument : command) {
                byte[] bytes = argument.getBytes(StandardCharsets.UTF_8);
                request.writeBytes(("$" + bytes.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
                request.writeBytes(bytes);
                request.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            OutputStream out = socket.getOutputStream();
            out.write(request.toByteArray());
            out.flush();
            InputStream in = socket.getInputStream();
            String line = readLine(in);
            return switch (line.charAt(0)) {
                case '+' -> line.substring(1);
                case '-' -> "error: " + line.substring(1);
                case '$' -> new String(in.readNBytes(Integer.parseInt(line.substring(1))), StandardCharsets.UTF_8);
                default -> "unexpected answer: " + line;
            };
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int read = in.read(); read != '\n'; read = in.read()) {
            if (read < 0) {
                throw new IOException("Redis closed the connection mid-answer");
            }
            if (read != '\r') {
                line.write(read);
            }
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    private static int freePortWithFreeBus() throws IOException {
        for (int attempt = 0; attempt < 20; attempt++) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                int port = socket.getLocalPort();
                if (port + BUS_OFFSET <= 65_535 && isFree(port + BUS_OFFSET)) {
                    return port;
                }
            }
        }
        throw new IOException("No free loopback port whose cluster bus port (plus " + BUS_OFFSET + ") is free too");
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        }
        catch (IOException ex) {
            return false;
        }
    }

    private void stop() throws InterruptedException {
        for (Process process : this.processes) {
            process.destroy();
        }
        for (Process process : this.processes) {
            if (!process.waitFor(SHUTDOWN.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(SHUTDOWN.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
        this.processes.clear();
        this.shutdownHooks.forEach(Runtime.getRuntime()::removeShutdownHook);
        this.shutdownHooks.clear();
    }
}
