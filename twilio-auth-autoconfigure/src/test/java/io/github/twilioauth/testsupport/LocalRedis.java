package io.github.twilioauth.testsupport;

import java.io.File;
import java.io.IOException;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import redis.embedded.core.ExecutableProvider;

/**
 * A real Redis server for tests, on a free loopback port, as a JUnit 5 extension registered on a
 * static field: started before the class's tests, stopped after them.
 * <pre class="code">
 * &#064;RegisterExtension
 * static final LocalRedis redis = new LocalRedis();
 * </pre>
 * The server is, in this order: a {@code redis-server} found on the {@code PATH} (Debian's
 * package, for one); else the Redis 6.2 binary that {@code com.github.codemonstur:embedded-redis}
 * ships for Linux and macOS (a test dependency of the module using this class). Where neither
 * runs, the class's tests fail, saying how to install Redis: never skipped. Each test prints
 * which server it runs on.
 * <p>
 * {@link #stop()} and {@link #start()} stop the server and start a new, empty one on the same
 * port in the middle of a test. A server is stopped through its process, never by name, and
 * persists nothing. Not thread-safe: one test drives it.
 */
public final class LocalRedis implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

    private static final Duration STARTUP = Duration.ofSeconds(15);

    private static final Duration SHUTDOWN = Duration.ofSeconds(10);

    private static final Pattern VERSION = Pattern.compile("v=(\\S+)");

    private static final String INSTALL = "Install Redis 6.2 or later so that redis-server is on the PATH:"
            + " 'sudo apt-get install redis-server' (Debian, Ubuntu), 'sudo dnf install redis' (Fedora),"
            + " 'brew install redis' (macOS).";

    // Found once per JVM: which binary, or why there is none.
    private static Binary binary;

    private static String unavailable;

    private final boolean embeddedOnly;

    private Binary server;

    // The test class whose beforeAll started the server: a @Nested class inherits the extension,
    // and its callbacks leave the server as it is.
    private Class<?> owner;

    private Path directory;

    private int port;

    private Process process;

    // Stops the process should the JVM exit before the test does.
    private Thread shutdownHook;

    /**
     * A server from the PATH, else the one embedded-redis ships.
     */
    public LocalRedis() {
        this(false);
    }

    private LocalRedis(boolean embeddedOnly) {
        this.embeddedOnly = embeddedOnly;
    }

    /**
     * A server from the binary embedded-redis ships, whatever the PATH has: to check that the
     * fallback runs.
     * @return the extension
     */
    static LocalRedis embeddedOnly() {
        return new LocalRedis(true);
    }

    /**
     * Starts the server on a free loopback port, failing with how to install Redis if no server
     * can run.
     */
    @Override
    public void beforeAll(ExtensionContext context) throws IOException, InterruptedException {
        if (this.owner != null) {
            return;
        }
        this.owner = context.getRequiredTestClass();
        launchOnFreePort();
    }

    /**
     * Starts a server on a free loopback port for a program outside JUnit, such as a benchmark,
     * which stops it with {@link #stop()}.
     * @return the running server
     * @throws IOException if no server can run
     * @throws InterruptedException if interrupted while waiting for it
     */
    public static LocalRedis startOutsideJUnit() throws IOException, InterruptedException {
        LocalRedis redis = new LocalRedis();
        redis.launchOnFreePort();
        return redis;
    }

    private void launchOnFreePort() throws IOException, InterruptedException {
        this.server = this.embeddedOnly ? embedded() : binary();
        this.directory = Files.createTempDirectory("local-redis-");
        IOException lastFailure = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            this.port = freePort();
            try {
                launch();
                return;
            }
            catch (IOException ex) {
                // Another process may have taken the port in between: try another.
                lastFailure = ex;
            }
        }
        throw lastFailure;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        System.out.println(context.getDisplayName() + " (" + context.getRequiredTestClass().getSimpleName()
                + ") runs on " + description());
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException, InterruptedException {
        if (context.getRequiredTestClass() != this.owner) {
            return;
        }
        this.owner = null;
        stop();
        if (this.directory != null) {
            try (Stream<Path> files = Files.walk(this.directory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /**
     * Returns the port the server listens on, on {@code 127.0.0.1}; the same across restarts.
     * @return the port
     */
    public int port() {
        return this.port;
    }

    /**
     * Returns which server this is, as the tests print it.
     * @return such as {@code Redis 7.0.15 (redis-server on the PATH, /usr/bin/redis-server) at
     * 127.0.0.1:40321}
     */
    public String description() {
        return this.server.description() + " at 127.0.0.1:" + this.port;
    }

    /**
     * Returns whether the server runs: after a test that stopped it, {@link #start()} it again.
     * @return whether it was started and not stopped
     */
    public boolean isRunning() {
        return this.process != null;
    }

    /**
     * Stops the server through its process and waits until it has exited; nothing when it is not
     * running.
     * @throws InterruptedException if interrupted while waiting
     */
    public void stop() throws InterruptedException {
        Process running = this.process;
        if (running == null) {
            return;
        }
        this.process = null;
        Runtime.getRuntime().removeShutdownHook(this.shutdownHook);
        running.destroy();
        if (!running.waitFor(SHUTDOWN.toMillis(), TimeUnit.MILLISECONDS)) {
            running.destroyForcibly();
            running.waitFor(SHUTDOWN.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Starts a new, empty server on the same port, after {@link #stop()}, and waits until it
     * answers.
     * @throws IOException if it does not start
     * @throws InterruptedException if interrupted while waiting
     */
    public void start() throws IOException, InterruptedException {
        if (this.process != null) {
            throw new IllegalStateException("Redis is running on port " + this.port);
        }
        launch();
    }

    private void launch() throws IOException, InterruptedException {
        Process started = launch(this.server, this.directory, this.port, List.of());
        Thread hook = new Thread(started::destroyForcibly, "local-redis-" + this.port);
        Runtime.getRuntime().addShutdownHook(hook);
        this.process = started;
        this.shutdownHook = hook;
    }

    /**
     * Starts a server on a loopback port, persisting nothing, and waits until it answers
     * {@code PING}.
     * @param server the binary
     * @param directory its working directory, where its log goes
     * @param port the port
     * @param options more options, such as {@code --cluster-enabled yes}
     * @return the running server's process
     * @throws IOException if it exits or does not answer within {@link #STARTUP}, with its log
     * @throws InterruptedException if interrupted while waiting
     */
    static Process launch(Binary server, Path directory, int port, List<String> options)
            throws IOException, InterruptedException {
        Path log = directory.resolve("redis-" + port + ".log");
        List<String> command = new ArrayList<>(List.of(server.path().toString(), "--port", Integer.toString(port),
                "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", directory.toString(),
                "--daemonize", "no"));
        command.addAll(options);
        Process started = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!started.isAlive()) {
                throw new IOException(server.description() + " exited with " + started.exitValue() + " on port "
                        + port + ": " + Files.readString(log).strip());
            }
            if (answersPing(port)) {
                return started;
            }
            // A readiness poll within the deadline, not a wait for something to happen by itself.
            Thread.sleep(20);
        }
        started.destroyForcibly();
        throw new IOException(server.description() + " did not answer PING on port " + port + " within "
                + STARTUP.toSeconds() + "s: " + Files.readString(log).strip());
    }

    static boolean answersPing(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] answer = socket.getInputStream().readNBytes(7);
            return new String(answer, StandardCharsets.US_ASCII).equals("+PONG\r\n");
        }
        catch (IOException ex) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /**
     * Returns the server binary of this JVM: a {@code redis-server} on the PATH, else the one
     * embedded-redis ships.
     * @throws IllegalStateException if none runs here, saying how to install one
     */
    static synchronized Binary binary() {
        if (binary != null) {
            return binary;
        }
        if (unavailable != null) {
            throw new IllegalStateException(unavailable);
        }
        List<String> tried = new ArrayList<>();
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(directory.isEmpty() ? "." : directory, "redis-server");
            if (Files.isExecutable(candidate)) {
                try {
                    binary = Binary.of(candidate, "redis-server on the PATH");
                    return binary;
                }
                catch (IOException ex) {
                    tried.add(candidate + ": " + ex.getMessage());
                }
            }
        }
        if (tried.isEmpty()) {
            tried.add("no redis-server on the PATH");
        }
        try {
            binary = embedded();
            return binary;
        }
        catch (IOException ex) {
            tried.add("the binary of com.github.codemonstur:embedded-redis (" + System.getProperty("os.name") + " "
                    + System.getProperty("os.arch") + "): " + ex.getMessage());
        }
        unavailable = "No Redis server for the tests: " + String.join("; ", tried) + ". " + INSTALL;
        throw new IllegalStateException(unavailable);
    }

    /**
     * Returns the binary embedded-redis ships for this platform, extracted to a temporary file.
     * @throws IOException if there is none for this platform or it does not run
     */
    static Binary embedded() throws IOException {
        File extracted;
        try {
            extracted = ExecutableProvider.newJarResourceProvider().get();
        }
        catch (RuntimeException ex) {
            throw new IOException(ex.getMessage(), ex);
        }
        return Binary.of(extracted.toPath(), "redis-server of embedded-redis");
    }

    /**
     * A Redis server binary that runs here.
     * @param path where it is
     * @param version what {@code --version} says, such as {@code 7.0.15}
     * @param origin where it was found
     */
    record Binary(Path path, String version, String origin) {

        static Binary of(Path path, String origin) throws IOException {
            Path output = Files.createTempFile("redis-version-", ".txt");
            try {
                Process process = new ProcessBuilder(path.toString(), "--version").redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
                boolean exited = process.waitFor(STARTUP.toMillis(), TimeUnit.MILLISECONDS);
                process.destroyForcibly();
                String answer = Files.readString(output).strip();
                if (!exited || process.exitValue() != 0) {
                    throw new IOException("'" + path + " --version' failed: " + answer);
                }
                Matcher version = VERSION.matcher(answer);
                return new Binary(path, version.find() ? version.group(1) : answer, origin);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while running '" + path + " --version'", ex);
            }
            finally {
                Files.deleteIfExists(output);
            }
        }

        String description() {
            return "Redis " + this.version + " (" + this.origin + ", " + this.path + ")";
        }
    }
}
