package io.github.twilioauth.test;

import java.io.IOException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Twilio's OAuth token endpoint, {@code POST /v2/token} with the client credentials grant,
 * with its recordings and injected faults.
 */
final class TokenEndpoint implements HttpHandler {

    static final String PATH = "/v2/token";

    private final Registry registry;

    private final TokenIssuer issuer;

    private final InstantSource time;

    private final Queue<TokenRequest> requests = new ConcurrentLinkedQueue<>();

    /** Issued tokens by the arrival number of the request they answered. */
    private final ConcurrentNavigableMap<Long, String> issued = new ConcurrentSkipListMap<>();

    private final AtomicLong arrivals = new AtomicLong();

    private final FaultPlan<Reply> faults = new FaultPlan<>();

    private volatile Duration lifetime = Duration.ofHours(1);

    private volatile TokenGate gate;

    TokenEndpoint(Registry registry, TokenIssuer issuer, InstantSource time) {
        this.registry = registry;
        this.issuer = issuer;
        this.time = time;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Reply reply;
            try {
                reply = answer(exchange);
            }
            catch (TwilioError error) {
                reply = error.toReply();
            }
            reply.send(exchange);
        }
        catch (InterruptedException ex) {
            // The server is closing: leave without an answer.
            Thread.currentThread().interrupt();
        }
    }

    private Reply answer(HttpExchange exchange) throws IOException, InterruptedException {
        Map<String, List<String>> form = FormData.read(exchange);
        long arrival = this.arrivals.incrementAndGet();
        this.requests.add(new TokenRequest(exchange.getRequestHeaders().getFirst("Content-Type"),
                FormData.firstValues(form), exchange.getRequestHeaders().getFirst("User-Agent")));
        TokenGate gate = this.gate;
        if (gate != null) {
            gate.pass();
        }
        this.faults.delay();
        Reply injected = this.faults.next();
        if (injected != null) {
            return injected;
        }
        if (!"POST".equals(exchange.getRequestMethod())) {
            throw TwilioError.methodNotAllowed("POST");
        }
        String grantType = required(form, "grant_type");
        if (!"client_credentials".equals(grantType)) {
            throw TwilioError.invalidParameter("Unsupported grant_type '" + grantType + "': use client_credentials");
        }
        String clientId = required(form, "client_id");
        String subject = this.registry.clientSubject(clientId, required(form, "client_secret"))
            .orElseThrow(TwilioError::authenticate);
        Duration lifetime = this.lifetime;
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        String accessToken = this.issuer.issue(clientId, subject, this.time.instant(), lifetime);
        this.issued.put(arrival, accessToken);
        body.put("access_token", accessToken);
        body.putNull("refresh_token");
        body.putNull("id_token");
        body.put("token_type", "Bearer");
        body.put("expires_in", lifetime.toSeconds());
        return HttpReply.json(200, body);
    }

    private static String required(Map<String, List<String>> form, String name) {
        String value = FormData.first(form, name);
        if (value == null) {
            throw TwilioError.invalidParameter("Missing required parameter " + name + " in the post body");
        }
        return value;
    }

    List<TokenRequest> requests() {
        return List.copyOf(this.requests);
    }

    List<String> issued() {
        return List.copyOf(this.issued.values());
    }

    FaultPlan<Reply> faults() {
        return this.faults;
    }

    void lifetime(Duration lifetime) {
        this.lifetime = lifetime;
    }

    /**
     * Starts holding token requests, or returns the gate already holding them.
     */
    synchronized TokenGate hold() {
        if (this.gate == null || this.gate.isReleased()) {
            this.gate = new TokenGate();
        }
        return this.gate;
    }

    synchronized void reset() {
        this.requests.clear();
        this.issued.clear();
        this.faults.clear();
        if (this.gate != null) {
            this.gate.release();
            this.gate = null;
        }
    }
}
