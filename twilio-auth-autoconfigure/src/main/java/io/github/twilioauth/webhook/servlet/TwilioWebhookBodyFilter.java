package io.github.twilioauth.webhook.servlet;

import java.io.IOException;

import io.github.twilioauth.webhook.TwilioSignature;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads ahead the body of a request whose query has {@code bodySHA256} and whose body is not a
 * form, up to a limit, so that {@link TwilioWebhookHandlerInterceptor} can check its hash and
 * the handler can still read it ({@code @RequestBody}).
 * <p>
 * Every other request passes untouched, after a look at its query string. Ordered ahead of
 * filters that read bodies, after those that set the character encoding or apply forwarded
 * headers.
 */
public final class TwilioWebhookBodyFilter extends OncePerRequestFilter implements Ordered {

    /** The order of this filter. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

    private static final String BODY_SHA256_QUERY = TwilioSignature.BODY_SHA256_PARAMETER + "=";

    private final int maxBodySize;

    /**
     * Creates the filter.
     * @param maxBodySize the largest body read ahead, in bytes; a larger one is rejected by the
     * interceptor when it validates the request
     */
    public TwilioWebhookBodyFilter(int maxBodySize) {
        if (maxBodySize < 0) {
            throw new IllegalArgumentException("maxBodySize must not be negative");
        }
        this.maxBodySize = maxBodySize;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String query = request.getQueryString();
        return query == null || !query.contains(BODY_SHA256_QUERY)
                || TwilioWebhookHandlerInterceptor.isForm(request.getContentType());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(CachedBodyRequest.read(request, this.maxBodySize), response);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
