package io.github.twilioauth.sdk;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.twilio.auth_strategy.NoAuthStrategy;
import com.twilio.constant.EnumConstants;
import com.twilio.exception.ApiException;
import com.twilio.http.HttpClient;
import com.twilio.http.IRequest.FormParameters;
import com.twilio.http.Request;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;

import io.github.twilioauth.TwilioApiException;
import io.github.twilioauth.client.TwilioClient;
import io.github.twilioauth.client.TwilioRawResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * twilio-java's {@link HttpClient} on a {@link TwilioClient}: every request of the SDK's
 * resources goes through the client's {@link TwilioClient#exchange exchange}, so through its
 * {@code RestClient}, with its credentials, allowed hosts, retries (a POST is never repeated
 * after a 5xx or a timeout), timeouts, observations, and its endpoints' region, edge and base
 * URL, and the answer comes back as the SDK's {@link Response}.
 * <ul>
 * <li><b>Credentials</b> are the client's alone: the SDK's own ({@code Request.getAuthString()})
 * are never read, and an {@code Authorization} header among the request's is dropped.</li>
 * <li><b>Retries</b> are the client's alone: {@link #reliableRequest(Request)}, the SDK's loop
 * that repeats any request answered 5xx three times (a POST included), sends once here.</li>
 * <li><b>No shared state</b>: {@code getLastRequest()} and {@code getLastResponse()}, fields
 * every thread would overwrite, are never set and stay {@code null}.</li>
 * <li><b>Errors</b>: an error status is handed back as the SDK's {@code Response}, from which
 * its resources raise the SDK's {@link ApiException} with Twilio's status, code and more-info,
 * as they do on their own transport. No response at all (a read timeout) or a body over the
 * client's bounds is an {@code ApiException} with the client's {@link TwilioApiException} as
 * its cause; token failures are the client's
 * {@link io.github.twilioauth.TwilioAuthenticationException}.</li>
 * </ul>
 * Thread-safe and stateless: one instance per {@code TwilioClient} serves every thread.
 */
public final class TwilioSdkHttpClient extends HttpClient {

    private final TwilioClient client;

    /**
     * Creates the SDK's HTTP client on a Twilio client.
     * @param client where the SDK's requests go
     */
    public TwilioSdkHttpClient(TwilioClient client) {
        this.client = Objects.requireNonNull(client, "client must not be null");
    }

    /**
     * Returns an SDK {@link TwilioRestClient} whose every call goes through a Twilio client, with
     * the client's account SID as the SDK's default account. The SDK client holds no credential
     * of its own (its auth strategy is the SDK's {@code NoAuthStrategy}: the SDK adds none), and
     * no region or edge: hosts are chosen by the client's endpoints.
     * @param client where the SDK's calls go
     * @return the SDK client
     */
    public static TwilioRestClient restClientFor(TwilioClient client) {
        return new TwilioRestClient.Builder(NoAuthStrategy.getInstance()).accountSid(client.getAccountSid())
            .httpClient(new TwilioSdkHttpClient(client))
            .build();
    }

    /**
     * Sends the request once: the retries are the Twilio client's.
     * @param request the SDK's request
     * @return the answer, whatever its status
     */
    @Override
    public Response reliableRequest(Request request) {
        return makeRequest(request);
    }

    /**
     * Sends the request once, whatever retries are asked for: the retries are the Twilio
     * client's, which never repeats a POST after a 5xx.
     * @param request the SDK's request
     * @param retryCodes ignored
     * @param retries ignored
     * @param delayMillis ignored
     * @return the answer, whatever its status
     */
    @Override
    public Response reliableRequest(Request request, int[] retryCodes, int retries, long delayMillis) {
        return makeRequest(request);
    }

    /**
     * Sends the request through the Twilio client.
     * @param request the SDK's request
     * @return the answer, whatever its status
     * @throws ApiException when no response came or its body is over the client's bounds
     */
    @Override
    public Response makeRequest(Request request) {
        HttpMethod method = HttpMethod.valueOf(request.getMethod().toString());
        HttpHeaders headers = headersOf(request);
        Object body = bodyOf(request, method, headers);
        TwilioRawResponse response;
        try {
            response = this.client.exchange(method, request.constructURL().toString(), headers, body);
        }
        catch (TwilioApiException ex) {
            Integer status = (ex.statusCode() != 0) ? ex.statusCode() : null;
            throw new ApiException(ex.getMessage(), ex.code(), ex.moreInfo(), status, status, null, null, ex);
        }
        return new ExchangedResponse(response);
    }

    /** The request's own headers, without the SDK's credentials and User-Agent. */
    private static HttpHeaders headersOf(Request request) {
        HttpHeaders headers = new HttpHeaders();
        request.getHeaderParams().forEach((name, values) -> {
            if (!HttpHeaders.AUTHORIZATION.equalsIgnoreCase(name) && !HttpHeaders.USER_AGENT.equalsIgnoreCase(name)) {
                headers.addAll(name, values);
            }
        });
        return headers;
    }

    /**
     * The body as the SDK's own transport sends it: none for GET, else JSON, multipart or a form
     * by the request's content type (a form by default, as the SDK does); the content type is
     * set on {@code headers}.
     */
    private static @Nullable Object bodyOf(Request request, HttpMethod method, HttpHeaders headers) {
        if (method == HttpMethod.GET || method == HttpMethod.HEAD) {
            return null;
        }
        EnumConstants.ContentType type = request.getContentType();
        if (type == EnumConstants.ContentType.JSON) {
            headers.setContentType(MediaType.APPLICATION_JSON);
            String json = request.getBody();
            return (json != null) ? json.getBytes(StandardCharsets.UTF_8) : null;
        }
        if (type == EnumConstants.ContentType.MULTIPART_FORM_DATA) {
            headers.setContentType(MediaType.MULTIPART_FORM_DATA);
            return multipartOf(request.getFormParameters());
        }
        Map<String, List<String>> params = request.getPostParams();
        if (params.isEmpty() && method == HttpMethod.DELETE) {
            return null;
        }
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        return FormEncoding.encode(params);
    }

    private static MultiValueMap<String, Object> multipartOf(List<FormParameters> parameters) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        for (FormParameters parameter : parameters) {
            Object value = parameter.getValue();
            parts.add(parameter.getName(), (parameter.getType() == FormParameters.Type.FILE)
                    ? new FileSystemResource(Path.of(value.toString())) : value.toString());
        }
        return parts;
    }

    @Override
    public String toString() {
        return "TwilioSdkHttpClient[" + this.client + "]";
    }
}
