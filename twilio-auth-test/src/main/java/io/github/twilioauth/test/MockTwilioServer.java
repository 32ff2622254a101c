package io.github.twilioauth.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;

/**
 * An in-process stand-in for Twilio, over real HTTP on {@code 127.0.0.1}: the OAuth token
 * endpoint ({@code POST /v2/token}), the Messages resource of the 2010-04-01 API and the
 * Accounts of the Organizations API, authenticating every request the way Twilio does.
 * <p>
 * Register credentials, {@link #start()} the server, point the client under test at
 * {@link #baseUrl()} and {@link #tokenUrl()}, then look at what it sent with
 * {@link #tokenRequests()}, {@link #requests()} and {@link #messages()}, or inject faults
 * (error statuses, {@code Retry-After}, latency, held token requests, revoked tokens, requests
 * never answered).
 * <p>
 * Status callbacks: a message created with a {@code StatusCallback} gets the callbacks Twilio
 * would post to it, signed with the account's Auth Token ({@link #authToken(String)}):
 * form-encoded POSTs of {@code queued}, {@code sent} and {@code delivered}, or of a failure
 * queued with {@link #failNextMessages(int, String, int)}, one after the other from a daemon
 * thread of the server. See {@link #statusCallbacks()} and {@link #awaitStatusCallbacks(int, Duration)}.
 * <p>
 * Authentication: the 2010-04-01 API accepts Basic with the account SID and auth token of the
 * account in the path or with an API key of that account, and Bearer tokens this server issued,
 * not expired, for that account or for an organization that lists it. The Organizations API
 * accepts only Bearer tokens of the organization in the path. Anything else is answered 401
 * with Twilio's error 20003 and a {@code WWW-Authenticate} header. The token endpoint answers
 * its refusals 400 with the Token API's codes: 322402 (invalid credentials), 321402 (empty
 * {@code client_id}), 321403 (invalid {@code grant_type}), 322403 (any other bad request).
 * <p>
 * Products: Twilio serves the token endpoint, the 2010-04-01 API and the Organizations API on
 * hosts of their own ({@code oauth.twilio.com}, {@code api.twilio.com},
 * {@code preview-iam.twilio.com}); this server serves them all on one port. A request whose
 * {@code X-Forwarded-Host} names the Twilio host it stands for gets Twilio's 404 (error 20404)
 * for a path of another product, as does one naming a host that is not Twilio's; a request
 * without the header is routed by its path alone.
 * <p>
 * Thread-safe: every method may be called from any thread, before or after {@code start()},
 * while requests are served. Recordings are immutable snapshots.
 */
public final class MockTwilioServer implements AutoCloseable {

    // Lets a burst of concurrent clients connect while the dispatcher thread accepts them.
    private static final int BACKLOG = 128;

    private static final String LOOPBACK = "127.0.0.1";

