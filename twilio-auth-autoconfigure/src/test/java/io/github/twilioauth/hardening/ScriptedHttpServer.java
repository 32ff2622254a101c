package io.github.twilioauth.hardening;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A JDK {@link HttpServer} on {@code 127.0.0.1} answering what a test scripts for each path,
 * for answers the Twilio stand-in never gives: odd error bodies, or no answer at all. Records
 * the path and {@code Authorization} header of every request. A path without a script is
 * answered 404 without a body.
 */
final class ScriptedHttpServer implements AutoCloseable {

    private final HttpServer server;

    private final ExecutorService executor;

    private final Map<String, IntFunction<Reply>> scripts = new ConcurrentHashMap<>();

    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    private final Queue<Request> requests = new ConcurrentLinkedQueue<>();

    private final CountDownLatch closed = new CountDownLatch(1);

    private ScriptedHttpServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    static ScriptedHttpServer start() {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        ExecutorService executor = Executors.newCachedThreadPool((task) -> {
            Thread thread = new Thread(task, "scripted-http");
            thread.setDaemon(true);
            return thread;
        });
        ScriptedHttpServer scripted = new ScriptedHttpServer(server, executor);
        server.createContext("/", scripted::handle);
        server.setExecutor(executor);
        server.start();
        return scripted;
    }

    /**
     * Returns a URL of a port on {@code 127.0.0.1} that nothing listens on.
     */
    static String closedPortUrl(String path) {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort() + path;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + this.server.getAddress().getPort();
    }

    String url(String path) {
        return baseUrl() + path;
    }

    /**
     * Answers every request to the path with the same reply.
     */
    ScriptedHttpServer answer(String path, Reply reply) {
        return answer(path, (n) -> reply);
    }

    /**
     * Answers the n-th request to the path (from 1) with the reply the function gives.
     */
    ScriptedHttpServer answer(String path, IntFunction<Reply> replies) {
        this.scripts.put(path, replies);
        return this;
    }

    /**
     * Never answers requests to the path: they wait until the server is closed.
     */
    ScriptedHttpServer hang(String path) {
        return answer(path, (n) -> null);
    }

    int requestCount(String path) {
        return (int) this.requests.stream().filter((request) -> request.path().equals(path)).count();
    }

    List<String> authorizations(String path) {
        return this.requests.stream()
            .filter((request) -> request.path().equals(path))
            .map(Request::authorization)
            .toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            exchange.getRequestBody().readAllBytes();
            this.requests.add(new Request(path, exchange.getRequestHeaders().getFirst("Authorization")));
            int n = this.counts.computeIfAbsent(path, (key) -> new AtomicInteger()).incrementAndGet();
            IntFunction<Reply> script = this.scripts.get(path);
            Reply reply = (script != null) ? script.apply(n) : Reply.empty(404);
            if (reply == null) {
                this.closed.await();
                return;
            }
            reply.send(exchange);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        this.closed.countDown();
        this.server.stop(0);
        this.executor.shutdownNow();
    }

    /**
     * A request as the server saw it.
     */
    record Request(String path, String authorization) {
    }

    /**
     * A complete response.
     */
    record Reply(int status, String contentType, String body, Map<String, String> headers) {

        static Reply json(int status, String body) {
            return new Reply(status, "application/json", body, Map.of());
        }

        static Reply of(int status, String contentType, String body) {
            return new Reply(status, contentType, body, Map.of());
        }

        static Reply empty(int status) {
            return new Reply(status, null, null, Map.of());
        }

        private void send(HttpExchange exchange) throws IOException {
            this.headers.forEach(exchange.getResponseHeaders()::set);
            if (this.contentType != null) {
                exchange.getResponseHeaders().set("Content-Type", this.contentType);
            }
            byte[] bytes = (this.body != null) ? this.body.getBytes(StandardCharsets.UTF_8) : new byte[0];
            exchange.sendResponseHeaders(this.status, (bytes.length > 0) ? bytes.length : -1);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }
}
