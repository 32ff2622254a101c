package io.github.twilioauth.client;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.StringJoiner;

import io.github.twilioauth.ResponseBodies;
import io.github.twilioauth.Sids;
import io.github.twilioauth.TwilioApiException;
import io.github.twilioauth.TwilioError;
import io.github.twilioauth.TwilioException;
import io.github.twilioauth.TwilioRetryPolicy;
import io.github.twilioauth.credential.BasicCredentialProvider;
import io.github.twilioauth.credential.CredentialProvider;
import io.github.twilioauth.http.TwilioAuthInterceptor;
import io.github.twilioauth.http.TwilioRestClientBuilder;
import io.github.twilioauth.http.TwilioRetryInterceptor;
import io.github.twilioauth.strategy.AuthStrategy;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.util.unit.DataSize;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Calls Twilio APIs with the credentials of a {@link CredentialProvider}.
 * <p>
 * Thread-safe and meant to be shared. Every request goes through a {@link RestClient} that
 * carries a {@link TwilioAuthInterceptor}; error statuses raise {@link TwilioApiException}.
 * After {@link #close()}, every call fails at once. The client of a tenant that
 * {@link TwilioClients} removed or evicted finishes the calls running on it, token waits
 * included; then it is released, and a call that starts later goes to the tenant's current
 * client when it was evicted from the repository tenants' cache (so a client obtained just
 * before its eviction still serves), and fails when its tenant was removed.
 */
public final class TwilioClient implements AutoCloseable {

    /** Default of the largest success body read: a page of 1,000 long messages fits. */
    public static final DataSize DEFAULT_MAX_RESPONSE_SIZE = DataSize.ofMegabytes(10);

    /** Largest error body read: Twilio's error JSON is a few hundred bytes. */
    static final DataSize MAX_ERROR_BODY_SIZE = DataSize.ofKilobytes(64);

    private final RestClient restClient;

    private final TwilioAuthInterceptor interceptor;

    private final TwilioEndpoints endpoints;

    private final @Nullable String accountSid;

    private final @Nullable Messages messages;

    private final DataSize maxResponseSize;

    private volatile boolean closed;

    /** The calls running, for the release of a tenant's client once they have ended. */
    private final CallGate calls = new CallGate();

    /**
     * Where calls go once this client is released, or {@code null}: written once, by
     * {@link #retire}, before the gate's retired state that the readers see first.
     */
    private volatile @Nullable Supplier<TwilioClient> successor;

    /**
     * Creates a client.
     * @param restClient the HTTP client; it must carry {@code interceptor}
     * @param interceptor the interceptor that authenticates the requests of {@code restClient}
     * @param endpoints where API calls go
     * @param accountSid the account in {@code /2010-04-01/Accounts/{sid}} paths, or {@code null}
     */
    public TwilioClient(RestClient restClient, TwilioAuthInterceptor interceptor, TwilioEndpoints endpoints,
            @Nullable String accountSid) {
        this(restClient, interceptor, endpoints, accountSid, DEFAULT_MAX_RESPONSE_SIZE);
    }

    /**
     * Creates a client that reads success bodies of at most the given size.
     * @param restClient the HTTP client; it must carry {@code interceptor}
     * @param interceptor the interceptor that authenticates the requests of {@code restClient}
     * @param endpoints where API calls go
     * @param accountSid the account in {@code /2010-04-01/Accounts/{sid}} paths, or {@code null}
     * @param maxResponseSize the largest success body read; a larger one fails the call
     */
    public TwilioClient(RestClient restClient, TwilioAuthInterceptor interceptor, TwilioEndpoints endpoints,
            @Nullable String accountSid, DataSize maxResponseSize) {
        this.maxResponseSize = Objects.requireNonNull(maxResponseSize, "maxResponseSize must not be null");
        this.restClient = Objects.requireNonNull(restClient, "restClient must not be null");
        this.interceptor = Objects.requireNonNull(interceptor, "interceptor must not be null");
        this.endpoints = Objects.requireNonNull(endpoints, "endpoints must not be null");
        this.accountSid = (accountSid == null || accountSid.isBlank()) ? null : accountSid;
        this.messages = (this.accountSid != null) ? new Messages(this, this.accountSid) : null;
    }

