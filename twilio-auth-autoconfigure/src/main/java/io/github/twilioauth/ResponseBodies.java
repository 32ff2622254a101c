package io.github.twilioauth;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

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
     * is {@linkplain #abort aborted} and {@code null} returned. A body whose
     * {@code Content-Length} is over the bound is not read at all; one whose length is known and
     * within the bound is read straight into one array of that length.
     * @param response the response
     * @param maxBytes the largest body read
     * @return the body, or {@code null} when it is larger
     * @throws IOException if reading fails
     */
    public static byte @Nullable [] readAtMost(ClientHttpResponse response, long maxBytes) throws IOException {
        long bound = Math.min(maxBytes, MAX_BOUND);
        long length = contentLength(response);
        if (length > bound) {
            abort(response);
            return null;
        }
        InputStream stream = response.getBody();
        byte[] body = (length >= 0) ? readKnownLength(stream, (int) length, bound)
                : stream.readNBytes((int) bound + 1);
        if (body.length <= bound) {
            return body;
        }
        abort(response);
        return null;
    }

    /** The announced length of the body, or -1 when none or not a number. */
    private static long contentLength(ClientHttpResponse response) {
        try {
            return response.getHeaders().getContentLength();
        }
        catch (NumberFormatException ex) {
            return -1;
        }
    }

    /**
     * Reads a body of announced length into an array of that length. A shorter one gives what
     * came, as a read of unknown length would; a longer one (a client that decoded the body and
     * kept its length) is read on, up to one byte past the bound.
     */
    private static byte[] readKnownLength(InputStream stream, int length, long bound) throws IOException {
        byte[] body = new byte[length];
        int read = stream.readNBytes(body, 0, length);
        if (read < length) {
            return Arrays.copyOf(body, read);
        }
        int next = stream.read();
        if (next < 0) {
            return body;
        }
        byte[] rest = stream.readNBytes((int) (bound - length));
        byte[] longer = Arrays.copyOf(body, length + 1 + rest.length);
        longer[length] = (byte) next;
        System.arraycopy(rest, 0, longer, length + 1, rest.length);
        return longer;
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
