package io.github.twilioauth;

import java.io.IOException;
import java.io.InputStream;

import org.apache.hc.core5.http.io.EofSensorInputStream;
import org.jspecify.annotations.Nullable;

import org.springframework.http.client.ClientHttpResponse;
import org.springframework.util.ClassUtils;

/**
 * Reads response bodies up to a bound, and gives up on a response without reading the rest:
 * a body of any size, or one that never ends, costs at most the bound in memory and time.
 */
public final class ResponseBodies {

    private static final boolean APACHE_HTTP_CLIENT = ClassUtils
        .isPresent("org.apache.hc.core5.http.io.EofSensorInputStream", ResponseBodies.class.getClassLoader());

    /** Largest bound: what one array holds. */
    private static final long MAX_BOUND = Integer.MAX_VALUE - 8;

    private ResponseBodies() {
    }

    /**
     * Reads a body of at most {@code maxBytes}. A larger one is not read further: the response
     * is {@linkplain #abort aborted} and {@code null} returned.
     * @param response the response
     * @param maxBytes the largest body read
     * @return the body, or {@code null} when it is larger
     * @throws IOException if reading fails
     */
    public static byte @Nullable [] readAtMost(ClientHttpResponse response, long maxBytes) throws IOException {
        byte[] body = response.getBody().readNBytes((int) Math.min(maxBytes, MAX_BOUND) + 1);
        if (body.length <= maxBytes) {
            return body;
        }
        abort(response);
        return null;
    }

    /**
     * Gives up on a response whose body is not wanted: its connection is closed rather than
     * drained for reuse, which Spring's {@code close()} would do, however long the body. Closing
     * the response afterwards is harmless.
     * @param response the response
     */
    public static void abort(ClientHttpResponse response) {
        try {
            InputStream body = response.getBody();
            if (!(APACHE_HTTP_CLIENT && ApacheBodies.abort(body))) {
                body.close();
            }
        }
        catch (IOException ex) {
            // Closing the connection either way.
        }
    }

    /** Apache HttpClient drains a body on close; its stream can drop the connection instead. */
    private static final class ApacheBodies {

        static boolean abort(InputStream body) throws IOException {
            if (body instanceof EofSensorInputStream stream) {
                stream.abort();
                return true;
            }
            return false;
        }
    }
}
