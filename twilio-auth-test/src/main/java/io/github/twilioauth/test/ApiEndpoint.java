package io.github.twilioauth.test;

import java.io.IOException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * Every request but token requests: routes them to the Messages and Organizations APIs after
 * authenticating them like Twilio, with its recordings and injected faults.
 */
final class ApiEndpoint implements HttpHandler {

    private static final Pattern MESSAGES = Pattern.compile("/2010-04-01/Accounts/([^/]+)/Messages\\.json");

    private static final Pattern MESSAGE = Pattern.compile("/2010-04-01/Accounts/([^/]+)/Messages/([^/]+)\\.json");

    private static final Pattern ORGANIZATION_ACCOUNTS = Pattern.compile("/Organizations/([^/]+)/Accounts");

    private static final Pattern ORGANIZATION_ACCOUNT = Pattern.compile("/Organizations/([^/]+)/Accounts/([^/]+)");

    private final Registry registry;

    private final TokenIssuer issuer;

    private final InstantSource time;

    private final MessagesApi messages;

    private final OrganizationsApi organizations;

    private final RequestLog log;

    private final Queue<RecordedRequest> requests = new ConcurrentLinkedQueue<>();

    private final FaultPlan<Reply> faults = new FaultPlan<>();

    ApiEndpoint(Registry registry, TokenIssuer issuer, MessageStore messages, StatusCallbacks statusCallbacks,
            InstantSource time, RequestLog log) {
        this.registry = registry;
        this.log = log;
        this.issuer = issuer;
        this.time = time;
        this.messages = new MessagesApi(registry, messages, statusCallbacks);
        this.organizations = new OrganizationsApi(registry);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        try (exchange) {
            Reply reply;
            try {
                reply = answer(exchange, path);
            }
            catch (ErrorAnswer error) {
                reply = replyOf(error, path);
            }
            reply.send(exchange);
        }
        catch (InterruptedException ex) {
            // The server is closing: leave without an answer.
            Thread.currentThread().interrupt();
        }
    }

    /** Twilio's error JSON, with the challenge of the product when the error is a 401. */
    private static HttpReply replyOf(ErrorAnswer error, String path) {
        HttpReply reply = error.toReply();
        return (error.status() == 401) ? reply.withHeader("WWW-Authenticate", challenge(path)) : reply;
    }

    private Reply answer(HttpExchange exchange, String path) throws IOException, InterruptedException {
        String method = exchange.getRequestMethod();
        String query = exchange.getRequestURI().getRawQuery();
        Map<String, List<String>> form = FormData.read(exchange);
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        Caller caller = Caller.from(authorization, this.issuer);
        String forwardedHost = exchange.getRequestHeaders().getFirst(TwilioHosts.FORWARDED_HOST);
        this.requests.add(new RecordedRequest(method, path, query, caller.scheme(), caller.principal(), form,
                authorization, exchange.getRequestHeaders().getFirst("User-Agent"), forwardedHost,
                exchange.getRequestHeaders().getFirst("Cookie")));
        this.log.append(forwardedHost, method, path, query, form.keySet(),
                exchange.getRequestHeaders().getFirst("Content-Type"));
        if (!TwilioHosts.serves(forwardedHost, path)) {
            throw ErrorAnswer.notFound(path);
        }
        this.faults.delay();
        Reply injected = this.faults.next();
        if (injected instanceof ErrorAnswer.Injected error) {
            return replyOf(error.error(), path);
        }
        if (injected != null) {
            return injected;
        }
        return route(method, path, FormData.parse(query), form, caller);
    }

    private HttpReply route(String method, String path, Map<String, List<String>> query,
            Map<String, List<String>> form, Caller caller) {
        Instant now = this.time.instant();
        Matcher messages = MESSAGES.matcher(path);
        if (messages.matches()) {
            String accountSid = messages.group(1);
            allow(method, "GET", "POST");
            authorizeAccount(caller, accountSid, now);
            return "POST".equals(method) ? this.messages.create(accountSid, form, now)
                    : this.messages.list(accountSid, query);
        }
        Matcher message = MESSAGE.matcher(path);
        if (message.matches()) {
            allow(method, "GET");
            authorizeAccount(caller, message.group(1), now);
            return this.messages.fetch(message.group(1), message.group(2), path);
        }
        Matcher accounts = ORGANIZATION_ACCOUNTS.matcher(path);
        if (accounts.matches()) {
            allow(method, "GET");
            authorizeOrganization(caller, accounts.group(1), now);
            return this.organizations.list(accounts.group(1), query);
        }
        Matcher account = ORGANIZATION_ACCOUNT.matcher(path);
        if (account.matches()) {
            allow(method, "GET");
            authorizeOrganization(caller, account.group(1), now);
            return this.organizations.fetch(account.group(1), account.group(2), path);
        }
        throw ErrorAnswer.notFound(path);
    }

    private static void allow(String method, String... allowed) {
        if (!List.of(allowed).contains(method)) {
            throw ErrorAnswer.methodNotAllowed(String.join(", ", allowed));
        }
    }

    private void authorizeAccount(Caller caller, String accountSid, Instant now) {
        if (!caller.mayAccessAccount(accountSid, this.registry, now)) {
            throw ErrorAnswer.authenticate();
        }
    }

    private static void authorizeOrganization(Caller caller, String orgSid, Instant now) {
        if (!caller.mayAccessOrganization(orgSid, now)) {
            throw ErrorAnswer.authenticate();
        }
    }

    // Organizations accept only OAuth tokens; the 2010-04-01 API asks for Basic.
    private static String challenge(String path) {
        return path.startsWith("/Organizations/") ? "Bearer realm=\"Twilio API\"" : "Basic realm=\"Twilio API\"";
    }

    List<RecordedRequest> requests() {
        return List.copyOf(this.requests);
    }

    FaultPlan<Reply> faults() {
        return this.faults;
    }

    void reset() {
        this.requests.clear();
        this.faults.clear();
    }
}