    /**
     * Creates a client with a {@code RestClient} built from the given builder, which is left
     * unchanged, and the default {@link TwilioRetryPolicy}.
     * @param builder the builder of the HTTP client
     * @param credentialProvider the credentials
     * @param endpoints where API calls go
     * @param accountSid the account in {@code /2010-04-01/Accounts/{sid}} paths, or {@code null}
     * @return the client
     */
    public static TwilioClient create(RestClient.Builder builder, CredentialProvider credentialProvider,
            TwilioEndpoints endpoints, @Nullable String accountSid) {
        TwilioAuthInterceptor interceptor = new TwilioAuthInterceptor(credentialProvider,
                endpoints.allowedHosts(List.of(), false));
        RestClient restClient = new TwilioRestClientBuilder(builder,
                new TwilioRetryInterceptor(TwilioRetryPolicy.DEFAULT))
            .build(interceptor);
        return new TwilioClient(restClient, interceptor, endpoints, accountSid);
    }

    /**
     * Returns the Messages resource of this client's account.
     * @return the messages of the account
     * @throws IllegalStateException when the client has no account SID
     */
    public Messages messages() {
        if (this.messages == null) {
            throw new IllegalStateException("messages() needs an account SID: set twilio.account-sid "
                    + "(or pass one to TwilioClient)");
        }
        return this.messages;
    }

    /**
     * Returns where this client's calls go.
     * @return the endpoints
     */
    public TwilioEndpoints getEndpoints() {
        return this.endpoints;
    }

    /**
     * Returns the account in {@code /2010-04-01/Accounts/{sid}} paths.
     * @return the account SID, or {@code null} when none is set
     */
    public @Nullable String getAccountSid() {
        return this.accountSid;
    }

    /**
     * Returns the strategy that authenticates this client's requests now.
     * @return the current strategy
     */
    public AuthStrategy getAuthStrategy() {
        return this.interceptor.getAuthStrategy();
    }

    /**
     * Returns the credentials of this client's requests now.
     * @return the current credential provider, or {@code null} when the client's interceptor
     * was built from an {@link AuthStrategy}
     */
    public @Nullable CredentialProvider getCredentialProvider() {
        return this.interceptor.getCredentialProvider();
    }

    /**
     * Replaces the credentials of this client for every later request; thread-safe.
     * @param credentialProvider the new credentials
     */
    public void setCredentialProvider(CredentialProvider credentialProvider) {
        this.interceptor.setCredentialProvider(credentialProvider);
    }

    /**
     * Returns a client with other credentials, sharing this one's HTTP infrastructure
     * (request factory, connection pool, observations). A {@link BasicCredentialProvider}
     * whose username is an Account SID also becomes the new client's account.
     * @param credentialProvider the credentials of the new client
     * @return the new client
     */
    public TwilioClient withCredentialProvider(CredentialProvider credentialProvider) {
        return withCredentialProvider(credentialProvider, accountSidOf(credentialProvider, this.accountSid));
    }

    /** The account of Basic credentials made of an Account SID and Auth Token, else the fallback. */
    static @Nullable String accountSidOf(CredentialProvider credentialProvider, @Nullable String fallback) {
        return (credentialProvider instanceof BasicCredentialProvider basic && Sids.isSid(basic.getUsername(), "AC"))
                ? basic.getUsername() : fallback;
    }

    /**
     * Returns a client with other credentials and account, sharing this one's HTTP infrastructure.
     * @param credentialProvider the credentials of the new client
     * @param accountSid the account of the new client
     * @return the new client
     */
    public TwilioClient withCredentialProvider(CredentialProvider credentialProvider, @Nullable String accountSid) {
        TwilioAuthInterceptor replacement = new TwilioAuthInterceptor(credentialProvider,
                this.interceptor.getAllowedHosts());
        RestClient client = TwilioRestClientBuilder.withAuthInterceptor(this.restClient, this.interceptor, replacement);
        return new TwilioClient(client, replacement, this.endpoints, accountSid, this.maxResponseSize);
    }

