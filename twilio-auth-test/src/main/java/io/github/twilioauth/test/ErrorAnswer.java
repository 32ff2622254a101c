package io.github.twilioauth.test;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Twilio error answer ({@code code}, {@code message}, {@code more_info}, {@code status}),
 * thrown by the request handlers and queued as an injected fault.
 * <p>
 * Immutable and without a stack trace, so one instance can be queued or thrown many times.
 */
final class ErrorAnswer extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private static final int AUTHENTICATE = 20003;

    private static final int INVALID_PARAMETER = 20001;

    private static final int METHOD_NOT_ALLOWED = 20004;

    private final int status;

    private final int code;

    private final Map<String, String> headers;

    private ErrorAnswer(int status, int code, String message, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.headers = headers;
    }

    /**
     * The error Twilio answers with for a status: {@code 20003 Authenticate} for 401,
     * {@code 20000 + status} with the reason phrase otherwise.
     */
    static ErrorAnswer of(int status) {
        return (status == 401) ? authenticate() : new ErrorAnswer(status, 20000 + status, reason(status), Map.of());
    }

    static ErrorAnswer authenticate() {
        return new ErrorAnswer(401, AUTHENTICATE, "Authenticate", Map.of());
    }

    static ErrorAnswer tooManyRequests(Duration retryAfter) {
        long seconds = retryAfter.getSeconds() + ((retryAfter.getNano() > 0) ? 1 : 0);
        return new ErrorAnswer(429, 20429, reason(429), Map.of("Retry-After", Long.toString(seconds)));
    }

    static ErrorAnswer notFound(String path) {
        return new ErrorAnswer(404, 20404, "The requested resource " + path + " was not found", Map.of());
    }

    static ErrorAnswer methodNotAllowed(String allowed) {
        return new ErrorAnswer(405, METHOD_NOT_ALLOWED, "Method not allowed", Map.of("Allow", allowed));
    }

    static ErrorAnswer invalidParameter(String message) {
        return badRequest(INVALID_PARAMETER, message);
    }

    static ErrorAnswer badRequest(int code, String message) {
        return new ErrorAnswer(400, code, message, Map.of());
    }

    int status() {
        return this.status;
    }

    int code() {
        return this.code;
    }

    /**
     * Returns this error as an injected fault, answered as the API answers its errors.
     * @return the fault
     */
    Injected injected() {
        return new Injected(this);
    }

    HttpReply toReply() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("code", this.code);
        body.put("message", getMessage());
        body.put("more_info", "https://www.twilio.com/docs/errors/" + this.code);
        body.put("status", this.status);
        return HttpReply.json(this.status, body, this.headers);
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "HTTP " + status;
        };
    }

    /**
     * An error queued as a fault of the API: answered with the challenge of the product the
     * request was for, as the API answers a 401.
     */
    record Injected(ErrorAnswer error) implements Reply {

        @Override
        public void send(HttpExchange exchange) throws IOException {
            this.error.toReply().send(exchange);
        }
    }
}
