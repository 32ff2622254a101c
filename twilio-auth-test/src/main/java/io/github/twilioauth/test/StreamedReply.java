package io.github.twilioauth.test;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import com.sun.net.httpserver.HttpExchange;

/**
 * A body written as it goes, never held whole: a prefix, a filler byte repeated, and a suffix,
 * or the filler for ever; with its length, or in chunks. For the bodies a hostile or broken peer
 * sends, which a client must stop reading: an error whose message is tens of megabytes, or a body
 * that never ends; and for a body of unknown length, as a server that streams its answers sends.
 */
final class StreamedReply implements Reply {

    private static final int CHUNK = 8 * 1024;

    private final int status;

    private final String contentType;

    private final byte[] prefix;

    private final long fillerLength;

    private final byte[] suffix;

    private final boolean chunked;

    /**
     * Creates a reply with its {@code Content-Length}, or chunked when it never ends.
     * @param fillerLength how many filler bytes between prefix and suffix, or -1 for a body that
     * never ends (sent chunked, without the suffix)
     */
    StreamedReply(int status, String contentType, String prefix, long fillerLength, String suffix) {
        this(status, contentType, prefix, fillerLength, suffix, fillerLength < 0);
    }

    /**
     * Creates a reply.
     * @param fillerLength how many filler bytes between prefix and suffix, or -1 for a body that
     * never ends (sent chunked, without the suffix)
     * @param chunked whether to send it chunked, without {@code Content-Length}
     */
    StreamedReply(int status, String contentType, String prefix, long fillerLength, String suffix, boolean chunked) {
        this.status = status;
        this.contentType = contentType;
        this.prefix = prefix.getBytes(StandardCharsets.UTF_8);
        this.fillerLength = fillerLength;
        this.suffix = suffix.getBytes(StandardCharsets.UTF_8);
        this.chunked = chunked || fillerLength < 0;
    }

    @Override
    public void send(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", this.contentType);
        boolean endless = this.fillerLength < 0;
        exchange.sendResponseHeaders(this.status,
                this.chunked ? 0 : this.prefix.length + this.fillerLength + this.suffix.length);
        byte[] chunk = new byte[CHUNK];
        Arrays.fill(chunk, (byte) 'x');
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(this.prefix);
            for (long left = this.fillerLength; endless || left > 0; left -= CHUNK) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                out.write(chunk, 0, endless ? CHUNK : (int) Math.min(CHUNK, left));
            }
            out.write(this.suffix);
        }
    }
}
