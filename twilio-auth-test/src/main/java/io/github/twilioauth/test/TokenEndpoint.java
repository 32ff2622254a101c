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
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Twilio's OAuth token endpoint, {@code POST /v2/token} with the client credentials grant,
 * with its recordings and injected faults.
 */
final class TokenEndpoint implements HttpHandler {

    static final String PATH = "/v2/token";

    // The Token API's own error codes, all answered 400: the only client error status of its spec.
    // Twilio documents no code of its own for an empty client_secret: the generic 322403 stands in.
    private static final int INVALID_CREDENTIALS = 322402;

    private static final int EMPTY_CLIENT_ID = 321402;

    private static final int INVALID_GRANT_TYPE = 321403;

    private static final int BAD_REQUEST = 322403;

    private final Registry registry;

    private final TokenIssuer issuer;

    private final InstantSource time;

    private final RequestLog log;

    private final Queue<TokenRequest> requests = new ConcurrentLinkedQueue<>();

    /** Issued tokens by the arrival number of the request they answered. */
    private final ConcurrentNavigableMap<Long, String> issued = new ConcurrentSkipListMap<>();

    private final AtomicLong arrivals = new AtomicLong();

    private final FaultPlan<Reply> faults = new FaultPlan<>();

    private volatile Duration lifetime = Duration.ofHours(1);

    private volatile @Nullable TokenGate gate;

    TokenEndpoint(Registry registry, TokenIssuer issuer, InstantSource time, RequestLog log) {
        this.registry = registry;
        this.log = log;
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
            catch (ErrorAnswer error) {
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
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        Map<String, List<String>> form;
        boolean malformed = false;
        try {
            form = FormData.read(exchange);
        }
        catch (ErrorAnswer ex) {
            form = Map.of();
            malformed = true;
        }
        long arrival = this.arrivals.incrementAndGet();
        String forwardedHost = exchange.getRequestHeaders().getFirst(TwilioHosts.FORWARDED_HOST);
        this.requests.add(new TokenRequest(contentType, FormData.firstValues(form),
                exchange.getRequestHeaders().getFirst("User-Agent"), forwardedHost));
        this.log.append(forwardedHost, exchange.getRequestMethod(), PATH, exchange.getRequestURI().getRawQuery(),
                form.keySet(), contentType);
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
            throw ErrorAnswer.methodNotAllowed("POST");
        }
        if (malformed || !FormData.isForm(contentType)) {
            throw ErrorAnswer.badRequest(BAD_REQUEST, "Bad Request");
        }
        String grantType = FormData.first(form, "grant_type");
        if (!"client_credentials".equals(grantType)) {
            throw ErrorAnswer.badRequest(INVALID_GRANT_TYPE, "Invalid grant_type");
        }
        String clientId = FormData.first(form, "client_id");
        if (clientId == null) {
            throw ErrorAnswer.badRequest(EMPTY_CLIENT_ID, "Empty client_id");
        }
        String clientSecret = FormData.first(form, "client_secret");
        if (clientSecret == null) {
            throw ErrorAnswer.badRequest(BAD_REQUEST, "Empty client_secret");
        }
        String subject = this.registry.clientSubject(clientId, clientSecret)
            .orElseThrow(TokenEndpoint::invalidCredentials);
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

    /**
     * The Token API's answer to client credentials it refuses.
     */
    static ErrorAnswer invalidCredentials() {
        return ErrorAnswer.badRequest(INVALID_CREDENTIALS, "Invalid credentials");
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
