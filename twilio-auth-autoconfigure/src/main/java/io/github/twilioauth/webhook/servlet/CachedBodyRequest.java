package io.github.twilioauth.webhook.servlet;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A request whose body was read ahead, up to a limit, so that its hash can be checked before the
 * handler reads it; the handler then reads the same bytes, followed by the rest of a body larger
 * than the limit.
 */
final class CachedBodyRequest extends HttpServletRequestWrapper {

    private final byte[] head;

    private final boolean complete;

    private CachedBodyRequest(HttpServletRequest request, byte[] head, boolean complete) {
        super(request);
        this.head = head;
        this.complete = complete;
    }

    /**
     * Reads the body of a request up to a limit.
     * @param request the request
     * @param limit the largest body kept whole
     * @return the request with its body read ahead
     * @throws IOException if the body cannot be read
     */
    static CachedBodyRequest read(HttpServletRequest request, int limit) throws IOException {
        byte[] head = request.getInputStream().readNBytes(limit + 1);
        boolean complete = head.length <= limit;
        return new CachedBodyRequest(request, head, complete);
    }

    /**
     * Returns the body read ahead.
     * @return the body, or its first limit + 1 bytes when it is larger than the limit
     */
    byte[] body() {
        return this.head;
    }

    boolean isComplete() {
        return this.complete;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        InputStream replay = new ByteArrayInputStream(this.head);
        InputStream body = this.complete ? replay : new SequenceInputStream(replay, super.getInputStream());
        return new ReplayingInputStream(body);
    }

    @Override
    public BufferedReader getReader() throws IOException {
        String encoding = getCharacterEncoding();
        Charset charset = (encoding != null) ? Charset.forName(encoding) : StandardCharsets.ISO_8859_1;
        return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }

    private static final class ReplayingInputStream extends ServletInputStream {

        private final InputStream body;

        private boolean finished;

        ReplayingInputStream(InputStream body) {
            this.body = body;
        }

        @Override
        public int read() throws IOException {
            int read = this.body.read();
            this.finished = read < 0;
            return read;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = this.body.read(buffer, offset, length);
            this.finished = read < 0;
            return read;
        }

        @Override
        public boolean isFinished() {
            return this.finished;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException("A Twilio webhook body read ahead is read synchronously");
        }
    }
}