    /**
     * Calls any Twilio endpoint without parameters.
     * @param method the HTTP method
     * @param uri a path on the {@code api} host, an absolute {@code https://*.twilio.com} URI, or an
     * absolute URI on the configured base URL
     * @return the response
     * @throws TwilioApiException when Twilio answers an error status
     */
    public TwilioResponse request(HttpMethod method, String uri) {
        return request(method, uri, Map.of());
    }

    /**
     * Calls any Twilio endpoint with form parameters: in the body for POST, PUT and PATCH,
     * in the query otherwise. A collection value repeats the parameter.
     * @param method the HTTP method
     * @param uri a path on the {@code api} host, an absolute {@code https://*.twilio.com} URI, or an
     * absolute URI on the configured base URL
     * @param formParams the parameters
     * @return the response
     * @throws TwilioApiException when Twilio answers an error status
     */
    public TwilioResponse request(HttpMethod method, String uri, Map<String, ?> formParams) {
        if (!enter()) {
            return successor().request(method, uri, formParams);
        }
        try {
            return send(method, uri, formParams);
        }
        finally {
            this.calls.exit();
        }
    }

    private TwilioResponse send(HttpMethod method, String uri, Map<String, ?> formParams) {
        TwilioEndpoints.Route route = this.endpoints.route(uri);
        URI target = route.uri();
        MultiValueMap<String, String> form = toForm(formParams);
        boolean inBody = method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH;
        RestClient.RequestBodySpec spec = spec(method, inBody || form.isEmpty() ? target : withQuery(target, form),
                route)
            .accept(MediaType.APPLICATION_JSON);
        if (inBody) {
            spec.contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form);
        }
        try {
            return exchange(spec, method, target);
        }
        catch (ResourceAccessException ex) {
            throw noResponse(method, target, ex);
        }
    }

    /**
     * Calls any Twilio endpoint and returns its answer whatever the status: the raw exchange for
     * callers that read Twilio's error statuses themselves, such as the adapter of an SDK. The
     * request goes the way of every call of this client: routed to its endpoints (with
     * {@link TwilioEndpoints#FORWARDED_HOST} on a base URL), authenticated, retried when safe,
     * and observed. Its {@code Authorization} header is this client's alone: one among
     * {@code headers} is dropped.
     * @param method the HTTP method
     * @param uri a path on the {@code api} host, an absolute {@code https://*.twilio.com} URI, or an
     * absolute URI on the configured base URL; encoded, with its query
     * @param headers more request headers, such as {@code Content-Type}
     * @param body the body: {@code byte[]} sent as it is (as {@code application/octet-stream}
     * unless {@code headers} say otherwise), any other written by the {@code RestClient}'s
     * message converters (such as a {@code String}, or a {@code MultiValueMap} of a form), or
     * {@code null} for none
     * @return the status, headers and body; a success body of at most the client's largest
     * response size, an error body of at most 64 KB or that size when smaller
     * @throws TwilioApiException when no response came (status 0), or its body is larger than
     * that (with the status)
     * @throws io.github.twilioauth.TwilioAuthenticationException when no credential could be had
     * @throws TwilioException when the client is closed
     */
    public TwilioRawResponse exchange(HttpMethod method, String uri, HttpHeaders headers, @Nullable Object body) {
        if (!enter()) {
            return successor().exchange(method, uri, headers, body);
        }
        try {
            return sendRaw(method, uri, headers, body);
        }
        finally {
            this.calls.exit();
        }
    }

    private TwilioRawResponse sendRaw(HttpMethod method, String uri, HttpHeaders headers, @Nullable Object body) {
        TwilioEndpoints.Route route = this.endpoints.route(uri);
        URI target = route.uri();
        RestClient.RequestBodySpec spec;
        if (body == null || body instanceof byte[]) {
            // The headers go straight onto the request, rather than onto the spec to be merged
            // with the default headers into a copy first, and bytes need no message converter.
            spec = this.restClient.method(method)
                .uri(target)
                .httpRequest((request) -> putHeaders(request.getHeaders(), headers, route, (byte[]) body));
            if (body instanceof byte[] bytes) {
                spec.body((stream) -> stream.write(bytes));
            }
        }
        else {
            spec = spec(method, target, route).headers((all) -> headers.forEach((name, values) -> {
                if (!HttpHeaders.AUTHORIZATION.equalsIgnoreCase(name)) {
                    all.addAll(name, values);
                }
            })).body(body);
        }
        try {
            return spec.exchange((request, response) -> {
                int status = response.getStatusCode().value();
                byte[] read = readBody(response, status);
                if (read == null) {
                    throw tooLarge(method + " " + target.getPath(), status);
                }
                return new TwilioRawResponse(status, response.getHeaders(), read);
            });
        }
        catch (ResourceAccessException ex) {
            throw noResponse(method, target, ex);
        }
    }

    /**
     * Puts the given headers but {@code Authorization} on a request, in place of default headers
     * of the same names, then {@link TwilioEndpoints#FORWARDED_HOST} on a base URL, and the
     * content type and length of a body of bytes, as the {@code RestClient}'s converter of
     * {@code byte[]} would.
     */
    private static void putHeaders(HttpHeaders request, HttpHeaders headers, TwilioEndpoints.Route route,
            byte @Nullable [] body) {
        headers.forEach((name, values) -> {
            if (!HttpHeaders.AUTHORIZATION.equalsIgnoreCase(name)) {
                request.put(name, new ArrayList<>(values));
            }
        });
        if (route.standsFor() != null) {
            request.set(TwilioEndpoints.FORWARDED_HOST, route.standsFor());
        }
        if (body != null) {
            if (!request.containsHeader(HttpHeaders.CONTENT_TYPE)) {
                request.setContentType(MediaType.APPLICATION_OCTET_STREAM);
            }
            if (!request.containsHeader(HttpHeaders.CONTENT_LENGTH)) {
                request.setContentLength(body.length);
            }
        }
    }

    /**
     * Admits a call, which {@link CallGate#exit()} must end on every path.
     * @return {@code false} when this client was released and its calls go to its successor
     * @throws TwilioException when the client is closed, or released without a successor
     */
    private boolean enter() {
        if (this.closed) {
            throw new TwilioException("This TwilioClient is closed: no call is made after close(), which happens"
                    + " when its application context closes");
        }
        if (this.calls.enter()) {
            return true;
        }
        if (this.successor != null) {
            return false;
        }
        throw new TwilioException("This TwilioClient was released: TwilioClients removed its tenant and the calls"
                + " running on it have ended. Get the tenant's client again with TwilioClients.get(name) for each"
                + " unit of work rather than keeping it.");
    }

    private TwilioClient successor() {
        Supplier<TwilioClient> successor = Objects.requireNonNull(this.successor, "successor");
        return successor.get();
    }

    /**
     * Retires this client, the client of a tenant that {@link TwilioClients} removed or
     * evicted: the calls running on it go on, and once none runs the release runs; later calls
     * go to the successor, or fail without one.
     * @param release what to run once no call runs any more; must not throw
     * @param successor the tenant's client from then on, such as what {@code TwilioClients.get}
     * returns for an evicted repository tenant, or {@code null} for a removed tenant
     */
    void retire(Runnable release, @Nullable Supplier<TwilioClient> successor) {
        this.successor = successor;
        this.calls.retire(release);
    }

    /**
     * Returns whether {@link TwilioClients} released this client: its tenant was removed or
     * evicted and the calls running on it have ended; later calls go to the tenant's current
     * client (evicted) or fail (removed).
     * @return whether it was released
     */
    public boolean isReleased() {
        return this.calls.isReleased();
    }

    private RestClient.RequestBodySpec spec(HttpMethod method, URI uri, TwilioEndpoints.Route route) {
        RestClient.RequestBodySpec spec = this.restClient.method(method).uri(uri);
        if (route.standsFor() != null) {
            spec.header(TwilioEndpoints.FORWARDED_HOST, route.standsFor());
        }
        return spec;
    }

    private static TwilioApiException noResponse(HttpMethod method, URI target, ResourceAccessException ex) {
        return new TwilioApiException("Twilio call " + method + " " + target.getPath() + " got no response: "
                + ex.getMostSpecificCause(), ex);
    }

    private TwilioResponse exchange(RestClient.RequestBodySpec spec, HttpMethod method, URI target) {
        String call = method + " " + target.getPath();
        return spec.exchange((request, response) -> {
            int status = response.getStatusCode().value();
            byte[] body = readBody(response, status);
            if (status >= 400) {
                TwilioError error = (body != null)
                        ? TwilioError.parse(body, response.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE))
                        : new TwilioError(null, "a body larger than " + describe(limitOf(status)) + ", not read",
                                null);
                throw new TwilioApiException("Twilio answered " + call + " with " + error.describe(status), status,
                        error.code(), error.moreInfo());
            }
            if (body == null) {
                throw tooLarge(call, status);
            }
            return new TwilioResponse(status, new String(body, StandardCharsets.UTF_8));
        });
    }

    /**
     * Reads a body within its bound, {@link #limitOf(int)}; past it, reads no further and
     * returns {@code null}.
     */
    private byte @Nullable [] readBody(ClientHttpResponse response, int status) throws IOException {
        return ResponseBodies.readAtMost(response, limitOf(status).toBytes());
    }

    /**
     * The largest body read: the largest response for a success; for an error 64 KB, or less
     * when the largest response is smaller.
     */
    private DataSize limitOf(int status) {
        if (status < 400) {
            return this.maxResponseSize;
        }
        return (this.maxResponseSize.compareTo(MAX_ERROR_BODY_SIZE) < 0) ? this.maxResponseSize : MAX_ERROR_BODY_SIZE;
    }

    private TwilioApiException tooLarge(String call, int status) {
        String bound = describe(limitOf(status)) + ((status >= 400) ? "" : " (twilio.http.max-response-size)");
        return new TwilioApiException("Twilio answered " + call + " with HTTP " + status + " and a body larger than "
                + bound + ", not read further", status, null, null);
    }

    /** A size as people write it: 64 KB, 10 MB. */
    private static String describe(DataSize size) {
        long bytes = size.toBytes();
        if (bytes % (1024 * 1024) == 0) {
            return (bytes / (1024 * 1024)) + " MB";
        }
        return (bytes % 1024 == 0) ? (bytes / 1024) + " KB" : bytes + " bytes";
    }

    /**
     * Calls an endpoint that answers a resource: any status but 200 and 201, or a body that is
     * not a JSON object, is a {@link TwilioApiException}.
     */
    JsonObject requestObject(HttpMethod method, String uri, Map<String, ?> formParams) {
        TwilioResponse response = request(method, uri, formParams);
        String call = method + " " + this.endpoints.route(uri).uri().getPath();
        if (response.statusCode() != 200 && response.statusCode() != 201) {
            throw JsonObject.unexpected(call, response.statusCode(), "a status other than 200 or 201");
        }
        return JsonObject.of(response, call);
    }

    private static MultiValueMap<String, String> toForm(Map<String, ?> params) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        params.forEach((name, value) -> {
            if (value instanceof Collection<?> values) {
                values.forEach((item) -> form.add(name, String.valueOf(item)));
            }
            else if (value != null) {
                form.add(name, String.valueOf(value));
            }
        });
        return form;
    }

    private static URI withQuery(URI target, MultiValueMap<String, String> params) {
        StringJoiner query = new StringJoiner("&");
        if (target.getRawQuery() != null) {
            query.add(target.getRawQuery());
        }
        params.forEach((name, values) -> values.forEach((value) -> query
            .add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value,
                    StandardCharsets.UTF_8))));
        String uri = target.toString();
        int queryStart = uri.indexOf('?');
        return URI.create(((queryStart < 0) ? uri : uri.substring(0, queryStart)) + "?" + query);
    }

    /**
     * Closes this client: later calls fail at once with a {@link TwilioException}. Its
     * credentials stay open: they belong to whoever built them, who closes their token manager
     * (the application context closes the starter's single client's; {@link TwilioClients}
     * those it was handed with a tenant). Idempotent.
     */
    @Override
    public void close() {
        this.closed = true;
    }

    @Override
    public String toString() {
        return "TwilioClient[accountSid=" + this.accountSid + ", endpoints=" + this.endpoints + ", interceptor="
                + this.interceptor + "]";
    }
}