    static {
        // Without TCP_NODELAY, the JDK's server holds the body of each response until the client
        // acknowledges its headers, which the client delays by up to 40 ms: every request would
        // take 40 ms longer than Twilio's. Read once, when the JVM's first HttpServer starts.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final Registry registry = new Registry();

    private final RequestLog requestLog = new RequestLog();

    private final MessageStore messages = new MessageStore();

    private final TokenEndpoint tokenEndpoint;

    private final ApiEndpoint apiEndpoint;

    private final StatusCallbacks statusCallbacks;

    private volatile Clock clock = Clock.systemUTC();

    /** What the requests queued by {@code hangNext...} wait for; replaced, once released, by reset. */
    private Hang hang = new Hang();

    private @Nullable HttpServer server;

    private @Nullable ExecutorService executor;

    private boolean closed;

    /**
     * Creates a server that is not started yet, knowing no credentials.
     */
    public MockTwilioServer() {
        InstantSource time = () -> this.clock.instant();
        TokenIssuer issuer = new TokenIssuer();
        this.tokenEndpoint = new TokenEndpoint(this.registry, issuer, time, this.requestLog);
        this.statusCallbacks = new StatusCallbacks(this.registry::authToken);
        this.apiEndpoint = new ApiEndpoint(this.registry, issuer, this.messages, this.statusCallbacks, time,
                this.requestLog);
    }

    /**
     * Binds {@code 127.0.0.1} on a free port and starts serving, each request on a daemon thread
     * of its own.
     * @return this server
     * @throws IllegalStateException if the server was started or closed before
     * @throws UncheckedIOException if no port can be bound
     */
    public synchronized MockTwilioServer start() {
        if (this.server != null || this.closed) {
            throw new IllegalStateException("A MockTwilioServer can be started only once");
        }
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(LOOPBACK, 0), BACKLOG);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot bind " + LOOPBACK, ex);
        }
        server.createContext("/", (exchange) -> {
            String path = exchange.getRequestURI().getPath();
            boolean token = TokenEndpoint.PATH.equals(path)
                    && TwilioHosts.serves(exchange.getRequestHeaders().getFirst(TwilioHosts.FORWARDED_HOST), path);
            (token ? this.tokenEndpoint : this.apiEndpoint).handle(exchange);
        });
        this.executor = Executors.newCachedThreadPool(daemonThreads());
        server.setExecutor(this.executor);
        server.start();
        this.server = server;
        return this;
    }

    /**
     * Stops serving and interrupts the requests in progress, held ones included, and the status
     * callbacks being posted. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (this.closed) {
            return;
        }
        this.closed = true;
        this.hang.release();
        this.statusCallbacks.close();
        HttpServer server = this.server;
        ExecutorService executor = this.executor;
        if (server != null && executor != null) {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    /**
     * Returns the URL of the API hosts, {@code http://127.0.0.1:<port>}.
     * @return the base URL, without a trailing slash
     * @throws IllegalStateException if the server is not running
     */
    public synchronized String baseUrl() {
        if (this.server == null || this.closed) {
            throw new IllegalStateException("MockTwilioServer is not running");
        }
        return baseUrl(this.server.getAddress());
    }

    /**
     * Returns the URL of the token endpoint, {@link #baseUrl()} followed by {@code /v2/token}.
     * @return the token URL
     * @throws IllegalStateException if the server is not running
     */
    public String tokenUrl() {
        return baseUrl() + TokenEndpoint.PATH;
    }

    /**
     * Returns the URL of a port of {@code 127.0.0.1} that nothing listens on, for a client that
     * must fail to connect: the port was free when this method bound it, and is closed again
     * when it returns, so a connection is refused (unless another program binds it meanwhile).
     * @return {@code http://127.0.0.1:<port>}, without a trailing slash
     * @throws UncheckedIOException if no port can be bound
     */
    public static String closedPortUrl() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            return baseUrl(new InetSocketAddress(LOOPBACK, socket.getLocalPort()));
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot bind " + LOOPBACK, ex);
        }
    }

    private static String baseUrl(InetSocketAddress address) {
        return "http://" + address.getHostString() + ":" + address.getPort();
    }

    /**
     * Registers an account and its auth token, for Basic authentication.
     * @param accountSid the account SID
     * @param authToken the auth token
     * @return this server
     */
    public MockTwilioServer account(String accountSid, String authToken) {
        this.registry.account(Objects.requireNonNull(accountSid, "accountSid"),
                Objects.requireNonNull(authToken, "authToken"));
        return this;
    }

    /**
     * Registers an API key of an account, for Basic authentication.
     * @param keySid the API key SID
     * @param secret the API key secret
     * @param accountSid the account the key belongs to
     * @return this server
     */
    public MockTwilioServer apiKey(String keySid, String secret, String accountSid) {
        this.registry.apiKey(Objects.requireNonNull(keySid, "keySid"), Objects.requireNonNull(secret, "secret"),
                Objects.requireNonNull(accountSid, "accountSid"));
        return this;
    }

    /**
     * Registers phone numbers an account owns, which its messages may be sent from. Every
     * account owns Twilio's test number {@code +15005550006}; a message from any other number
     * is refused with error 21606.
     * @param accountSid the account SID
     * @param phoneNumbers the phone numbers, in E.164 form such as {@code +15017122661}
     * @return this server
     */
    public MockTwilioServer phoneNumbers(String accountSid, String... phoneNumbers) {
        this.registry.phoneNumbers(Objects.requireNonNull(accountSid, "accountSid"), List.of(phoneNumbers));
        return this;
    }

    /**
     * Registers an OAuth app whose client credentials get tokens for an account.
     * @param clientId the client id
     * @param clientSecret the client secret
     * @param accountSid the account the tokens are for
     * @return this server
     */
    public MockTwilioServer oauthApp(String clientId, String clientSecret, String accountSid) {
        this.registry.oauthApp(Objects.requireNonNull(clientId, "clientId"),
                Objects.requireNonNull(clientSecret, "clientSecret"), Objects.requireNonNull(accountSid, "accountSid"));
        return this;
    }

    /**
     * Registers an organization and the OAuth app whose client credentials get tokens for it.
     * Its tokens call the Organizations API, and the 2010-04-01 API of the accounts it lists.
     * @param orgSid the organization SID
     * @param clientId the client id
     * @param clientSecret the client secret
     * @param accountSids the accounts of the organization, in the order its Accounts API lists them
     * @return this server
     */
    public MockTwilioServer organization(String orgSid, String clientId, String clientSecret, String... accountSids) {
        this.registry.organization(Objects.requireNonNull(orgSid, "orgSid"),
                Objects.requireNonNull(clientId, "clientId"), Objects.requireNonNull(clientSecret, "clientSecret"),
                List.of(accountSids), this.clock.instant());
        return this;
    }

    /**
     * Returns the Auth Token of an account, which signs its webhooks and status callbacks: the
     * one registered with {@link #account(String, String)}, or, for an account known only through
     * an OAuth app or an organization, one generated on the first call and kept, which Basic
     * authentication then accepts too, as Twilio's does.
     * @param accountSid the account SID
     * @return the Auth Token
     */
    public String authToken(String accountSid) {
        return this.registry.authToken(Objects.requireNonNull(accountSid, "accountSid"));
    }

    /**
     * Makes the status callbacks of the next messages created with a {@code StatusCallback} end
     * in a failure: {@code queued} then {@code failed}, or {@code queued}, {@code sent} then
     * {@code undelivered}, the last one with {@code ErrorCode}.
     * @param count how many messages fail
     * @param status {@code failed} or {@code undelivered}
     * @param errorCode the Twilio error code, such as 30003 (unreachable handset)
     */
    public void failNextMessages(int count, String status, int errorCode) {
        if (!"failed".equals(status) && !"undelivered".equals(status)) {
            throw new IllegalArgumentException("status must be 'failed' or 'undelivered'");
        }
        this.statusCallbacks.failNext(requireCount(count), status, errorCode);
    }

    /**
     * Returns the status callbacks posted so far, in the order they were answered.
     * @return an immutable snapshot of the deliveries
     */
    public List<StatusCallbackDelivery> statusCallbacks() {
        return this.statusCallbacks.deliveries();
    }

    /**
     * Waits until at least {@code count} status callbacks have been answered (or have failed to
     * connect).
     * @param count how many to wait for
     * @param timeout how long to wait at most
     * @return the first {@code count} deliveries, in order
     * @throws IllegalStateException if fewer were delivered in time
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public List<StatusCallbackDelivery> awaitStatusCallbacks(int count, Duration timeout) throws InterruptedException {
        return this.statusCallbacks.await(requireCount(count), requireNotNegative(timeout, "timeout"));
    }

    /**
     * Sets how long issued tokens live (their {@code exp} and {@code expires_in}), one hour
     * unless set.
     * @param lifetime the token lifetime, whole seconds
     * @return this server
     */
    public MockTwilioServer tokenLifetime(Duration lifetime) {
        this.tokenEndpoint.lifetime(requireNotNegative(lifetime, "lifetime"));
        return this;
    }

    /**
     * Sets the clock the server reads for issuing and expiring tokens and for dating resources,
     * so a test can move time; the system UTC clock unless set.
     * @param clock the clock
     * @return this server
     */
    public MockTwilioServer clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * Marks the requests this server receives from now until the returned stretch is closed as
     * off Twilio's spec on purpose, so the request contract suite (which holds the requests a
     * client sends to Twilio's OpenAPI specs) leaves them out and lists them with the reason.
     * @param reason why the requests are off the spec, such as "a message without To, to see
     * error 21604"
     * @return the stretch, to close when the deliberate requests are sent
     */
    public OffSpecRequests offSpec(String reason) {
        return new OffSpecRequests(this.requestLog, Objects.requireNonNull(reason, "reason"));
    }

    /**
     * Returns how many requests reached the token endpoint.
     * @return the number of token requests
     */
    public int tokenRequestCount() {
        return tokenRequests().size();
    }

    /**
     * Returns the requests that reached the token endpoint, in arrival order.
     * @return an immutable snapshot of the token requests
     */
    public List<TokenRequest> tokenRequests() {
        return this.tokenEndpoint.requests();
    }

    /**
     * Returns the access tokens issued, in the order their requests arrived, so a test can tell
     * a token requested earlier from one requested later, whatever order they were answered in.
     * @return an immutable snapshot of the issued tokens
     */
    public List<String> issuedTokens() {
        return this.tokenEndpoint.issued();
    }

    /**
     * Returns every other request, in arrival order.
     * @return an immutable snapshot of the API requests
     */
    public List<RecordedRequest> requests() {
        return this.apiEndpoint.requests();
    }

    /**
     * Returns the messages created, in creation order.
     * @return an immutable snapshot of the messages
     */
    public List<SentMessage> messages() {
        return this.messages.sent();
    }

    /**
     * Forgets recorded requests, created messages and delivered status callbacks, drops queued and
     * random faults, latencies and message failures, releases held token requests and ends hung
     * requests. Registrations, token lifetime and clock are kept.
     */
    public void reset() {
        this.tokenEndpoint.reset();
        this.apiEndpoint.reset();
        this.messages.clear();
        this.statusCallbacks.reset();
        synchronized (this) {
            this.hang.release();
            this.hang = new Hang();
        }
    }

    /**
     * Answers the next token requests with an error status and Twilio's error JSON, without
     * {@code Retry-After}.
     * @param count how many requests to fail
     * @param status the HTTP status, 400 to 599
     */
    public void failNextTokenRequests(int count, int status) {
        this.tokenEndpoint.faults().queue(requireCount(count), ErrorAnswer.of(requireErrorStatus(status)).toReply());
    }

    /**
     * Answers the next token requests as the Token API answers client credentials it refuses,
     * whatever their credentials: 400 with error 322402, as for a client secret revoked on
     * Twilio's side.
     * @param count how many requests to reject
     */
    public void rejectNextTokenRequests(int count) {
        this.tokenEndpoint.faults().queue(requireCount(count), TokenEndpoint.invalidCredentials().toReply());
    }

    /**
     * Answers the next token requests 429 with a {@code Retry-After} header.
     * @param count how many requests to fail
     * @param retryAfter the delay to announce, rounded up to whole seconds
     */
    public void failNextTokenRequestsWithRetryAfter(int count, Duration retryAfter) {
        this.tokenEndpoint.faults()
            .queue(requireCount(count),
                    ErrorAnswer.tooManyRequests(requireNotNegative(retryAfter, "retryAfter")).toReply());
    }

    /**
     * Answers each later token request 500 with Twilio's error JSON with the given probability,
     * until {@link #reset()}. Requests answered by queued token faults come first and draw
     * nothing. The outcomes follow a random sequence of the seed: the n-th token request that
     * draws fails in every run with the same seed, whatever the timing or the threads.
     * @param rate the probability that a token request fails, 0 to 1
     * @param seed the seed of the random sequence
     */
    public void failTokenRequestsRandomly(double rate, long seed) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("rate must be between 0 and 1");
        }
        this.tokenEndpoint.faults().randomly(rate, seed, ErrorAnswer.of(500).toReply());
    }

    /**
     * Answers the next token request with exactly this response, for example a malformed body.
     * Queued after the token faults already queued.
     * @param status the HTTP status, 200 to 599
     * @param contentType the {@code Content-Type} header, or {@code null} for none
     * @param body the body, or {@code null} for none
     */
    public void respondToNextTokenRequest(int status, @Nullable String contentType, @Nullable String body) {
        this.tokenEndpoint.faults().queue(1, new HttpReply(requireStatus(status), Map.of(), contentType, body));
    }

    /**
     * Answers the next token request with a status and a body that never ends, until the client
     * closes the connection, as a broken proxy might.
     * @param status the HTTP status, 200 to 599
     * @param contentType the {@code Content-Type} header
     */
    public void respondToNextTokenRequestWithEndlessBody(int status, String contentType) {
        this.tokenEndpoint.faults()
            .queue(1, new StreamedReply(requireStatus(status), Objects.requireNonNull(contentType, "contentType"), "",
                    -1, ""));
    }

    /**
     * Leaves the next token requests unanswered, as a token endpoint that accepted the connection
     * and stalled: each one is recorded, then waits without a byte of response until
     * {@link #reset()} or {@link #close()}, which close its connection. A client gives up only by
     * its own read timeout. Queued after the token faults already queued.
     * @param count how many requests to leave unanswered
     */
    public synchronized void hangNextTokenRequests(int count) {
        this.tokenEndpoint.faults().queue(requireCount(count), this.hang);
    }

    /**
     * Delays every token response.
     * @param latency the delay, zero for none
     */
    public void tokenLatency(Duration latency) {
        this.tokenEndpoint.faults().latency(requireNotNegative(latency, "latency"));
    }

    /**
     * Holds token requests until the returned gate is released: each one blocks on arrival, after
     * it is recorded. While a gate holds, this returns that same gate.
     * @return the gate holding token requests
     */
    public TokenGate holdTokenRequests() {
        return this.tokenEndpoint.hold();
    }

    /**
     * Answers the next API requests 401 with Twilio's error 20003, whatever their credentials, as
     * Twilio does for a token revoked on its side.
     * @param count how many requests to reject
     */
    public void rejectNextApiRequests(int count) {
        this.apiEndpoint.faults().queue(requireCount(count), ErrorAnswer.authenticate().injected());
    }

    /**
     * Answers the next API requests with an error status and Twilio's error JSON before processing
     * them, so a failed message create creates no message.
     * @param count how many requests to fail
     * @param status the HTTP status, 400 to 599
     */
    public void failNextApiRequests(int count, int status) {
        this.apiEndpoint.faults().queue(requireCount(count), ErrorAnswer.of(requireErrorStatus(status)).injected());
    }

    /**
     * Answers the next API requests 429 with a {@code Retry-After} header, before processing them.
     * @param count how many requests to fail
     * @param retryAfter the delay to announce, rounded up to whole seconds
     */
    public void failNextApiRequestsWithRetryAfter(int count, Duration retryAfter) {
        this.apiEndpoint.faults()
            .queue(requireCount(count),
                    ErrorAnswer.tooManyRequests(requireNotNegative(retryAfter, "retryAfter")).injected());
    }

    /**
     * Answers the next API request with exactly this response, before processing it: a body of
     * the wrong shape, a status Twilio does not send for that call, a redirect.
     * @param status the HTTP status, 200 to 599
     * @param headers more response headers, such as {@code Location}
     * @param contentType the {@code Content-Type} header, or {@code null} for none
     * @param body the body, or {@code null} for none
     */
    public void respondToNextApiRequest(int status, Map<String, String> headers, @Nullable String contentType,
            @Nullable String body) {
        this.apiEndpoint.faults()
            .queue(1, new HttpReply(requireStatus(status), Objects.requireNonNull(headers, "headers"), contentType,
                    body));
    }

    /**
     * Answers the next API request with Twilio's error JSON whose {@code message} is
     * {@code messageLength} characters long, written as it goes: the server never holds it.
     * @param status the HTTP status, 400 to 599
     * @param messageLength the length of the message
     */
    public void respondToNextApiRequestWithLargeError(int status, long messageLength) {
        int code = ErrorAnswer.of(requireErrorStatus(status)).code();
        this.apiEndpoint.faults()
            .queue(1, new StreamedReply(status, "application/json", "{\"code\":" + code + ",\"message\":\"",
                    messageLength, "\",\"more_info\":\"https://www.twilio.com/docs/errors/" + code + "\",\"status\":"
                            + status + "}"));
    }

    /**
     * Answers the next API request with a body sent in chunks, without {@code Content-Length},
     * as a server that streams or compresses its answers does.
     * @param status the HTTP status, 200 to 599
     * @param contentType the {@code Content-Type} header
     * @param body the body
     */
    public void respondToNextApiRequestChunked(int status, String contentType, String body) {
        this.apiEndpoint.faults()
            .queue(1, new StreamedReply(requireStatus(status), Objects.requireNonNull(contentType, "contentType"),
                    Objects.requireNonNull(body, "body"), 0, "", true));
    }

    /**
     * Answers the next API request with a status and a body that never ends, until the client
     * closes the connection.
     * @param status the HTTP status, 200 to 599
     * @param contentType the {@code Content-Type} header
     */
    public void respondToNextApiRequestWithEndlessBody(int status, String contentType) {
        this.apiEndpoint.faults()
            .queue(1, new StreamedReply(requireStatus(status), Objects.requireNonNull(contentType, "contentType"), "",
                    -1, ""));
    }

    /**
     * Leaves the next API requests unanswered, as an API host that accepted the connection and
     * stalled: each one is recorded, then waits without a byte of response until
     * {@link #reset()} or {@link #close()}, which close its connection. A client gives up only by
     * its own read timeout. Queued after the API faults already queued.
     * @param count how many requests to leave unanswered
     */
    public synchronized void hangNextApiRequests(int count) {
        this.apiEndpoint.faults().queue(requireCount(count), this.hang);
    }

    /**
     * Delays every API response.
     * @param latency the delay, zero for none
     */
    public void apiLatency(Duration latency) {
        this.apiEndpoint.faults().latency(requireNotNegative(latency, "latency"));
    }

    private static int requireCount(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative");
        }
        return count;
    }

    private static int requireStatus(int status) {
        if (status < 200 || status > 599) {
            throw new IllegalArgumentException("status must be between 200 and 599");
        }
        return status;
    }

    private static int requireErrorStatus(int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be between 400 and 599");
        }
        return status;
    }

    private static Duration requireNotNegative(Duration duration, String name) {
        if (Objects.requireNonNull(duration, name).isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative");
        }
        return duration;
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return (task) -> {
            Thread thread = new Thread(task, "mock-twilio-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
